package pe.gob.regioncajamarca.participa.notification;

import pe.gob.regioncajamarca.participa.calendar.Now;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to send an e-mail: the mail is rendered from its Spanish templates (HTML and plain text) and
 * written to the outbox table in the caller's transaction (so it exists exactly when the business change does),
 * then sent by the outbox sender, which retries with back-off while the SMTP server is down. The dedup key makes
 * queueing idempotent: a retried job or a double click never produces a second mail. Optional notices (news about
 * projects a person voted for, reminders) are not queued for people who turned them off; each carries a link to
 * turn them off.
 */
@Service
public class Notifications {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcOperations batch;
    private final MailTemplates templates;
    private final byte[] secret;

    public Notifications(JdbcClient jdbc, org.springframework.jdbc.core.JdbcOperations batch, MailTemplates templates,
                         @Value("${participa.mail.preferences-secret:${participa.public-url}-preferencias}") String secret) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.templates = templates;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A notice a person is waiting for: always sent. */
    @Transactional(propagation = Propagation.REQUIRED)
    public boolean send(String dedupKey, String recipient, String subject, String template, Map<String, ?> model) {
        return queue(dedupKey, recipient, subject, template, model, false);
    }

    /** An optional notice: not queued when the recipient turned optional notices off. */
    @Transactional(propagation = Propagation.REQUIRED)
    public boolean sendOptional(String dedupKey, String recipient, String subject, String template,
                                Map<String, ?> model) {
        if (recipient == null || optionalOff(recipient)) {
            return false;
        }
        return queue(dedupKey, recipient, subject, template, model, true);
    }

    /**
     * The same optional notice to many people (dedup key → recipient): as {@link #sendOptional} for each, with the
     * preferences and the already queued keys read in a few queries instead of two per recipient. Returns how many
     * mails were queued.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public int sendOptionalToAll(Map<String, String> recipientByDedupKey, String subject, String template,
                                 Map<String, ?> model) {
        return sendOptionalToAll(recipientByDedupKey, subject, template, key -> model);
    }

    /** As {@link #sendOptionalToAll(Map, String, String, Map)}, each mail with its own model (by dedup key). */
    @Transactional(propagation = Propagation.REQUIRED)
    public int sendOptionalToAll(Map<String, String> recipientByDedupKey, String subject, String template,
                                 java.util.function.Function<String, Map<String, ?>> modelOf) {
        Map<String, String> todo = new java.util.LinkedHashMap<>();
        recipientByDedupKey.forEach((key, recipient) -> {
            if (recipient != null && !recipient.isBlank()) {
                todo.put(key, recipient);
            }
        });
        java.util.Set<String> off = new java.util.HashSet<>();
        java.util.Set<String> queued = new java.util.HashSet<>();
        List<String> keys = List.copyOf(todo.keySet());
        List<String> addresses = todo.values().stream().map(Notifications::normal).distinct().toList();
        for (int from = 0; from < addresses.size(); from += CHUNK) {
            off.addAll(jdbc.sql("SELECT email FROM mail_preference WHERE optional_off = TRUE AND email IN (:emails)")
                    .param("emails", addresses.subList(from, Math.min(addresses.size(), from + CHUNK)))
                    .query(String.class).list());
        }
        for (int from = 0; from < keys.size(); from += CHUNK) {
            queued.addAll(jdbc.sql("SELECT dedup_key FROM mail_outbox WHERE dedup_key IN (:keys)")
                    .param("keys", keys.subList(from, Math.min(keys.size(), from + CHUNK)))
                    .query(String.class).list());
        }
        // written in batches of CHUNK rows (one round trip each) instead of one insert per recipient: a project's
        // status change in a round reaches every voter of the project in the unit's completion
        List<Object[]> rows = new java.util.ArrayList<>();
        int n = 0;
        for (Map.Entry<String, String> e : todo.entrySet()) {
            if (off.contains(normal(e.getValue())) || !queued.add(e.getKey())) {
                continue;
            }
            rows.add(render(e.getKey(), e.getValue(), subject, template, modelOf.apply(e.getKey()), true));
            n++;
            if (rows.size() == CHUNK) {
                batch.batchUpdate(INSERT, rows);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            batch.batchUpdate(INSERT, rows);
        }
        return n;
    }

    private static final int CHUNK = 500;

    private boolean queue(String dedupKey, String recipient, String subject, String template, Map<String, ?> model,
                          boolean optional) {
        if (recipient == null || recipient.isBlank() || exists(dedupKey)) {
            return false;
        }
        jdbc.sql(INSERT).params(render(dedupKey, recipient, subject, template, model, optional)).update();
        return true;
    }

    /** The outbox row of a mail rendered for its recipient (the parameters of {@link #INSERT}). */
    private Object[] render(String dedupKey, String recipient, String subject, String template, Map<String, ?> model,
                            boolean optional) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("subject", subject);
        all.put("optional", optional);
        all.put("preferencesUrl", templates.publicUrl() + "/avisos?correo="
                + java.net.URLEncoder.encode(recipient, StandardCharsets.UTF_8) + "&firma=" + signature(recipient));
        MailTemplates.Rendered mail = templates.render(template, all);
        return row(dedupKey, recipient, subject, mail.text(), mail.html(), template, optional);
    }

