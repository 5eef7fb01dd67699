package pe.gob.regioncajamarca.participa.operations;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import pe.gob.regioncajamarca.participa.calendar.Now;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.notification.Notifications;
import pe.gob.regioncajamarca.participa.voting.VotingService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * What an operator watches, as Micrometer gauges (Prometheus names in {@code docs/operations.md}, section 7): due and
 * failed jobs, open incidents, open and overdue tasks per candidate group, the mail outbox's backlog and failures,
 * votes of the current cycles. The figures come from SQL on the shared database, so every node shows the same,
 * cluster-wide values; they are read by {@link #refresh()} every {@code participa.metrics.refresh} (30 s) and kept,
 * never per scrape. No tag carries personal data: groups, statuses, incident types and cycle years only.
 */
@Component
class OperationsMetrics {

    private static final Logger log = LoggerFactory.getLogger(OperationsMetrics.class);

    /** The outbox's statuses other than ENVIADO (notification.OutboxSender), shown even when none is in them. */
    static final List<String> OUTBOX_STATUSES = List.of("PENDIENTE", "ENVIANDO", "FALLIDO", "INCIERTO",
            "INCIERTO_REVISAR", "INCIDENTE");

    private final JdbcClient jdbc;
    private final AtomicLong dueJobs = new AtomicLong();
    private final AtomicLong failedJobs = new AtomicLong();
    private final AtomicLong oldestPendingMail = new AtomicLong();
    private final AtomicLong refreshedAt = new AtomicLong();
    private final Counter refreshFailures;
    private final MultiGauge incidents;
    private final MultiGauge openTasks;
    private final MultiGauge overdueTasks;
    private final MultiGauge outbox;
    private final MultiGauge votes;
    /** Keys seen once stay at 0 when they empty, so that a series does not vanish (an alert would not resolve). */
    private final Map<String, Set<String>> seen = new ConcurrentHashMap<>();

    private final Notifications notifications;
    private final CycleService cycles;
    private final VotingService voting;

    public OperationsMetrics(JdbcClient jdbc, MeterRegistry registry, Notifications notifications, CycleService cycles,
                             VotingService voting) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.cycles = cycles;
        this.voting = voting;
        Gauge.builder("participa.jobs.due", dueJobs, AtomicLong::get)
                .description("Jobs of the engine due now with retries left (timers, async steps)").register(registry);
        Gauge.builder("participa.jobs.failed", failedJobs, AtomicLong::get)
                .description("Jobs of the engine with no retries left (each one an incident)").register(registry);
        Gauge.builder("participa.mail.outbox.oldest.pending", oldestPendingMail, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest mail still PENDIENTE in the outbox (0 when none)").register(registry);
        Gauge.builder("participa.metrics.refresh.timestamp", refreshedAt, AtomicLong::get).baseUnit("seconds")
                .description("When these figures were last read from the database (epoch seconds)").register(registry);
        refreshFailures = Counter.builder("participa.metrics.refresh.failures")
                .description("Refreshes of these figures that failed (database unreachable)").register(registry);
        incidents = MultiGauge.builder("participa.incidents.open")
                .description("Open incidents of the engine, by type (Cockpit)").register(registry);
        openTasks = MultiGauge.builder("participa.tasks.open")
                .description("Open user tasks by candidate group").register(registry);
        overdueTasks = MultiGauge.builder("participa.tasks.overdue")
                .description("Open user tasks past their due date, by candidate group").register(registry);
        outbox = MultiGauge.builder("participa.mail.outbox")
                .description("Mails of the outbox not sent, by status").register(registry);
        votes = MultiGauge.builder("participa.votes")
                .description("Votes stored for a cycle (the cycles in VOTACION and the latest one)").register(registry);
    }

    @Scheduled(fixedDelayString = "${participa.metrics.refresh:30s}", initialDelayString = "${participa.metrics.initial-delay:5s}")
    void scheduled() {
        try {
            refresh();
        } catch (RuntimeException e) {
            refreshFailures.increment();
            log.warn("Las métricas de operación no se pudieron leer: {}", e.toString());
        }
    }

    /** Reads every figure from the database now (one short query each). */
    public void refresh() {
        Timestamp now = Now.timestamp();
        dueJobs.set(count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1 "
                + "AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?)", now));
        failedJobs.set(count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ = 0"));
        register(incidents, "incidents", "type", grouped("SELECT INCIDENT_TYPE_, COUNT(*) FROM ACT_RU_INCIDENT "
                + "GROUP BY INCIDENT_TYPE_"), List.of("failedJob"));
        String byGroup = "SELECT l.GROUP_ID_, COUNT(DISTINCT t.ID_) FROM ACT_RU_TASK t JOIN ACT_RU_IDENTITYLINK l "
                + "ON l.TASK_ID_ = t.ID_ WHERE l.TYPE_ = 'candidate' AND l.GROUP_ID_ IS NOT NULL";
        register(openTasks, "open", "group", grouped(byGroup + " GROUP BY l.GROUP_ID_"), List.of());
        register(overdueTasks, "overdue", "group", grouped(byGroup + " AND t.DUE_DATE_ < ? GROUP BY l.GROUP_ID_", now), List.of());
        Notifications.Backlog backlog = notifications.backlog();
        register(outbox, "outbox", "status", backlog.byStatus(), OUTBOX_STATUSES);
        oldestPendingMail.set(backlog.oldestPending() == null ? 0
                : Math.max(0, (now.getTime() - backlog.oldestPending().toEpochMilli()) / 1000));
        Map<String, Long> votesByCycle = new HashMap<>();
        for (Integer year : cycles.votingOrNewestYears()) {
            votesByCycle.put(String.valueOf(year), voting.votesCast(year));
        }
        register(votes, "votes", "cycle", votesByCycle, List.of());
        refreshedAt.set(Now.instant().getEpochSecond());
    }

    private long count(String sql, Object... params) {
        Long n = jdbc.sql(sql).params(params).query(Long.class).single();
        return n == null ? 0 : n;
    }

    private Map<String, Long> grouped(String sql, Object... params) {
        Map<String, Long> rows = new HashMap<>();
        jdbc.sql(sql).params(params).query((rs, i) -> rows.put(rs.getString(1), rs.getLong(2))).list();
        return rows;
    }

    private void register(MultiGauge gauge, String name, String tag, Map<String, Long> values, List<String> always) {
        Set<String> keys = seen.computeIfAbsent(name, k -> ConcurrentHashMap.newKeySet());
        keys.addAll(always);
        keys.addAll(values.keySet());
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (String key : new TreeSet<>(keys)) {
            rows.add(MultiGauge.Row.of(Tags.of(tag, key), values.getOrDefault(key, 0L)));
        }
        gauge.register(rows, true);
    }
}
