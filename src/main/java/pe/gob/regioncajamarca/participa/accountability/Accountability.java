package pe.gob.regioncajamarca.participa.accountability;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;

import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.monitoring.MonitoringRollups;
import pe.gob.regioncajamarca.participa.monitoring.MonitoringService;
import pe.gob.regioncajamarca.participa.projects.Projects;

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

    private final DueDates plazos;
    private final CycleService cycles;
    private final Projects projects;
    private final MonitoringService monitoring;
    private final MonitoringRollups rollups;

    /** How long the money executed of the folded cycles is kept before it is read again (0: never kept). */
    private volatile java.time.Duration earlierRefresh;

    public Accountability(DueDates plazos, CycleService cycles, Projects projects, MonitoringService monitoring,
                          MonitoringRollups rollups,
                          @org.springframework.beans.factory.annotation.Value(
                                  "${participa.accountability.earlier-cycles-refresh:PT10M}")
                          java.time.Duration earlierRefresh) {
        this.earlierRefresh = earlierRefresh;
        this.rollups = rollups;
        this.plazos = plazos;
        this.cycles = cycles;
        this.projects = projects;
        this.monitoring = monitoring;
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
    private List<CycleSummary> summaries(List<CycleService.Header> headers) {
        List<Projects.Project> prioritised = projects.prioritisedIn(headers.stream().map(CycleService.Header::year)
                .toList());
        Map<Long, MonitoringService.Latest> latest = monitoring.latestReported(prioritised.stream()
                .map(Projects.Project::id).toList());
        Map<Integer, List<Projects.Project>> byYear = new java.util.HashMap<>();
        prioritised.forEach(p -> byYear.computeIfAbsent(p.year(), k -> new java.util.ArrayList<>()).add(p));
        return headers.stream().map(h -> {
            List<Projects.Project> ofYear = byYear.getOrDefault(h.year(), List.of());
            MonitoringRollups.Tally t = MonitoringRollups.Tally.of(ofYear, latest);
            return new CycleSummary(h.year(), h.phase().name(), h.processInstanceId() == null, ofYear.size(),
                    t.completed(), t.inExecution(), t.paralysed(), t.notStarted(), t.agreed(), t.executed());
        }).toList();
    }

    /** The ten most recent cycles up to next year's (the one being prepared), newest first. */
    public List<CycleSummary> lastCycles() {
        int upTo = plazos.today().getYear() + 1;
        return summaries(cycles.headers(upTo, CYCLES));
    }

    /**
     * An earlier cycle folded into one line of the index: its prioritised projects counted by execution status, the
     * money agreed and the money executed (each project's latest report; read at most every
     * {@code participa.accountability.earlier-cycles-refresh}, as the cycle's own page reads it on every visit).
     */
    public record Folded(int year, String phase, boolean historical, MonitoringRollups.CycleCount counts,
                         BigDecimal executed) {

        /** Money executed against money agreed, in per cent with one decimal (the monitoring's one formula). */
        public BigDecimal executedPercent() {
            BigDecimal percent = pe.gob.regioncajamarca.participa.monitoring.FinancialExecution.percentOf(executed,
                    counts.agreed());
            return percent == null ? BigDecimal.ZERO.setScale(1) : percent;
        }
    }

    /** The money executed of the folded cycles, by year, as last read (and when, by {@link System#nanoTime}). */
    private record Executed(List<Integer> years, Map<Integer, BigDecimal> byYear, long readAt) {
    }

    private volatile Executed executed;

    /** For tests: how long the folded cycles' money executed is kept ({@code participa.accountability.earlier-cycles-refresh}). */
    void keepEarlierFiguresFor(java.time.Duration refresh) {
        this.earlierRefresh = refresh;
        this.executed = null;
    }

    /**
     * The money executed of each of the {@code earlier} cycles, as {@link #summaries} computes it (each prioritised
     * project's latest reported accrued amount, summed per cycle). It reads every project of those cycles and its
     * latest report, which grows with the years of history, so the result is kept for {@link #earlierRefresh}:
     * earlier cycles change only when a unit reports on one of their projects, once a quarter (a node's copy is at
     * most that old; each cycle's page is always current).
     */
    private Map<Integer, BigDecimal> executedOf(List<CycleService.Header> earlier) {
        List<Integer> years = earlier.stream().map(CycleService.Header::year).toList();
        Executed known = executed;
        long now = System.nanoTime();
        if (known != null && known.years().equals(years) && now - known.readAt() < earlierRefresh.toNanos()) {
            return known.byYear();
        }
        Map<Integer, BigDecimal> sums = new java.util.HashMap<>();
        summaries(earlier).forEach(c -> sums.put(c.year(), c.executed()));
        executed = new Executed(years, Map.copyOf(sums), now);
        return sums;
    }

    /**
     * The index: the newest cycles in full ({@code full}: down to the newest that has prioritised projects, at most
     * {@link #IN_FULL}), the other cycles of the last ten folded, and the cycle whose provinces the page maps
     * ({@code mapYear}, null when no cycle has prioritised projects).
     */
    public record Index(List<CycleSummary> full, List<Folded> folded, Integer mapYear) {
    }

    /** How many of the newest cycles the index shows in full at most. */
    static final int IN_FULL = 2;

    /**
     * The index of the last ten cycles: the newest in full (their projects and latest reports), the earlier ones from
     * one grouped count and their money executed as last read ({@link #executedOf}), so that what the page reads
     * on each visit does not grow with the years of history.
     */
    public Index index() {
        List<CycleService.Header> headers = cycles.headers(plazos.today().getYear() + 1, CYCLES);
        if (headers.isEmpty()) {
            return new Index(List.of(), List.of(), null);
        }
        Map<Integer, MonitoringRollups.CycleCount> counts = new java.util.HashMap<>();
        rollups.cycleCounts(headers.get(headers.size() - 1).year(), headers.get(0).year())
                .forEach(c -> counts.put(c.year(), c));
        int inFull = 0;
        Integer mapYear = null;
        while (inFull < Math.min(IN_FULL, headers.size()) && mapYear == null) {
            int year = headers.get(inFull++).year();
            mapYear = counts.containsKey(year) ? year : null;
        }
        List<CycleService.Header> earlier = headers.subList(inFull, headers.size());
        Map<Integer, BigDecimal> executedByYear = earlier.isEmpty() ? Map.of() : executedOf(earlier);
        List<Folded> folded = earlier.stream()
                .map(h -> new Folded(h.year(), h.phase().name(), h.processInstanceId() == null,
                        counts.getOrDefault(h.year(), new MonitoringRollups.CycleCount(h.year(), 0, 0, 0, 0, 0,
                                BigDecimal.ZERO)), executedByYear.getOrDefault(h.year(), BigDecimal.ZERO)))
                .toList();
        return new Index(summaries(headers.subList(0, inFull)), folded, mapYear);
    }

    /** The summary of one cycle, if it exists. */
    public java.util.Optional<CycleSummary> cycle(int year) {
        return summaries(cycles.headers(year, 1)).stream().filter(c -> c.year() == year).findFirst();
    }

    private static ProjectLine line(Projects.Project p, MonitoringService.Latest l) {
        return new ProjectLine(p.year(), p.cui(), p.name(), p.scope(), p.unitName(), p.cost(), p.executionStatus(),
                l == null ? null : l.physicalProgress(), l == null ? null : l.financialExecution(),
                l == null ? null : l.quarter());
    }

    /** One page of a cycle's prioritised projects, by scope then CUI: the page's projects, then their reports. */
    public List<ProjectLine> projects(int year, int offset, int limit) {
        List<Projects.Project> page = projects.prioritisedPage(year, offset, limit);
        Map<Long, MonitoringService.Latest> latest = monitoring.latestReported(page.stream()
                .map(Projects.Project::id).toList());
        return page.stream().map(p -> line(p, latest.get(p.id()))).toList();
    }

    /**
     * Every prioritised project of a cycle (for the CSV, whatever its size), 500 at a time: a page of projects, then
     * their reports (no query while another's rows are being read, so one pooled connection at a time).
     */
    public void eachProject(int year, Consumer<ProjectLine> each) {
        int chunk = 500;
        for (int offset = 0; ; offset += chunk) {
            List<ProjectLine> lines = projects(year, offset, chunk);
            lines.forEach(each);
            if (lines.size() < chunk) {
                return;
            }
        }
    }
}
