package pe.gob.regioncajamarca.participa.notification;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to send an e-mail: the mail is written to the outbox table in the caller's transaction
 * (so it exists exactly when the business change does) and sent later by the outbox sender, which
 * retries with back-off while the SMTP server is down. The dedup key makes enqueueing idempotent:
 * a retried job or a double click never produces a second mail.
 */
@Service
public class Notifications {

    private final JdbcClient jdbc;

    public Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues a mail. Returns false when a mail with the same dedup key was already queued.
     *
     * @param dedupKey  unique key of this notice, e.g. "acreditacion-resultado:123"
     * @param recipient e-mail address
     * @param subject   Spanish subject
     * @param text      plain-text body
     * @param html      HTML body, or null
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public boolean enqueue(String dedupKey, String recipient, String subject, String text, String html) {
        if (recipient == null || recipient.isBlank()) {
            return false;
        }
        Integer existing = jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE dedup_key = ?").param(dedupKey)
                .query(Integer.class).single();
        if (existing > 0) {
            return false;
        }
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO mail_outbox (dedup_key, recipient, subject, body_text, body_html, status, attempts,
                                         next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, 'PENDIENTE', 0, ?, ?)""")
                .params(dedupKey, recipient, subject, text, html, now, now)
                .update();
        return true;
    }
}
