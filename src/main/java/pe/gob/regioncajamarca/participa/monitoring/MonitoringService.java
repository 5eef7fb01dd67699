package pe.gob.regioncajamarca.participa.monitoring;

import pe.gob.regioncajamarca.participa.calendar.Now;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import pe.gob.regioncajamarca.participa.projects.ExecutingUnits;
import pe.gob.regioncajamarca.participa.projects.Projects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarterly monitoring rounds ({@code quarterly-monitoring-round}): which prioritised projects must report,
 * the executing units' reports, and the closing of a round.
 */
@Service
public class MonitoringService {

    public static final String PROCESS_KEY = "quarterly-monitoring-round";
    /** One project's report in a round: one process instance each, started by the round. */
    public static final String REPORT_PROCESS_KEY = "quarterly-progress-report";
    public static final List<String> STATUSES = List.of("NO_INICIADO", "EN_EJECUCION", "PARALIZADO", "CONCLUIDO");
    /** The Spanish name of each execution status. */
    public static final java.util.Map<String, String> STATUS_NAMES = java.util.Map.of("NO_INICIADO", "No iniciado",
            "EN_EJECUCION", "En ejecución", "PARALIZADO", "Paralizado", "CONCLUIDO", "Concluido");

    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;

    private final Projects projects;
    private final ExecutingUnits executingUnits;
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    public MonitoringService(JdbcClient jdbc, org.springframework.context.ApplicationEventPublisher events,
                             Projects projects, ExecutingUnits executingUnits,
                             org.springframework.jdbc.core.JdbcTemplate batch) {
        this.projects = projects;
        this.executingUnits = executingUnits;
        this.batch = batch;
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * One project's report in a round, with what its task and the round's report show. Money: {@code
     * financialExecution} is the amount accrued to date since the project began (devengado acumulado), {@code
     * accruedThisYear} the amount accrued this year (devengado del año), {@code currentBudget} the year's PIM,
     * {@code updatedCost} the updated total cost, {@code cost} the project's cost in the cycle.
     */
    public record Report(long id, String quarter, int cycleYear, String cui, String projectName, String unitGroup,
                         String unitName, String scope, String status, BigDecimal physicalProgress,
                         BigDecimal financialExecution, BigDecimal currentBudget, BigDecimal cost,
                         String executionStatus, String issues, BigDecimal accruedThisYear, BigDecimal updatedCost) {

        /** Financial execution (%): {@link FinancialExecution#percent}. */
        public BigDecimal financialPercent() {
            return FinancialExecution.percent(financialExecution, updatedCost, cost);
        }
    }

    private static final String REPORT_SQL = """
            SELECT r.id, r.quarter, r.project_id, r.unit_group, r.status, r.physical_progress, r.financial_execution,
                   r.current_budget, r.execution_status, r.issues, r.accrued_year, r.updated_cost
            FROM monitoring_report r
            """;

    private record ReportRow(long id, String quarter, long projectId, String unitGroup, String status,
                             BigDecimal physicalProgress, BigDecimal financialExecution, BigDecimal currentBudget,
                             String executionStatus, String issues, BigDecimal accruedThisYear,
                             BigDecimal updatedCost) {
    }

    private static ReportRow mapReport(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new ReportRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getString(9), rs.getString(10),
                rs.getBigDecimal(11), rs.getBigDecimal(12));
    }

    /** The reports with their projects (one query for the projects, joined by id). */
    private List<Report> withProjects(List<ReportRow> rows) {
        return withProjects(rows, projects.byIds(rows.stream().map(ReportRow::projectId).toList()));
    }

    private static List<Report> withProjects(List<ReportRow> rows, Map<Long, Projects.Project> byId) {
        return rows.stream().filter(r -> byId.containsKey(r.projectId())).map(r -> {
            Projects.Project p = byId.get(r.projectId());
            return new Report(r.id(), r.quarter(), p.year(), p.cui(), p.name(), r.unitGroup(), p.unitName(),
                    p.scope(), r.status(), r.physicalProgress(), r.financialExecution(), r.currentBudget(), p.cost(),
                    r.executionStatus(), r.issues(), r.accruedThisYear(), r.updatedCost());
        }).toList();
    }

