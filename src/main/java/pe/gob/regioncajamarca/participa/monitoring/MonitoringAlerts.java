package pe.gob.regioncajamarca.participa.monitoring;

import pe.gob.regioncajamarca.participa.calendar.Now;
import pe.gob.regioncajamarca.participa.projects.Projects;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alerts of a quarter, decided by the DMN table {@code alertas-seguimiento} (processes/, readable and changeable
 * by a manager in Camunda Modeler): for each project of the round its reported status, the gap between financial
 * execution ({@link FinancialExecution#percent}: accrued to date over the updated total cost) and physical progress, and how many quarters its physical progress has not moved. The
 * alerts are stored per project and quarter, shown on the project's page and in the report to the committee.
 */
@Service
public class MonitoringAlerts {

    public static final String DECISION = "alertas-seguimiento";

    private final JdbcClient jdbc;
    private final DecisionService decisions;
    private final pe.gob.regioncajamarca.participa.investments.NationalFigures national;
    private final pe.gob.regioncajamarca.participa.investments.NationalSettings nationalSettings;

    private final Projects projects;

    public MonitoringAlerts(JdbcClient jdbc, DecisionService decisions,
                            pe.gob.regioncajamarca.participa.investments.NationalFigures national,
                            pe.gob.regioncajamarca.participa.investments.NationalSettings nationalSettings, Projects projects) {
        this.projects = projects;
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.national = national;
        this.nationalSettings = nationalSettings;
    }

    public record Alert(String quarter, long projectId, int cycleYear, String cui, String projectName, String unitName, String scope,
                        String code, String message) {
    }

    record Row(long projectId, String status, BigDecimal physical, BigDecimal financial, BigDecimal updatedCost,
               BigDecimal projectCost, String executionStatus, String cui) {
    }

    private List<Row> rows(String quarter, String andWhere, Object... params) {
        Object[] all = new Object[params.length + 1];
        all[0] = quarter;
        System.arraycopy(params, 0, all, 1, params.length);
        List<Row> reports = jdbc.sql("""
                SELECT r.project_id, r.status, r.physical_progress, r.financial_execution, r.updated_cost,
                       r.execution_status
                FROM monitoring_report r WHERE r.quarter = ?""" + andWhere)
                .params(all)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), null, rs.getString(6), null)).list();
        Map<Long, Projects.Project> byId = projects.byIds(reports.stream().map(Row::projectId).toList());
        return reports.stream().filter(x -> byId.containsKey(x.projectId()))
                .map(x -> new Row(x.projectId(), x.status(), x.physical(), x.financial(), x.updatedCost(),
                        byId.get(x.projectId()).cost(), x.executionStatus(), byId.get(x.projectId()).cui()))
                .toList();
    }

    /** The decision's input for one project's report of a quarter, as {@link #evaluate} passes it. */
    Map<String, Object> inputOf(String quarter, long projectId) {
        return rows(quarter, " AND r.project_id = ?", projectId).stream().findFirst()
                .map(r -> input(r, quarter, threshold())).orElseThrow();
    }

    private Map<String, Object> input(Row r, String quarter, double threshold) {
        Map<String, Object> in = new HashMap<>();
        boolean reported = "REPORTADO".equals(r.status());
        in.put("reportado", reported);
        in.put("estado", r.executionStatus());
        in.put("brecha", gap(r));
        in.put("trimestresSinAvance", reported ? quartersWithoutProgress(r.projectId(), quarter) : 0);
        in.put("diferenciaMef", reported ? nationalGap(r) : null);
        in.put("umbralMef", threshold);
        return in;
    }

    /** The planning office's threshold of the difference with the national figures (percentage points). */
    private double threshold() {
        return nationalSettings.threshold().points().doubleValue();
    }

    /**
     * How far (percentage points, absolute) the unit's financial execution is from the national system's for the
     * same project, both by {@link FinancialExecution#percent} (accrued to date over the updated cost); null without
     * national figures.
     */
    Double nationalGap(Row r) {
        BigDecimal reported = FinancialExecution.percent(r.financial(), r.updatedCost(), r.projectCost());
        if (reported == null) {
            return null;
        }
        return national.of(r.cui()).map(n -> FinancialExecution.percent(n.accruedToDate(), n.updatedCost(),
                        r.projectCost()))
                .map(n -> n.subtract(reported).abs().doubleValue()).orElse(null);
    }

    /** Evaluates the decision for every project of the round and stores the alerts; returns how many. */
    @Transactional
    public int evaluate(String quarter) {
        int raised = 0;
        double threshold = threshold();
        for (Row r : rows(quarter, "")) {
            DmnDecisionResult result = decisions.evaluateDecisionByKey(DECISION).variables(input(r, quarter, threshold))
                    .evaluate();
            for (var entry : result) {
                String code = entry.getEntry("codigo");
                String message = entry.getEntry("mensaje");
                if (jdbc.sql("SELECT COUNT(*) FROM monitoring_alert WHERE quarter = ? AND project_id = ? AND code = ?")
                        .params(quarter, r.projectId(), code).query(Integer.class).single() == 0) {
                    jdbc.sql("INSERT INTO monitoring_alert (quarter, project_id, code, message, raised_at) VALUES (?, ?, ?, ?, ?)")
                            .params(quarter, r.projectId(), code, message, Now.timestamp()).update();
                    raised++;
                }
            }
        }
        return raised;
    }

    /**
     * Financial execution ({@link FinancialExecution#percent}) minus physical progress, in percentage points; 0 when
     * either is unknown.
     */
    static double gap(Row r) {
        BigDecimal financialPct = FinancialExecution.percent(r.financial(), r.updatedCost(), r.projectCost());
        if (r.physical() == null || financialPct == null) {
            return 0;
        }
        return financialPct.subtract(r.physical()).doubleValue();
    }

    /** Consecutive reported quarters, ending with this one, whose physical progress equals the previous one's. */
    int quartersWithoutProgress(long projectId, String quarter) {
        List<BigDecimal> progress = jdbc.sql("""
                SELECT physical_progress FROM monitoring_report WHERE project_id = ? AND quarter <= ?
                AND status = 'REPORTADO' ORDER BY quarter DESC""").params(projectId, quarter)
                .query(BigDecimal.class).list();
        int unchanged = 0;
        for (int i = 0; i + 1 < progress.size(); i++) {
            if (progress.get(i) != null && progress.get(i + 1) != null
                    && progress.get(i).compareTo(progress.get(i + 1)) == 0) {
                unchanged++;
            } else {
                break;
            }
        }
        return unchanged;
    }

    public List<Alert> ofQuarter(String quarter) {
        return query("a.quarter = ?", quarter);
    }

    public List<Alert> ofProject(int year, String cui) {
        Optional<Projects.Project> project = projects.find(year, cui);
        if (project.isEmpty()) {
            return List.of();
        }
        return withProjects(jdbc.sql("SELECT a.quarter, a.project_id, a.code, a.message FROM monitoring_alert a "
                        + "WHERE a.project_id = ?").param(project.get().id())
                .query(MonitoringAlerts::mapAlert).list()).stream()
                .sorted(Comparator.comparing(Alert::quarter, Comparator.reverseOrder()).thenComparing(Alert::code))
                .toList();
    }

    private List<Alert> query(String where, Object param) {
        java.text.Collator collator = java.text.Collator.getInstance(new java.util.Locale("es", "PE"));
        return withProjects(jdbc.sql("SELECT a.quarter, a.project_id, a.code, a.message FROM monitoring_alert a "
                        + "WHERE " + where).param(param)
                .query(MonitoringAlerts::mapAlert).list()).stream()
                .sorted(Comparator.comparing(Alert::unitName, collator::compare)
                        .thenComparing(Alert::projectName, collator::compare).thenComparing(Alert::code))
                .toList();
    }

    /** An alert row: its project's fields are filled in by {@link #withProjects}. */
    private static Alert mapAlert(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Alert(rs.getString(1), rs.getLong(2), 0, null, null, null, null, rs.getString(3), rs.getString(4));
    }

    /** The alerts with their projects' year, CUI, name, unit and scope (one query, joined by id). */
    private List<Alert> withProjects(List<Alert> alerts) {
        Map<Long, Projects.Project> byId = projects.byIds(alerts.stream().map(Alert::projectId).toList());
        return alerts.stream().filter(a -> byId.containsKey(a.projectId())).map(a -> {
            Projects.Project p = byId.get(a.projectId());
            return new Alert(a.quarter(), a.projectId(), p.year(), p.cui(), p.name(), p.unitName(), p.scope(),
                    a.code(), a.message());
        }).toList();
    }
}
