package pe.gob.regioncajamarca.participa.monitoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A project's progress over time as an inline SVG line chart (no script, no inline style): physical progress and
 * financial execution (% of the PIM) per reported quarter, in a 120 × 60 view box whose plot area runs from
 * x = 12 to 116 and from y = 50 (0 %) to y = 6 (100 %).
 */
public record ProgressChart(String physicalPoints, String financialPoints, List<Tick> ticks, String summary,
                            List<Dot> physicalDots, List<Dot> financialDots) {

    public record Tick(double x, String label) {
    }

    /**
     * A reported value drawn as a point with its value written beside it: a line needs two quarters, and a
     * project with one report (most, in their first year) showed an empty chart (issue 19).
     */
    public record Dot(double x, double y, String label) {
    }

    static final double LEFT = 12, RIGHT = 116, BOTTOM = 50, TOP = 6;

    static double y(BigDecimal percent) {
        double p = Math.max(0, Math.min(100, percent.doubleValue()));
        return BOTTOM - (BOTTOM - TOP) * p / 100;
    }

    public static ProgressChart of(List<MonitoringService.Progress> progress) {
        int n = progress.size();
        StringBuilder physical = new StringBuilder();
        StringBuilder financial = new StringBuilder();
        List<Tick> ticks = new ArrayList<>();
        List<Dot> physicalDots = new ArrayList<>();
        List<Dot> financialDots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MonitoringService.Progress p = progress.get(i);
            double x = n == 1 ? (LEFT + RIGHT) / 2 : LEFT + (RIGHT - LEFT) * i / (n - 1);
            double rx = Math.round(x * 10) / 10.0;
            if (p.physicalProgress() != null) {
                physical.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(p.physicalProgress())));
                physicalDots.add(new Dot(rx, Math.round(y(p.physicalProgress()) * 10) / 10.0,
                        format(p.physicalProgress()) + " %"));
            }
            if (p.financialPercent() != null) {
                financial.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(p.financialPercent())));
                financialDots.add(new Dot(rx, Math.round(y(p.financialPercent()) * 10) / 10.0,
                        format(p.financialPercent().setScale(1, java.math.RoundingMode.HALF_UP)) + " %"));
            }
            ticks.add(new Tick(Math.round(x * 10) / 10.0, p.quarter()));
        }
        String summary = n == 0 ? "Sin reportes" : "Avance físico de " + format(progress.get(0).physicalProgress())
                + " % en " + progress.get(0).quarter() + " a " + format(progress.get(n - 1).physicalProgress())
                + " % en " + progress.get(n - 1).quarter();
        return new ProgressChart(physical.toString().trim(), financial.toString().trim(), ticks, summary,
                List.copyOf(physicalDots), List.copyOf(financialDots));
    }

    private static String format(BigDecimal v) {
        return v == null ? "—" : v.stripTrailingZeros().toPlainString();
    }
}