    /** A quarter label as {@link Quarter} writes it ("2026-Q3"). */
    public static boolean isQuarter(String quarter) {
        return Quarter.isValid(quarter);
    }

    /**
     * Opens the round that reports {@code quarter} (an ended quarter, {@link Quarter#reportedBy}) and creates one pending report per prioritised project of a formalised cycle
     * that is not concluded. Idempotent for the same process instance (a retried job creates nothing twice);
     * a quarter that already has a round of another process is refused.
     *
     * @return the ids of the round's reports, one task each
     */
    @Transactional
    public List<Long> openRound(String quarter, String processInstanceId) {
        quarter = Quarter.parse(quarter).toString();
        Optional<String> owner = jdbc.sql("SELECT process_instance_id FROM monitoring_round WHERE quarter = ?")
                .param(quarter).query(String.class).optional();
        if (owner.isPresent() && !owner.get().equals(processInstanceId)) {
            throw new IllegalStateException("Ya existe una ronda de seguimiento para el trimestre " + quarter + ".");
        }
        if (owner.isEmpty()) {
            jdbc.sql("INSERT INTO monitoring_round (quarter, status, process_instance_id, opened_at) "
                            + "VALUES (?, 'ABIERTA', ?, ?)")
                    .params(quarter, processInstanceId, Now.timestamp()).update();
            Map<String, ExecutingUnits.Unit> units = executingUnits.byCode();
            List<Object[]> rows = new java.util.ArrayList<>();
            for (Projects.Project p : projects.monitored()) {
                if (!"CONCLUIDO".equals(p.executionStatus())) {
                    rows.add(new Object[] {quarter, p.id(), units.get(p.unit()).groupId()});
                }
            }
            batch.batchUpdate("INSERT INTO monitoring_report (quarter, project_id, unit_group, status) "
                    + "VALUES (?, ?, ?, 'PENDIENTE')", rows);
        }
        return jdbc.sql("SELECT id FROM monitoring_report WHERE quarter = ? ORDER BY id").param(quarter)
                .query(Long.class).list();
    }

    /**
     * Whether every report of the quarter's round has been filed, asked by a report just filed. The round's row is
     * locked first: of two units filing the last two reports at the same moment, the second waits for the first to
     * commit and then sees its report, so exactly one of them finds the round complete. The lock is an UPDATE of a
     * column no key uses, not a SELECT ... FOR UPDATE: on PostgreSQL each filed report already holds a KEY SHARE
     * lock on this row (the report's foreign key), which FOR UPDATE waits for, and two of them would deadlock.
     */
    @Transactional
    public boolean allReportedAfterLock(String quarter) {
        jdbc.sql("UPDATE monitoring_round SET status = status WHERE quarter = ?").param(quarter).update();
        return pendingReports(quarter) == 0;
    }

    /**
     * The same, asked after the report's own filing has committed (the report's end runs after a savepoint, ADR
     * 0022): the report that commits last sees none pending, whatever the order of the checks, so no lock is needed
     * to find the round complete. Only a check that finds none pending takes the round's lock, so that two such
     * checks at the same moment tell the round one after the other (the second finds it told) instead of updating it
     * together.
     */
    @Transactional
    public boolean allReportedOnceFiled(String quarter) {
        return pendingReports(quarter) == 0 && allReportedAfterLock(quarter);
    }

    private long pendingReports(String quarter) {
        return jdbc.sql("SELECT COUNT(*) FROM monitoring_report WHERE quarter = ? AND status = 'PENDIENTE'")
                .param(quarter).query(Long.class).single();
    }

    /** Stores (or clears) the unit's reason for figures that differ from the national system's. */
    public void noteNationalDifference(long reportId, String note) {
        jdbc.sql("UPDATE monitoring_report SET national_note = ? WHERE id = ?").params(note, reportId).update();
    }

