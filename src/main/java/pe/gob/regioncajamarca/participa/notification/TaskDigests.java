package pe.gob.regioncajamarca.participa.notification;

import pe.gob.regioncajamarca.participa.calendar.Now;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import pe.gob.regioncajamarca.participa.workflow.PerTransaction;
import pe.gob.regioncajamarca.participa.workflow.TaskEscalated;

/**
 * Tells staff about new and escalated tasks without flooding them: each task created for a group (or assigned to
 * a person) is noted for every member with an e-mail, in the engine's transaction; a digest collects a person's
 * notes into one mail, at most one per hour per person (a monitoring round that opens a hundred tasks for a unit
 * sends each of its members one mail). Members are read from the engine's identity tables directly, so the
 * notes do not depend on who happens to be logged in when the task appears.
 */
@Component
class TaskDigests {

    private static final Logger log = LoggerFactory.getLogger(TaskDigests.class);
    static final Duration MIN_GAP = Duration.ofHours(1);
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("America/Lima"));

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private Clock clock = Now.clock();

    @Value("${participa.mail.digest-enabled:true}")
    private boolean enabled = true;

    private final org.springframework.transaction.support.TransactionTemplate transaction;

    public TaskDigests(JdbcClient jdbc, Notifications notifications,
                       org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
    }

    public void useClock(Clock clock) {
        this.clock = clock;
    }

    record Member(String userId, String email) {
    }

    /** One task in a digest mail. */
    public record Line(String taskId, String taskName, String businessKey, String due, boolean escalated, String email) {
    }

    /** A task was created: note it for the members of its candidate groups and for its assignee. */
    @EventListener(condition = "#task.eventName == 'create'")
    public void onTaskCreated(DelegateTask task) {
        Set<String> groups = new HashSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        List<Member> people = new ArrayList<>(membersOf(groups));
        if (task.getAssignee() != null) {
            jdbc.sql("SELECT ID_, EMAIL_ FROM ACT_ID_USER WHERE ID_ = ?").param(task.getAssignee())
                    .query((rs, i) -> new Member(rs.getString(1), rs.getString(2))).optional().ifPresent(people::add);
        }
        String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        note(people, task.getId(), task.getName(), businessKey, task.getDueDate(), false);
    }

    /** A task passed its deadline: the group it was escalated to hears of it in the next digest. */
    @EventListener
    public void onEscalated(TaskEscalated e) {
        note(membersOf(Set.of(e.escalatedTo())), e.taskId(), e.taskName(), e.businessKey(), e.dueDate(), true);
    }

    List<Member> membersOf(Set<String> groups) {
        if (groups.isEmpty()) {
            return List.of();
        }
        Map<String, Member> members = new LinkedHashMap<>();
        for (String group : groups) {
            for (Member m : membersOf(group)) {
                members.putIfAbsent(m.userId(), m);
            }
        }
        return List.copyOf(members.values());
    }

    /** The key of a group's members read in this transaction ({@link PerTransaction}). */
    private record GroupMembers(String groupId) {
    }

    /**
     * A group's members, read once per transaction: a monitoring round creates a thousand tasks for ten groups in
     * one transaction, and each task asked again.
     */
    @SuppressWarnings("unchecked")
    private List<Member> membersOf(String group) {
        GroupMembers key = new GroupMembers(group);
        List<Member> known = PerTransaction.get(key, List.class);
        if (known != null) {
            return known;
        }
        List<Member> read = jdbc.sql("""
                SELECT u.ID_, u.EMAIL_ FROM ACT_ID_USER u JOIN ACT_ID_MEMBERSHIP m ON m.USER_ID_ = u.ID_
                WHERE m.GROUP_ID_ = ?""").param(group)
                .query((rs, i) -> new Member(rs.getString(1), rs.getString(2))).list();
        PerTransaction.put(key, List.copyOf(read));
        return read;
    }

    private void note(List<Member> people, String taskId, String taskName, String businessKey, java.util.Date due,
                      boolean escalated) {
        Timestamp now = Timestamp.from(clock.instant());
        for (Member m : people) {
            if (m.email() == null || m.email().isBlank()) {
                continue;
            }
            if (jdbc.sql("SELECT COUNT(*) FROM task_notice WHERE user_id = ? AND task_id = ? AND escalated = ?")
                    .params(m.userId(), taskId, escalated).query(Integer.class).single() > 0) {
                continue;
            }
            jdbc.sql("""
                    INSERT INTO task_notice (user_id, email, task_id, task_name, business_key, due_date, escalated, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(m.userId(), m.email(), taskId, truncate(taskName), businessKey,
                            due == null ? null : new Timestamp(due.getTime()), escalated, now).update();
        }
    }

    @Scheduled(fixedDelayString = "${participa.mail.digest-delay:60s}", initialDelayString = "${participa.mail.digest-delay:60s}")
    void scheduled() {
        if (enabled) {
            try {
                // in a transaction of its own: called from this bean, sendDigests' @Transactional is not applied
                // (no proxy in between), and each statement committed alone. A node killed between claiming the
                // notices and queueing the mail then left the digest claimed and never mailed (found by
                // TwoNodesFaultIT: a manager got no digest). Now the digest row, the claim and the mail commit
                // together or not at all.
                transaction.executeWithoutResult(t -> sendDigests());
            } catch (RuntimeException e) {
                log.warn("No se pudieron preparar los resúmenes de tareas: {}", e.getMessage());
            }
        }
    }

    /** Queues one digest for every person with notes whose last digest is at least an hour old; returns how many. */
    @Transactional
    public int sendDigests() {
        Instant now = clock.instant();
        // in a fixed order: two nodes claiming the same people in one transaction each must not deadlock
        List<String> users = jdbc.sql("SELECT DISTINCT user_id FROM task_notice WHERE digest_id IS NULL ORDER BY user_id")
                .query(String.class).list();
        int sent = 0;
        for (String user : users) {
            Timestamp last = jdbc.sql("SELECT sent_at FROM task_digest WHERE user_id = ? ORDER BY sent_at DESC")
                    .param(user).query(Timestamp.class).list().stream().findFirst().orElse(null);
            if (last != null && last.toInstant().plus(MIN_GAP).isAfter(now)) {
                continue;
            }
            // the generated key, not MAX(id): with two nodes, another node's digest for the same person may be
            // committed in between
            org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("INSERT INTO task_digest (user_id, sent_at) VALUES (?, ?)").params(user, Timestamp.from(now))
                    .update(key, "id");
            long digest = key.getKey().longValue();
            // the UPDATE claims the notices: when another node claimed them first (two nodes, same minute), this
            // node gets none, drops its empty digest and sends nothing, instead of failing the whole run
            if (jdbc.sql("UPDATE task_notice SET digest_id = ? WHERE user_id = ? AND digest_id IS NULL")
                    .params(digest, user).update() == 0) {
                jdbc.sql("DELETE FROM task_digest WHERE id = ?").param(digest).update();
                continue;
            }
            List<Line> lines = jdbc.sql("""
                    SELECT task_id, task_name, business_key, due_date, escalated, email FROM task_notice
                    WHERE digest_id = ? ORDER BY escalated DESC, due_date, id""").param(digest)
                    .query((rs, i) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4) == null ? null : DUE.format(rs.getTimestamp(4).toInstant()),
                            rs.getBoolean(5), rs.getString(6)))
                    .list();
            String name = jdbc.sql("SELECT FIRST_ FROM ACT_ID_USER WHERE ID_ = ?").param(user).query(String.class)
                    .optional().orElse(user);
            long escalatedCount = lines.stream().filter(Line::escalated).count();
            String subject = escalatedCount > 0
                    ? "Tareas escaladas en Tasklist (" + escalatedCount + ") y otras " + (lines.size() - escalatedCount)
                    : lines.size() == 1 ? "Nueva tarea en Tasklist: " + lines.get(0).taskName()
                    : lines.size() + " tareas nuevas en Tasklist";
            notifications.send("digest:" + digest, lines.get(0).email(), subject, "tareas",
                    Map.of("name", name == null ? user : name, "tasks", lines));
            sent++;
        }
        return sent;
    }

    private static String truncate(String s) {
        return s == null ? "Tarea" : s.length() > 300 ? s.substring(0, 300) : s;
    }
}