    /**
     * Queues a mail whose text is already written (plain text only). Prefer {@link #send}; kept for callers whose
     * text is assembled elsewhere. Returns false when a mail with the same dedup key was already queued.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public boolean enqueue(String dedupKey, String recipient, String subject, String text, String html) {
        if (recipient == null || recipient.isBlank() || exists(dedupKey)) {
            return false;
        }
        jdbc.sql(INSERT).params(row(dedupKey, recipient, subject, text, html, null, false)).update();
        return true;
    }

    private boolean exists(String dedupKey) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE dedup_key = ?").param(dedupKey)
                .query(Integer.class).single() > 0;
    }

    private static final String INSERT = """
            INSERT INTO mail_outbox (dedup_key, recipient, subject, body_text, body_html, status, attempts,
                                     next_attempt_at, created_at, kind, optional_notice)
            VALUES (?, ?, ?, ?, ?, 'PENDIENTE', 0, ?, ?, ?, ?)""";

    private static Object[] row(String dedupKey, String recipient, String subject, String text, String html,
                                String kind, boolean optional) {
        Timestamp now = Now.timestamp();
        return new Object[] {dedupKey, recipient.strip(), subject, text, html, now, now, kind, optional};
    }

    public boolean optionalOff(String email) {
        return jdbc.sql("SELECT optional_off FROM mail_preference WHERE email = ?").param(normal(email))
                .query(Boolean.class).optional().orElse(false);
    }

    /** Turns optional notices off (or on again) for an address. */
    @Transactional
    public void setOptionalOff(String email, boolean off) {
        String key = normal(email);
        int updated = jdbc.sql("UPDATE mail_preference SET optional_off = ?, changed_at = ? WHERE email = ?")
                .params(off, Now.timestamp(), key).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO mail_preference (email, optional_off, changed_at) VALUES (?, ?, ?)")
                    .params(key, off, Now.timestamp()).update();
        }
    }

    /** The signature of an address in the preference links of the mails (no login needed to turn notices off). */
    public String signature(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] sig = mac.doFinal(normal(email).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig).substring(0, 22);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean validSignature(String email, String signature) {
        return email != null && signature != null && java.security.MessageDigest.isEqual(
                signature(email).getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }

    private static String normal(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** A mail of the outbox as the demo's mail page lists it. */
    public record Queued(String recipient, String subject, String status, int attempts, java.time.Instant createdAt,
                         java.time.Instant sentAt, String lastError) {
    }

    /** Every mail of the outbox, newest first (the demo's page {@code /demo/correos}). */
    public java.util.List<Queued> outbox() {
        return jdbc.sql("SELECT recipient, subject, status, attempts, created_at, sent_at, last_error FROM mail_outbox "
                        + "ORDER BY id DESC")
                .query((rs, i) -> new Queued(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .list();
    }

    /** What operators watch of the outbox: mails not sent by status, and when the oldest pending one was queued. */
    public record Backlog(java.util.Map<String, Long> byStatus, java.time.Instant oldestPending) {
    }

    /** The outbox's backlog (two short queries; the operations metrics read it every 30 s). */
    public Backlog backlog() {
        java.util.Map<String, Long> byStatus = new java.util.HashMap<>();
        jdbc.sql("SELECT status, COUNT(*) FROM mail_outbox WHERE status <> 'ENVIADO' GROUP BY status")
                .query((rs, i) -> byStatus.put(rs.getString(1), rs.getLong(2))).list();
        java.sql.Timestamp oldest = jdbc.sql("SELECT MIN(created_at) FROM mail_outbox WHERE status = 'PENDIENTE'")
                .query(java.sql.Timestamp.class).optional().orElse(null);
        return new Backlog(byStatus, oldest == null ? null : oldest.toInstant());
    }
}