    public Optional<Report> report(long id) {
        return withProjects(jdbc.sql(REPORT_SQL + " WHERE r.id = ?").param(id).query(MonitoringService::mapReport)
                .list()).stream().findFirst();
    }

    /** The money a unit reports each quarter (soles). */
    public record Money(BigDecimal accruedToDate, BigDecimal accruedThisYear, BigDecimal currentBudget,
                        BigDecimal updatedCost) {
    }

    /**
     * Stores an executing unit's quarterly report and the project's current execution status. The money is checked
     * as domain.md says: accrued to date (since the project began) ≤ updated total cost; accrued this year ≤ the
     * year's PIM; accrued this year ≤ accrued to date. A multi-year project's accrued to date may exceed the PIM.
     */
    @Transactional
    public void recordProgress(long reportId, BigDecimal physical, Money money, String executionStatus,
                               String issues, String reportedBy) {
        if (physical == null || physical.signum() < 0 || physical.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("El avance físico debe estar entre 0 y 100 %.");
        }
        BigDecimal accrued = required(money.accruedToDate(), "el devengado acumulado (desde el inicio del proyecto)");
        BigDecimal accruedYear = required(money.accruedThisYear(), "el devengado del año");
        BigDecimal pim = required(money.currentBudget(), "el PIM del año");
        BigDecimal updatedCost = required(money.updatedCost(), "el costo total actualizado");
        if (updatedCost.signum() <= 0) {
            throw new IllegalArgumentException("El costo total actualizado debe ser mayor que cero.");
        }
        if (!STATUSES.contains(executionStatus)) {
            throw new IllegalArgumentException("Elija el estado del proyecto.");
        }
        if (accrued.compareTo(updatedCost) > 0) {
            throw new IllegalArgumentException("El devengado acumulado (S/ " + soles(accrued)
                    + ") no puede superar el costo total actualizado (S/ " + soles(updatedCost)
                    + "): corrija el devengado acumulado o actualice el costo total.");
        }
        if (accruedYear.compareTo(pim) > 0) {
            throw new IllegalArgumentException("El devengado del año (S/ " + soles(accruedYear)
                    + ") no puede superar el PIM del año (S/ " + soles(pim)
                    + "): corrija el devengado del año o el PIM.");
        }
        if (accruedYear.compareTo(accrued) > 0) {
            throw new IllegalArgumentException("El devengado del año (S/ " + soles(accruedYear)
                    + ") no puede superar el devengado acumulado (S/ " + soles(accrued)
                    + "): el acumulado desde el inicio del proyecto incluye lo devengado este año.");
        }
        BigDecimal previous = previousProgress(reportId).map(Progress::physicalProgress).orElse(null);
        if (previous != null && physical.compareTo(previous) < 0 && (issues == null || issues.isBlank())) {
            throw new IllegalArgumentException("El avance físico (" + physical.stripTrailingZeros().toPlainString()
                    + " %) es menor que el del último reporte (" + previous.stripTrailingZeros().toPlainString()
                    + " %): explique el motivo en «Dificultades y medidas adoptadas».");
        }
        jdbc.sql("""
                UPDATE monitoring_report SET status = 'REPORTADO', physical_progress = ?, financial_execution = ?,
                    accrued_year = ?, current_budget = ?, updated_cost = ?, execution_status = ?, issues = ?,
                    reported_by = ?, reported_at = ?
                WHERE id = ?""")
                .params(physical, accrued, accruedYear, pim, updatedCost, executionStatus, issues, reportedBy,
                        Now.timestamp(), reportId)
                .update();
        record Before(long projectId, String quarter, String status) {
        }
        Before row = jdbc.sql("SELECT project_id, quarter FROM monitoring_report WHERE id = ?").param(reportId)
                .query((rs, i) -> new Before(rs.getLong(1), rs.getString(2), null)).single();
        Before before = new Before(row.projectId(), row.quarter(),
                projects.find(row.projectId()).orElseThrow().executionStatus());
        projects.setExecutionStatus(before.projectId(), executionStatus);
        if (before.status() != null && !before.status().equals(executionStatus)) {
            events.publishEvent(new ExecutionStatusChanged(before.projectId(), before.quarter(), before.status(),
                    executionStatus));
        }
    }

