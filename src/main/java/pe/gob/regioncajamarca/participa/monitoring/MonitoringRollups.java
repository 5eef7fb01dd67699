package pe.gob.regioncajamarca.participa.monitoring;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Execution of the prioritised projects rolled up per province (scope), per executing unit and per cycle: how many
 * are completed, in execution, paralysed or not started, and the money executed (each project's latest reported
 * amount accrued to date) against the money agreed (its cost in the cycle), through
 * {@link FinancialExecution#percentOf}. Public facts only.
 */
@Service
public class MonitoringRollups {

    private final JdbcClient jdbc;

    public MonitoringRollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One group of projects: {@code key} is the scope code, the unit's name or the cycle year. */
    public record Rollup(String key, int projects, int completed, int inExecution, int paralysed, int notStarted,
                         BigDecimal agreed, BigDecimal executed) {

        /** Share of {@code n} among the projects, in whole per cent. */
        public int percentOf(int n) {
            return projects == 0 ? 0 : Math.round(100f * n / projects);
        }

        /** Money executed against money agreed, in per cent with one decimal: {@link FinancialExecution#percentOf}. */
        public BigDecimal executedPercent() {
            BigDecimal percent = FinancialExecution.percentOf(executed, agreed);
            return percent == null ? BigDecimal.ZERO : percent;
        }
    }

    /** The latest reported accrued amount of each project. */
    // one grouped pass over the reports joined back, not a correlated MAX per report row: that one grew with every
    // quarter of history (docs/performance.md, "Ten years of history")
    private static final String LATEST = """
            SELECT r.project_id, r.financial_execution FROM monitoring_report r
            JOIN (SELECT project_id, MAX(quarter) AS quarter FROM monitoring_report WHERE status = 'REPORTADO'
                  GROUP BY project_id) latest ON latest.project_id = r.project_id AND latest.quarter = r.quarter
            WHERE r.status = 'REPORTADO'""";

    private List<Rollup> by(String key, String join, String order, Integer year) {
        String sql = "SELECT " + key + """
                 AS k, COUNT(*),
                  SUM(CASE WHEN p.execution_status = 'CONCLUIDO' THEN 1 ELSE 0 END),
                  SUM(CASE WHEN p.execution_status = 'EN_EJECUCION' THEN 1 ELSE 0 END),
                  SUM(CASE WHEN p.execution_status = 'PARALIZADO' THEN 1 ELSE 0 END),
                  SUM(CASE WHEN p.execution_status IS NULL OR p.execution_status = 'NO_INICIADO' THEN 1 ELSE 0 END),
                  SUM(p.cost), SUM(COALESCE(l.financial_execution, 0))
                FROM project p LEFT JOIN (""" + LATEST + ") l ON l.project_id = p.id " + join
                + " WHERE p.prioritized = TRUE" + (year == null ? "" : " AND p.cycle_year = :year")
                + " GROUP BY " + key + " ORDER BY " + order;
        var spec = jdbc.sql(sql);
        if (year != null) {
            spec = spec.param("year", year);
        }
        return spec.query((rs, i) -> new Rollup(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                rs.getInt(5), rs.getInt(6), rs.getBigDecimal(7), rs.getBigDecimal(8))).list();
    }

    /**
     * The provinces' shades for the region's map: money executed against money agreed (the tables' {@code %}),
     * keyed by scope; scopes without projects are left out (drawn as "sin datos").
     */
    public static java.util.Map<String, pe.gob.regioncajamarca.participa.maps.RegionMap.Value> mapValues(
            List<Rollup> byScope) {
        java.util.Map<String, pe.gob.regioncajamarca.participa.maps.RegionMap.Value> values =
                new java.util.LinkedHashMap<>();
        for (Rollup r : byScope) {
            if (r.projects() > 0) {
                values.put(r.key(), new pe.gob.regioncajamarca.participa.maps.RegionMap.Value(r.executedPercent(),
                        r.executedPercent() + " % ejecutado, " + r.projects()
                                + (r.projects() == 1 ? " proyecto" : " proyectos")));
            }
        }
        return values;
    }

    /** Per scope (province code or MULTIPROVINCIAL), optionally for one cycle. */
    public List<Rollup> byScope(Integer year) {
        return by("p.scope", "", "p.scope", year);
    }

    /** Per executing unit (its name), optionally for one cycle. */
    public List<Rollup> byUnit(Integer year) {
        return by("u.name", "JOIN executing_unit u ON u.code = p.executing_unit", "u.name", year);
    }

    /** Per cycle, the most recent first; the last {@code cycles} cycles. */
    public List<Rollup> byCycle(int cycles) {
        return by("p.cycle_year", "", "p.cycle_year DESC", null).stream().limit(cycles).toList();
    }

    /** The quarters that have a round, the most recent first, with their status. */
    public record Round(String quarter, String status, int projects, int reported, int alerts) {
    }

    public List<Round> rounds() {
        return jdbc.sql("""
                SELECT m.quarter, m.status,
                  (SELECT COUNT(*) FROM monitoring_report r WHERE r.quarter = m.quarter),
                  (SELECT COUNT(*) FROM monitoring_report r WHERE r.quarter = m.quarter AND r.status = 'REPORTADO'),
                  (SELECT COUNT(*) FROM monitoring_alert a WHERE a.quarter = m.quarter)
                FROM monitoring_round m ORDER BY m.quarter DESC""")
                .query((rs, i) -> new Round(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5))).list();
    }
}
