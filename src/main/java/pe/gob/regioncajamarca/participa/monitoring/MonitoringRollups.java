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

    /**
     * One cycle folded into a line of the pages: its prioritised projects counted by execution status and the money
     * agreed (their cost); the money executed is on the cycle's own view, which reads each project's latest report.
     */
    public record CycleCount(int year, int projects, int completed, int inExecution, int paralysed, int notStarted,
                             BigDecimal agreed) {

        /** Share of {@code n} among the projects, in whole per cent. */
        public int percentOf(int n) {
            return projects == 0 ? 0 : Math.round(100f * n / projects);
        }
    }

    /**
     * Per cycle of {@code firstYear..lastYear} with prioritised projects, the most recent first: counted by the owner
     * of the projects in one grouped query (what a page lists for every year stays one query and one row a year).
     */
    public List<CycleCount> cycleCounts(int firstYear, int lastYear) {
        java.util.Map<Integer, int[]> counts = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        java.util.Map<Integer, BigDecimal> agreed = new java.util.HashMap<>();
        for (Projects.StatusCount c : projects.prioritisedCounts(firstYear, lastYear)) {
            int[] n = counts.computeIfAbsent(c.year(), y -> new int[5]);
            n[0] += c.projects();
            String status = c.executionStatus();
            if ("CONCLUIDO".equals(status)) {
                n[1] += c.projects();
            } else if ("EN_EJECUCION".equals(status)) {
                n[2] += c.projects();
            } else if ("PARALIZADO".equals(status)) {
                n[3] += c.projects();
            } else if (status == null || "NO_INICIADO".equals(status)) {
                n[4] += c.projects();
            }
            agreed.merge(c.year(), c.cost(), BigDecimal::add);
        }
        List<CycleCount> cycles = new java.util.ArrayList<>();
        counts.forEach((year, n) -> cycles.add(new CycleCount(year, n[0], n[1], n[2], n[3], n[4], agreed.get(year))));
        return cycles;
    }

    /** A quarter that has a round, with its status and counts. */
    public record Round(String quarter, String status, int projects, int reported, int alerts) {
    }

    /** The rounds of one earlier year, folded: their quarters, each a link to the round's page. */
    public record EarlierYear(String year, List<String> quarters) {
    }

    /** The newest rounds with their counts, and the earlier ones folded by year (the most recent first). */
    public record Rounds(List<Round> recent, List<EarlierYear> earlier) {

        public boolean isEmpty() {
            return recent.isEmpty();
        }
    }

    /**
     * The {@code recent} newest rounds with their counts of reports and alerts (two grouped queries on those quarters
     * only), and the quarters of the earlier ones by year: what the page reads does not grow with the years but by
     * one short row a quarter.
     */
    public Rounds rounds(int recent) {
        List<String[]> all = jdbc.sql("SELECT quarter, status FROM monitoring_round ORDER BY quarter DESC")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        List<String[]> newest = all.subList(0, Math.min(recent, all.size()));
        List<Round> rounds = new java.util.ArrayList<>();
        if (!newest.isEmpty()) {
            List<String> quarters = newest.stream().map(r -> r[0]).toList();
            java.util.Map<String, int[]> reports = new java.util.HashMap<>();
            jdbc.sql("""
                    SELECT quarter, COUNT(*), SUM(CASE WHEN status = 'REPORTADO' THEN 1 ELSE 0 END)
                    FROM monitoring_report WHERE quarter IN (:quarters) GROUP BY quarter""")
                    .param("quarters", quarters)
                    .query(rs -> {
                        reports.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
                    });
            java.util.Map<String, Integer> alerts = new java.util.HashMap<>();
            jdbc.sql("SELECT quarter, COUNT(*) FROM monitoring_alert WHERE quarter IN (:quarters) GROUP BY quarter")
                    .param("quarters", quarters)
                    .query(rs -> {
                        alerts.put(rs.getString(1), rs.getInt(2));
                    });
            for (String[] r : newest) {
                int[] n = reports.getOrDefault(r[0], new int[2]);
                rounds.add(new Round(r[0], r[1], n[0], n[1], alerts.getOrDefault(r[0], 0)));
            }
        }
        java.util.Map<String, List<String>> earlier = new java.util.LinkedHashMap<>();
        all.subList(newest.size(), all.size()).forEach(r -> earlier.computeIfAbsent(r[0].substring(0, 4),
                y -> new java.util.ArrayList<>()).add(r[0]));
        return new Rounds(rounds, earlier.entrySet().stream().map(e -> new EarlierYear(e.getKey(),
                e.getValue().stream().sorted().toList())).toList());
    }
}