    /** One quarterly report of a project, as the public sees it (money as in {@link Report}). */
    public record Progress(String quarter, BigDecimal physicalProgress, BigDecimal financialExecution,
                           String executionStatus, java.time.Instant reportedAt, BigDecimal currentBudget,
                           BigDecimal cost, BigDecimal accruedThisYear, BigDecimal updatedCost) {

        /** Financial execution (%): {@link FinancialExecution#percent}. */
        public BigDecimal financialPercent() {
            return FinancialExecution.percent(financialExecution, updatedCost, cost);
        }

        public String statusName() {
            return executionStatus == null ? "" : STATUS_NAMES.getOrDefault(executionStatus, executionStatus);
        }
    }

    private static final String PROGRESS_SQL = """
            SELECT r.quarter, r.physical_progress, r.financial_execution, r.execution_status, r.reported_at,
                   r.current_budget, r.project_id, r.accrued_year, r.updated_cost
            FROM monitoring_report r
            """;

    /** A report row of {@link #PROGRESS_SQL}, the project's cost taken from {@code costs} (by project id). */
    private static Progress mapProgress(java.sql.ResultSet rs, Map<Long, BigDecimal> costs)
            throws java.sql.SQLException {
        return new Progress(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getString(4),
                rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getBigDecimal(6),
                costs.get(rs.getLong(7)), rs.getBigDecimal(8), rs.getBigDecimal(9));
    }

