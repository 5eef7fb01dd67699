package pe.gob.regioncajamarca.participa.training;

import pe.gob.regioncajamarca.participa.calendar.Now;
import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.notification.Notifications;

/**
 * Reminders before each session: every person holding a seat gets one mail when the session is less than
 * {@value #HOURS_BEFORE} hours away (on the engine clock, so tests move time). A scheduled job looks every few
 * minutes; the dedup key of each mail (session and enrolment) makes a second look send nothing again.
 */
@Component
class SessionReminders {

    static final int HOURS_BEFORE = 24;
    private static final Logger log = LoggerFactory.getLogger(SessionReminders.class);

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final boolean enabled;

    private final CitizenAccounts citizens;

    public SessionReminders(JdbcClient jdbc, Notifications notifications,
                            @Value("${participa.training.reminders-enabled:true}") boolean enabled, CitizenAccounts citizens) {
        this.citizens = citizens;
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${participa.training.reminder-delay:300s}",
               initialDelayString = "${participa.training.reminder-delay:300s}")
    void scheduled() {
        if (enabled) {
            sendDue();
        }
    }

    /** Queues the reminders of the sessions starting within the next day; returns how many were queued. */
    @Transactional
    public int sendDue() {
        LocalDateTime now = LocalDateTime.ofInstant(Now.instant(), DueDates.LIMA);
        int queued = 0;
        List<Map<String, Object>> due = jdbc.sql("""
                SELECT s.id, s.seq, s.starts_at, s.place, s.online_link, s.facilitator, d.id, d.title,
                    e.id, e.citizen_id
                FROM training_session s JOIN training_edition d ON d.id = s.edition_id
                JOIN training_enrolment e ON e.edition_id = d.id AND e.status = 'INSCRITO'
                WHERE d.status IN ('INSCRIPCION', 'EN_CURSO') AND s.starts_at > ? AND s.starts_at <= ?
                ORDER BY s.starts_at, e.position""")
                .params(Timestamp.valueOf(now), Timestamp.valueOf(now.plusHours(HOURS_BEFORE)))
                .query((rs, i) -> Map.<String, Object>of("session", rs.getLong(1), "seq", rs.getInt(2),
                        "when", SessionLines.SHOWN.format(rs.getTimestamp(3).toLocalDateTime()),
                        "where", rs.getString(5) != null ? rs.getString(5) : rs.getString(4),
                        "online", rs.getString(5) != null, "facilitator", rs.getString(6), "editionId", rs.getLong(7),
                        "title", rs.getString(8), "enrolment", rs.getLong(9), "citizen", rs.getLong(10)))
                .list();
        Map<Long, CitizenAccounts.Citizen> people = citizens.byIds(due.stream().map(r -> (Long) r.get("citizen"))
                .toList());
        for (var due1 : due) {
            if (!people.containsKey((Long) due1.get("citizen"))) {
                continue;
            }
            Map<String, Object> r = new java.util.HashMap<>(due1);
            r.remove("citizen");
            r.put("email", people.get((Long) due1.get("citizen")).email());
            if (notifications.send("capacitacion-recordatorio:" + r.get("session") + ":" + r.get("enrolment"),
                    (String) r.get("email"), "Recordatorio: sesión " + r.get("seq") + " de «" + r.get("title")
                            + "» el " + r.get("when"), "capacitacion-recordatorio", r)) {
                queued++;
            }
        }
        if (queued > 0) {
            log.info("Recordatorios de sesiones de capacitación en cola: {}", queued);
        }
        return queued;
    }
}
