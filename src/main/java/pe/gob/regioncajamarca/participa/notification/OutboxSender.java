package pe.gob.regioncajamarca.participa.notification;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the mails of the outbox. A mail is claimed (status PENDIENTE → ENVIANDO with a lease) so that two
 * nodes never send it twice; on failure it goes back to PENDIENTE with exponential back-off (1 min, 2, 4 ...
 * at most 1 h) and is retried forever: a down mail server delays mail but never drops it. Only an address
 * that can never be delivered ends as FALLIDO, with the reason.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final JavaMailSender mail;
    private final String from;
    private Clock clock = Clock.systemUTC();

    public OutboxSender(JdbcClient jdbc, JavaMailSender mail, @Value("${participa.mail.from}") String from) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.from = from;
    }

    /** For tests: the instant "now" of the sender. */
    public void useClock(Clock clock) {
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${participa.mail.outbox-delay:10s}", initialDelayString = "${participa.mail.outbox-delay:10s}")
    void scheduled() {
        if (enabled) {
            sendDue();
        }
    }

    @Value("${participa.mail.outbox-enabled:true}")
    private boolean enabled = true;

    /** Sends every mail that is due now; returns how many were sent. */
    public int sendDue() {
        Timestamp now = Timestamp.from(clock.instant());
        // a claim whose lease ran out (a node died while sending) is due again
        jdbc.sql("UPDATE mail_outbox SET status = 'PENDIENTE' WHERE status = 'ENVIANDO' AND next_attempt_at <= ?")
                .param(now).update();
        List<Long> due = jdbc.sql("SELECT id FROM mail_outbox WHERE status = 'PENDIENTE' AND next_attempt_at <= ? "
                + "ORDER BY id").param(now).query(Long.class).list();
        int sent = 0;
        for (Long id : due) {
            if (claim(id) && send(id)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean claim(long id) {
        Timestamp lease = Timestamp.from(clock.instant().plus(LEASE));
        return jdbc.sql("UPDATE mail_outbox SET status = 'ENVIANDO', next_attempt_at = ? WHERE id = ? "
                + "AND status = 'PENDIENTE'").params(lease, id).update() == 1;
    }

    private boolean send(long id) {
        record Row(String recipient, String subject, String text, String html, int attempts) {
        }
        Row row = jdbc.sql("SELECT recipient, subject, body_text, body_html, attempts FROM mail_outbox WHERE id = ?")
                .param(id).query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5))).single();
        try {
            InternetAddress to = new InternetAddress(row.recipient(), true);
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, row.html() != null, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(row.subject());
            if (row.html() != null) {
                helper.setText(row.text(), row.html());
            } else {
                helper.setText(row.text());
            }
            mail.send(message);
        } catch (AddressException e) {
            jdbc.sql("UPDATE mail_outbox SET status = 'FALLIDO', attempts = attempts + 1, last_error = ? WHERE id = ?")
                    .params(truncate("Dirección inválida: " + e.getMessage()), id).update();
            log.warn("Correo {} descartado: dirección inválida {}", id, row.recipient());
            return false;
        } catch (Exception e) {
            int attempts = row.attempts() + 1;
            Duration wait = backoff(attempts);
            jdbc.sql("UPDATE mail_outbox SET status = 'PENDIENTE', attempts = ?, last_error = ?, next_attempt_at = ? "
                            + "WHERE id = ?")
                    .params(attempts, truncate(e.getMessage()), Timestamp.from(clock.instant().plus(wait)), id)
                    .update();
            log.warn("Correo {} no enviado (intento {}), se reintenta en {}: {}", id, attempts, wait, e.getMessage());
            return false;
        }
        jdbc.sql("UPDATE mail_outbox SET status = 'ENVIADO', attempts = attempts + 1, sent_at = ?, last_error = NULL "
                + "WHERE id = ?").params(Timestamp.from(clock.instant()), id).update();
        return true;
    }

    /** 1 min after the first failure, doubling up to one hour. */
    static Duration backoff(int attempts) {
        long minutes = 1L << Math.min(attempts - 1, 10);
        Duration d = Duration.ofMinutes(minutes);
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private static String truncate(String s) {
        if (s == null) {
            return null;
        }
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }

    Instant now() {
        return clock.instant();
    }
}