    /** The reported quarters of the projects with a CUI (every cycle), oldest first. */
    public List<Progress> progressOf(String cui) {
        Map<Long, BigDecimal> costs = new java.util.HashMap<>();
        projects.withCui(cui).forEach(p -> costs.put(p.id(), p.cost()));
        if (costs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(PROGRESS_SQL + " WHERE r.project_id IN (:ids) AND r.status = 'REPORTADO' ORDER BY r.quarter")
                .param("ids", List.copyOf(costs.keySet()))
                .query((rs, i) -> mapProgress(rs, costs)).list();
    }

    /**
     * What the tasks of a round show, read once for the whole round: its reports with their projects, by report id,
     * and each report's previous progress ({@link #previousProgress}), by report id (absent when none). Three
     * queries whatever the number of reports, where the tasks asked five each.
     */
    public record RoundTasks(Map<Long, Report> reports, Map<Long, Progress> previous) {
    }

    /** What the tasks of the quarter's reports with ids from {@code fromId} to {@code toId} show (a batch). */
    public RoundTasks roundTasks(String quarter, long fromId, long toId) {
        List<ReportRow> rows = jdbc.sql(REPORT_SQL + " WHERE r.quarter = ? AND r.id BETWEEN ? AND ?")
                .params(quarter, fromId, toId).query(MonitoringService::mapReport).list();
        Map<Long, Projects.Project> byId = projects.byIds(rows.stream().map(ReportRow::projectId).toList());
        Map<Long, Report> reports = new java.util.HashMap<>();
        withProjects(rows, byId).forEach(r -> reports.put(r.id(), r));
        Map<Long, BigDecimal> costs = new java.util.HashMap<>();
        byId.forEach((id, p) -> costs.put(id, p.cost()));
        Map<Long, Progress> previous = new java.util.HashMap<>();
        // every earlier report of the round's projects, newest first: the first per report is its previous one
        jdbc.sql(PROGRESS_SQL.replace("r.updated_cost", "r.updated_cost, this_one.id") + """
                 JOIN monitoring_report this_one ON this_one.project_id = r.project_id
                WHERE this_one.quarter = ? AND this_one.id BETWEEN ? AND ? AND r.quarter < this_one.quarter
                  AND r.status = 'REPORTADO'
                ORDER BY this_one.id, r.quarter DESC""").params(quarter, fromId, toId)
                .query((rs, i) -> previous.putIfAbsent(rs.getLong(10), mapProgress(rs, costs))).list();
        return new RoundTasks(reports, previous);
    }

    /** The project's last report before the quarter of this one, if any. */
    public Optional<Progress> previousProgress(long reportId) {
        Optional<Long> projectId = jdbc.sql("SELECT project_id FROM monitoring_report WHERE id = ?").param(reportId)
                .query(Long.class).optional();
        if (projectId.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, BigDecimal> costs = Map.of(projectId.get(), projects.find(projectId.get()).orElseThrow().cost());
        return jdbc.sql(PROGRESS_SQL + """
                 JOIN monitoring_report this_one ON this_one.project_id = r.project_id
                WHERE this_one.id = ? AND r.quarter < this_one.quarter AND r.status = 'REPORTADO'
                ORDER BY r.quarter DESC""").param(reportId)
                .query((rs, i) -> mapProgress(rs, costs)).stream().findFirst();
    }

    private static BigDecimal required(BigDecimal value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("Indique " + what + ", en soles.");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException(Character.toUpperCase(what.charAt(0)) + what.substring(1)
                    + " no puede ser negativo.");
        }
        return value;
    }

    private static String soles(BigDecimal amount) {
        return new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.US))
                .format(amount);
    }

    /** The reports still pending when the reporting closes become NO_REPORTADO; returns how many. */
    @Transactional
    public int markUnreported(String quarter) {
        return jdbc.sql("UPDATE monitoring_report SET status = 'NO_REPORTADO' WHERE quarter = ? AND status = 'PENDIENTE'")
                .param(quarter).update();
    }

    /** Closes the round with the planning office's conclusions. */
    @Transactional
    public void closeRound(String quarter, String conclusions) {
        jdbc.sql("UPDATE monitoring_round SET status = 'CERRADA', conclusions = ?, closed_at = ? WHERE quarter = ?")
                .params(conclusions, Now.timestamp(), quarter).update();
    }

    /** Reports of a round, in project order. */
    /** The round's reports, by executing unit and project. */
    public List<Report> reports(String quarter) {
        java.text.Collator collator = java.text.Collator.getInstance(new java.util.Locale("es", "PE"));
        return withProjects(jdbc.sql(REPORT_SQL + " WHERE r.quarter = ?").param(quarter)
                .query(MonitoringService::mapReport).list()).stream()
                .sorted(java.util.Comparator.comparing(Report::unitName, collator::compare)
                        .thenComparing(Report::projectName, collator::compare).thenComparingLong(Report::id))
                .toList();
    }

    /** A round as the public sees it. */
    public record Round(String quarter, String status, String conclusions, Instant openedAt, Instant closedAt) {
        public boolean closed() {
            return "CERRADA".equals(status) || "HISTORICA".equals(status);
        }
    }

    public Optional<Round> round(String quarter) {
        return jdbc.sql("SELECT quarter, status, conclusions, opened_at, closed_at FROM monitoring_round WHERE quarter = ?")
                .param(quarter)
                .query((rs, i) -> new Round(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .optional();
    }

    /** The physical progress (%) of each project's latest REPORTADO report, by project id (one query). */
    public Map<Long, BigDecimal> latestPhysicalProgress(java.util.Collection<Long> projectIds) {
        Map<Long, BigDecimal> progress = new java.util.HashMap<>();
        latestReported(projectIds).forEach((id, l) -> progress.put(id, l.physicalProgress()));
        return progress;
    }

    /** A project's latest REPORTADO report: its quarter, physical progress and accrued to date. */
    public record Latest(String quarter, BigDecimal physicalProgress, BigDecimal financialExecution,
                         String executionStatus) {
    }

    /**
     * Each project's latest REPORTADO report, by project id (one query per thousand projects): one grouped pass over
     * the reports joined back, not a correlated MAX per report row, which grew with every quarter of history
     * (docs/performance.md, "Ten years of history"). The outer side is restricted to the same projects as well:
     * without it the join read every report of every year (the planner cannot carry the inner IN across the join).
     */
    public Map<Long, Latest> latestReported(java.util.Collection<Long> projectIds) {
        Map<Long, Latest> latest = new java.util.HashMap<>();
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(projectIds));
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.sql("""
                    SELECT r.project_id, r.quarter, r.physical_progress, r.financial_execution, r.execution_status
                    FROM monitoring_report r
                    JOIN (SELECT project_id, MAX(quarter) AS quarter FROM monitoring_report
                          WHERE project_id IN (:ids) AND status = 'REPORTADO' GROUP BY project_id) l
                      ON l.project_id = r.project_id AND l.quarter = r.quarter
                    WHERE r.project_id IN (:ids) AND r.status = 'REPORTADO'""")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .query((rs, i) -> latest.put(rs.getLong(1), new Latest(rs.getString(2), rs.getBigDecimal(3),
                            rs.getBigDecimal(4), rs.getString(5)))).list();
        }
        return latest;
    }

    /** Opens and closes at once a round loaded from history files, dated as the quarter it reports. */
    public void recordHistoricalRound(String quarter, String status, java.time.LocalDateTime openedAt,
                                      java.time.LocalDateTime closedAt) {
        jdbc.sql("INSERT INTO monitoring_round (quarter, status, process_instance_id, opened_at, closed_at) "
                        + "VALUES (?, ?, NULL, ?, ?)")
                .params(quarter, status, Timestamp.valueOf(openedAt), Timestamp.valueOf(closedAt)).update();
    }

    /** The status of every round, by quarter. */
    public Map<String, String> roundStatuses() {
        Map<String, String> rounds = new java.util.HashMap<>();
        jdbc.sql("SELECT quarter, status FROM monitoring_round").query(rs -> {
            rounds.put(rs.getString(1), rs.getString(2));
        });
        return rounds;
    }

    /** A stored report's figures, as a history file states them. */
    public record Figures(long projectId, String quarter, String status, BigDecimal physicalProgress,
                          BigDecimal financialExecution, BigDecimal currentBudget, String executionStatus) {
    }

    /** Every report, streamed one at a time (whatever their number). */
    public void eachReport(java.util.function.Consumer<Figures> each) {
        jdbc.sql("""
                SELECT project_id, quarter, status, physical_progress, financial_execution, current_budget,
                       execution_status
                FROM monitoring_report""")
                .query(rs -> {
                    each.accept(new Figures(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                            rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7)));
                });
    }

    /** A report of an earlier cycle loaded from history files (REPORTADO). */
    public record HistoricalReport(String quarter, long projectId, String unitGroup, BigDecimal physicalProgress,
                                   BigDecimal financialExecution, BigDecimal currentBudget, String executionStatus,
                                   String reportedBy, java.time.LocalDateTime reportedAt) {
    }

    /** Inserts historical reports in one JDBC batch. */
    public void insertHistorical(List<HistoricalReport> reports) {
        List<Object[]> rows = new java.util.ArrayList<>(reports.size());
        for (HistoricalReport r : reports) {
            rows.add(new Object[] {r.quarter(), r.projectId(), r.unitGroup(), r.physicalProgress(),
                    r.financialExecution(), r.currentBudget(), r.executionStatus(), r.reportedBy(),
                    Timestamp.valueOf(r.reportedAt())});
        }
        batch.batchUpdate("""
                INSERT INTO monitoring_report (quarter, project_id, unit_group, status, physical_progress,
                    financial_execution, current_budget, execution_status, reported_by, reported_at)
                VALUES (?, ?, ?, 'REPORTADO', ?, ?, ?, ?, ?, ?)""", rows);
    }
}
