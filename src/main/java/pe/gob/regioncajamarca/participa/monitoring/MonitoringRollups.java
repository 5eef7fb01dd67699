package pe.gob.regioncajamarca.participa.monitoring;

import pe.gob.regioncajamarca.participa.projects.Projects;

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

    private final Projects projects;

    private final MonitoringService monitoring;

    public MonitoringRollups(JdbcClient jdbc, Projects projects, MonitoringService monitoring) {
        this.monitoring = monitoring;
        this.projects = projects;
        this.jdbc = jdbc;
    }

    /** One group of projects: {@code key} is the scope code, the unit's name or the cycle year. */
    /**
     * The one count of a group of prioritised projects by execution status (no status counts as not started), with
     * the money agreed (their cost) and executed (the financial execution of each one's latest report): for the
     * roll-ups here and the accountability pages.
     */
    public record Tally(int completed, int inExecution, int paralysed, int notStarted, BigDecimal agreed,
                        BigDecimal executed) {

        public static Tally of(java.util.Collection<Projects.Project> projects,
                               java.util.Map<Long, MonitoringService.Latest> latest) {
            int completed = 0;
            int inExecution = 0;
            int paralysed = 0;
            int notStarted = 0;
            BigDecimal agreed = BigDecimal.ZERO;
            BigDecimal executed = BigDecimal.ZERO;
            for (Projects.Project p : projects) {
                String status = p.executionStatus();
                if ("CONCLUIDO".equals(status)) {
                    completed++;
                } else if ("EN_EJECUCION".equals(status)) {
                    inExecution++;
                } else if ("PARALIZADO".equals(status)) {
                    paralysed++;
                } else if (status == null || "NO_INICIADO".equals(status)) {
                    notStarted++;
                }
                agreed = agreed.add(p.cost());
                MonitoringService.Latest l = latest.get(p.id());
                if (l != null && l.financialExecution() != null) {
                    executed = executed.add(l.financialExecution());
                }
            }
            return new Tally(completed, inExecution, paralysed, notStarted, agreed, executed);
        }
    }

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

    /**
     * The prioritised projects (of one cycle, or of all) grouped by {@code key} in the order of {@code order}: the
     * projects from {@link Projects}, their latest reported amounts from this module, joined by id.
     */
    private List<Rollup> by(java.util.function.Function<Projects.Project, String> key,
                            java.util.Comparator<String> order, Integer year) {
        List<Projects.Project> prioritised = projects.prioritised(year);
        java.util.Map<Long, MonitoringService.Latest> latest = monitoring.latestReported(prioritised.stream()
                .map(Projects.Project::id).toList());
        java.util.Map<String, List<Projects.Project>> groups = new java.util.TreeMap<>(order);
        prioritised.forEach(p -> groups.computeIfAbsent(key.apply(p), k -> new java.util.ArrayList<>()).add(p));
        List<Rollup> rollups = new java.util.ArrayList<>();
        groups.forEach((k, group) -> {
            Tally t = Tally.of(group, latest);
            rollups.add(new Rollup(k, group.size(), t.completed(), t.inExecution(), t.paralysed(), t.notStarted(),
                    t.agreed(), t.executed()));
        });
        return rollups;
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
        return by(Projects.Project::scope, java.util.Comparator.naturalOrder(), year);
    }

    /** Per executing unit (its name), optionally for one cycle. */
    public List<Rollup> byUnit(Integer year) {
        java.text.Collator collator = java.text.Collator.getInstance(new java.util.Locale("es", "PE"));
        return by(Projects.Project::unitName, collator::compare, year);
    }

    /** Per cycle, the most recent first; the last {@code cycles} cycles. */
    public List<Rollup> byCycle(int cycles) {
        return by(p -> String.valueOf(p.year()), java.util.Comparator.comparing(Integer::valueOf,
                java.util.Comparator.reverseOrder()), null).stream().limit(cycles).toList();
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
