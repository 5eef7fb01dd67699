package pe.gob.regioncajamarca.participa.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Issue 19: a chart draws what there is: one quarter is a point with its value, not an empty line. */
class ProgressChartTest {

    private static MonitoringService.Progress quarter(String q, String physical, String spent) {
        return new MonitoringService.Progress(q, new BigDecimal(physical), new BigDecimal(spent), "EN_EJECUCION", null,
                new BigDecimal("1000000"), new BigDecimal("1200000"), null, new BigDecimal("1000000"));
    }

    @Test
    void oneQuarterIsAPointWithItsValue() {
        ProgressChart chart = ProgressChart.of(List.of(quarter("2026-Q3", "35", "330000")));
        assertThat(chart.physicalDots()).singleElement().satisfies(d -> {
            assertThat(d.x()).isEqualTo(64.0);
            assertThat(d.y()).isEqualTo(34.6); // 50 - 44 × 0.35
            assertThat(d.label()).isEqualTo("35 %");
        });
        assertThat(chart.financialDots()).singleElement().satisfies(d -> assertThat(d.label()).isEqualTo("33 %"));
        assertThat(chart.ticks()).extracting(ProgressChart.Tick::label).containsExactly("2026-Q3");
    }

    @Test
    void severalQuartersAreLinesWithAPointEach() {
        ProgressChart chart = ProgressChart.of(List.of(quarter("2026-Q2", "10", "100000"),
                quarter("2026-Q3", "35", "330000")));
        assertThat(chart.physicalPoints()).isEqualTo("12.0,45.6 116.0,34.6");
        assertThat(chart.physicalDots()).hasSize(2);
        assertThat(chart.summary()).isEqualTo("Avance físico de 10 % en 2026-Q2 a 35 % en 2026-Q3");
    }
}
