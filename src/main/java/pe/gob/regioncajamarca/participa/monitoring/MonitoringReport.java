package pe.gob.regioncajamarca.participa.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import pe.gob.regioncajamarca.participa.projects.Territory;
import pe.gob.regioncajamarca.participa.documents.PdfDocuments;

/**
 * The Follow-up and Monitoring Report of a quarter ("Informe de Seguimiento y Monitoreo"): the round's reports in
 * tables per executing unit and per province, the share of each status, money accrued to date against the updated
 * total costs ({@link FinancialExecution}), and
 * the alerts. The same model feeds the public page {@code /seguimiento/{quarter}} and the PDF.
 */
@Service
class MonitoringReport {

    private final pe.gob.regioncajamarca.participa.investments.NationalFigures nationalFigures;

    private final MonitoringService monitoring;
    private final MonitoringAlerts alerts;
    private final Territory territory;
    private final PdfDocuments pdf;

    public MonitoringReport(MonitoringService monitoring, MonitoringAlerts alerts, Territory territory,
                            PdfDocuments pdf, pe.gob.regioncajamarca.participa.investments.NationalFigures nationalFigures) {
        this.nationalFigures = nationalFigures;
        this.monitoring = monitoring;
        this.alerts = alerts;
        this.territory = territory;
        this.pdf = pdf;
    }

    /** The projects of a round grouped under one key (a unit or a province). */
    public record Group(String name, List<MonitoringService.Report> reports, int reported, int completed,
                        int inExecution, int paralysed, int notStarted, int unreported, BigDecimal agreed,
                        BigDecimal executed, BigDecimal averagePhysical) {

        public int projects() {
            return reports.size();
        }

        /** Accrued to date over the updated total costs of the group: {@link FinancialExecution#percentOf}. */
        public BigDecimal executedPercent() {
            BigDecimal percent = FinancialExecution.percentOf(executed, agreed);
            return percent == null ? BigDecimal.ZERO : percent;
        }

        /** Bar widths (0-100) of the money executed and of the average physical progress. */
        public int executedBar() {
            return Math.min(100, executedPercent().intValue());
        }

        public int physicalBar() {
            return Math.min(100, averagePhysical.intValue());
        }

        /** Share of {@code n} among the projects, in whole per cent (for the bars). */
        public int percentOf(int n) {
            return reports.isEmpty() ? 0 : Math.round(100f * n / reports.size());
        }
    }

    public record Table(String title, List<Group> groups) {
    }

    static Group group(String name, List<MonitoringService.Report> reports) {
        int reported = 0, completed = 0, inExecution = 0, paralysed = 0, notStarted = 0, unreported = 0;
        BigDecimal agreed = BigDecimal.ZERO, executed = BigDecimal.ZERO, physical = BigDecimal.ZERO;
        for (MonitoringService.Report r : reports) {
            // what each project's accrued money is measured against (never one year's PIM)
            BigDecimal base = FinancialExecution.base(r.updatedCost(), r.cost());
            agreed = agreed.add(base == null ? BigDecimal.ZERO : base);
            if (!"REPORTADO".equals(r.status())) {
                unreported++;
                continue;
            }
            reported++;
            executed = executed.add(r.financialExecution() == null ? BigDecimal.ZERO : r.financialExecution());
            physical = physical.add(r.physicalProgress() == null ? BigDecimal.ZERO : r.physicalProgress());
            switch (String.valueOf(r.executionStatus())) {
                case "CONCLUIDO" -> completed++;
                case "EN_EJECUCION" -> inExecution++;
                case "PARALIZADO" -> paralysed++;
                default -> notStarted++;
            }
        }
        BigDecimal average = reported == 0 ? BigDecimal.ZERO
                : physical.divide(BigDecimal.valueOf(reported), 1, RoundingMode.HALF_UP);
        return new Group(name, reports, reported, completed, inExecution, paralysed, notStarted, unreported, agreed,
                executed, average);
    }

    private static List<Group> groups(List<MonitoringService.Report> reports,
                                      Function<MonitoringService.Report, String> key) {
        Map<String, List<MonitoringService.Report>> byKey = new LinkedHashMap<>();
        reports.forEach(r -> byKey.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        return byKey.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> group(e.getKey(), e.getValue())).toList();
    }

    /** The model of the report of {@code quarter}; empty when the quarter has no round. */
    public Optional<Map<String, Object>> model(String quarter) {
        return monitoring.round(quarter).map(round -> {
            List<MonitoringService.Report> reports = monitoring.reports(quarter);
            Map<String, String> scopeNames = territory.scopeNames();
            Map<String, Object> model = new HashMap<>();
            model.put("quarter", quarter);
            model.put("period", Quarter.parse(quarter).months()); // "julio a septiembre de 2026"
            model.put("round", round);
            model.put("total", group("Total", reports));
            List<Group> byUnit = groups(reports, MonitoringService.Report::unitName);
            List<Group> byScope = groups(reports, r -> scopeNames.getOrDefault(r.scope(), r.scope()));
            model.put("byUnit", byUnit);
            model.put("byScope", byScope);
            model.put("groupTables", List.of(new Table("Por provincia", byScope), new Table("Por unidad ejecutora", byUnit)));
            model.put("statusNames", MonitoringService.STATUS_NAMES);
            model.put("alerts", alerts.ofQuarter(quarter));
            model.put("scopeNames", scopeNames);
            // what the national investment system says of the same projects, with its source and date
            Map<String, pe.gob.regioncajamarca.participa.investments.NationalFigures.National> national =
                    new HashMap<>();
            reports.forEach(r -> nationalFigures.of(r.cui()).ifPresent(n -> national.put(r.cui(), n)));
            model.put("national", national);
            model.put("nationalSource", pe.gob.regioncajamarca.participa.investments.NationalFigures.SOURCE);
            return model;
        });
    }

    /** The report as a PDF ("BORRADOR" while the round is open). */
    public Optional<byte[]> pdf(String quarter) {
        return model(quarter).map(m -> pdf.render("informe-seguimiento",
                "Informe de Seguimiento y Monitoreo " + quarter, m));
    }
}
