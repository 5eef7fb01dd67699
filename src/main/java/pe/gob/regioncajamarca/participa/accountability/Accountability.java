package pe.gob.regioncajamarca.participa.accountability;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;

/**
 * What the accountability pages show: the last ten cycles with their prioritised projects, the money agreed (their
 * costs) and executed (each project's latest reported accrued amount), and how many are completed, in execution,
 * paralysed or not started; and each cycle's projects with their latest report. Public facts only, never personal data.
 */
@Service
public class Accountability {

    public static final int CYCLES = 10;
    public static final Map<String, String> STATUS_NAMES = Map.of("NO_INICIADO", "No iniciado",
            "EN_EJECUCION", "En ejecución", "PARALIZADO", "Paralizado", "CONCLUIDO", "Concluido");

    /** Each project's latest reported figures. */
    // one grouped pass over the reports joined back, not a correlated MAX per report row: that one grew with every
    // quarter of history (docs/performance.md, "Ten years of history")
    private static final String LATEST = """
            SELECT r.project_id, r.quarter, r.physical_progress, r.financial_execution FROM monitoring_report r
            JOIN (SELECT project_id, MAX(quarter) AS quarter FROM monitoring_report WHERE status = 'REPORTADO'
                  GROUP BY project_id) latest ON latest.project_id = r.project_id AND latest.quarter = r.quarter
            WHERE r.status = 'REPORTADO'""";

    private final JdbcClient jdbc;
    private final DueDates plazos;

    public Accountability(JdbcClient jdbc, DueDates plazos) {
        this.jdbc = jdbc;
        this.plazos = plazos;
    }

    /**
     * One cycle in the accountability table. {@code phase}: the {@link CyclePhase} name (the page shows it through the
     * message keys {@code phase.*}); {@code historical}: loaded from files, not run in the system.
     */
    public record CycleSummary(int year, String phase, boolean historical, int projects, int completed,
                               int inExecution, int paralysed, int notStarted, BigDecimal agreed, BigDecimal executed) {

        /** Money executed against money agreed, in per cent with one decimal (the monitoring's one formula). */
        public BigDecimal executedPercent() {
            BigDecimal percent = pe.gob.regioncajamarca.participa.monitoring.FinancialExecution.percentOf(executed,
                    agreed);
            return percent == null ? BigDecimal.ZERO.setScale(1) : percent;
        }
    }

    /** A prioritised project of a cycle with its latest report (null figures when it has none). */
    public record ProjectLine(int year, String cui, String name, String scope, String unit, BigDecimal cost,
                              String status, BigDecimal physicalProgress, BigDecimal executed, String lastQuarter) {

        public String statusName() {
            return status == null ? "No iniciado" : STATUS_NAMES.getOrDefault(status, status);
        }
    }

    /** Per cycle: its prioritised projects counted by status, money agreed and executed (latest report). */
    private static final String SUMMARY = """
            SELECT c.cycle_year, c.phase, c.process_instance_id, COUNT(p.id),
              SUM(CASE WHEN p.execution_status = 'CONCLUIDO' THEN 1 ELSE 0 END),
              SUM(CASE WHEN p.execution_status = 'EN_EJECUCION' THEN 1 ELSE 0 END),
              SUM(CASE WHEN p.execution_status = 'PARALIZADO' THEN 1 ELSE 0 END),
              SUM(CASE WHEN p.id IS NOT NULL AND (p.execution_status IS NULL OR p.execution_status = 'NO_INICIADO')
                  THEN 1 ELSE 0 END),
              COALESCE(SUM(p.cost), 0), COALESCE(SUM(l.financial_execution), 0)
            FROM cycle c
            LEFT JOIN project p ON p.cycle_year = c.cycle_year AND p.prioritized = TRUE
            LEFT JOIN (""" + LATEST + """
            ) l ON l.project_id = p.id
            """;

    private static final String SUMMARY_GROUP = " GROUP BY c.cycle_year, c.phase, c.process_instance_id";

    private static CycleSummary summary(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new CycleSummary(rs.getInt(1), CyclePhase.valueOf(rs.getString(2)).name(), rs.getString(3) == null,
                rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getBigDecimal(9),
                rs.getBigDecimal(10));
    }

    /** The ten most recent cycles up to next year's (the one being prepared), newest first. */
    public List<CycleSummary> lastCycles() {
        int upTo = plazos.today().getYear() + 1;
        return jdbc.sql(SUMMARY + " WHERE c.cycle_year <= ?" + SUMMARY_GROUP
                        + " ORDER BY c.cycle_year DESC FETCH FIRST 10 ROWS ONLY")
                .param(upTo).query(Accountability::summary).list();
    }

    /** The summary of one cycle, if it exists. */
    public java.util.Optional<CycleSummary> cycle(int year) {
        return jdbc.sql(SUMMARY + " WHERE c.cycle_year = ?" + SUMMARY_GROUP).param(year)
                .query(Accountability::summary).optional();
    }

    private static final String PROJECTS = """
            SELECT p.cycle_year, p.cui, p.name, p.scope, u.name, p.cost, p.execution_status, l.physical_progress,
                   l.financial_execution, l.quarter
            FROM project p JOIN executing_unit u ON u.code = p.executing_unit
            LEFT JOIN (""" + LATEST + """
            ) l ON l.project_id = p.id
            WHERE p.cycle_year = ? AND p.prioritized = TRUE
            ORDER BY p.scope, p.cui""";

    private static ProjectLine line(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ProjectLine(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBigDecimal(6), rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10));
    }

    /** One page of a cycle's prioritised projects, by scope then CUI. */
    public List<ProjectLine> projects(int year, int offset, int limit) {
        return jdbc.sql(PROJECTS + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY").params(year, offset, limit)
                .query((rs, i) -> line(rs)).list();
    }

    /** Every prioritised project of a cycle, one at a time (for the CSV, whatever its size). */
    public void eachProject(int year, Consumer<ProjectLine> each) {
        jdbc.sql(PROJECTS).param(year).query(rs -> {
            each.accept(line(rs));
        });
    }
}
