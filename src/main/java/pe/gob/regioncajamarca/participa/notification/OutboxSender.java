package pe.gob.regioncajamarca.participa.notification;

import pe.gob.regioncajamarca.participa.calendar.Now;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the mails of the outbox, in batches ({@code participa.mail.batch-size}, default 100): a batch is claimed in
 * one short transaction (status PENDIENTE → ENVIANDO with a lease and the claim's id, committed before the SMTP
 * conversation; rows another sender is claiming are skipped)
 * so that two nodes never send a mail twice, and sent over one SMTP connection; the sent ones are marked in one
 * update and each refused one is recorded on its own row. On failure a mail goes back to PENDIENTE with
 * exponential back-off (1 min, 2, 4 ... at most 1 h). After the last attempt ({@code participa.mail.max-attempts})
 * the mail becomes INCIDENTE and a {@code mail-delivery} process instance carries a Camunda incident that staff
 * see in Cockpit; retrying the incident sends the mail. A claim whose lease ran out (a node died between sending
 * and recording) is never resent by itself: it becomes INCIERTO with an incident, and staff decide. An address
 * that can never be delivered ends as FALLIDO, with the reason. Nothing is ever dropped silently.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final JavaMailSender mail;
    private final String from;
    private Clock clock = Now.clock();

    private final org.camunda.bpm.engine.RuntimeService runtime;
    private final org.springframework.transaction.support.TransactionTemplate newTransaction;
    private final int maxAttempts;

    /** How many mails one claim takes and one SMTP connection carries. */
    @Value("${participa.mail.batch-size:100}")
    private int batchSize = 100;

    public OutboxSender(JdbcClient jdbc, JavaMailSender mail, @Value("${participa.mail.from}") String from,
                        org.camunda.bpm.engine.RuntimeService runtime,
                        org.springframework.transaction.PlatformTransactionManager transactions,
                        @Value("${participa.mail.max-attempts:8}") int maxAttempts) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.from = from;
        this.runtime = runtime;
        this.newTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.maxAttempts = maxAttempts;
        MailStreams.pinProvider();
    }

    public static final String DELIVERY_PROCESS = "mail-delivery";

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
        // a claim whose lease ran out: the node died while sending, the mail may have gone out. Never resent by
        // itself (that could send it twice): an incident lets staff check and decide.
        for (Long id : jdbc.sql("SELECT id FROM mail_outbox WHERE status = 'ENVIANDO' AND next_attempt_at <= ?")
                .param(now).query(Long.class).list()) {
            if (jdbc.sql("UPDATE mail_outbox SET status = 'INCIERTO', last_error = ? WHERE id = ? AND status = 'ENVIANDO'")
                    .params("El envío quedó incierto: el sistema se detuvo mientras lo enviaba.", id).update() == 1) {
                openIncident(id);
            }
        }
        List<Long> due = jdbc.sql("SELECT id FROM mail_outbox WHERE status = 'PENDIENTE' AND next_attempt_at <= ? "
                + "ORDER BY id").param(now).query(Long.class).list();
        int sent = 0;
        for (int from = 0; from < due.size(); from += batchSize) {
            List<Long> claimed = claim(due.subList(from, Math.min(due.size(), from + batchSize)));
            if (!claimed.isEmpty()) {
                sent += (int) send(claimed, false).values().stream().filter(Attempt::sent).count();
            }
        }
        return sent;
    }

    /**
     * Claims the mails of a batch that are still PENDIENTE and not being claimed by another sender (one transaction,
     * committed before any SMTP conversation) and returns those this claim won: another node may have claimed some of
     * them first.
     */
    private List<Long> claim(List<Long> ids) {
        String claimId = java.util.UUID.randomUUID().toString();
        // the rows another sender is claiming right now are skipped, not waited for: two senders (two nodes, or the
        // generator's) whose batches overlap locked each other's rows in different orders, and PostgreSQL aborted one
        // of them as a deadlock
        List<Long> free = newTransaction.execute(tx -> {
            List<Long> lockable = jdbc.sql("SELECT id FROM mail_outbox WHERE id IN (:ids) AND status = 'PENDIENTE' "
                    + "ORDER BY id FOR UPDATE SKIP LOCKED").param("ids", ids).query(Long.class).list();
            if (!lockable.isEmpty()) {
                jdbc.sql("UPDATE mail_outbox SET status = 'ENVIANDO', next_attempt_at = :lease, claim_id = :claim "
                                + "WHERE id IN (:ids)")
                        .param("lease", Timestamp.from(clock.instant().plus(LEASE))).param("claim", claimId)
                        .param("ids", lockable).update();
            }
            return lockable;
        });
        return free == null ? List.of() : free;
    }

    /**
     * What one attempt came to: sent, or not with a reason that names no address (the SMTP server's own text, which
     * names the recipient, stays in the outbox row's {@code last_error}).
     */
    private record Attempt(boolean sent, String reason) {
        static final Attempt SENT = new Attempt(true, null);
    }

    private record Row(long id, String recipient, String subject, String text, String html, int attempts) {
    }

    /**
     * Sends claimed mails over one SMTP connection ({@link JavaMailSender#send(MimeMessage...)} keeps one transport
     * for the batch and reports each refused message with its own exception), marks the sent ones in one update and
     * records each failure on its own row as a single send did: retry with back-off, FALLIDO for an invalid address,
     * INCIDENTE after the last attempt.
     */
    private Map<Long, Attempt> send(List<Long> ids, boolean fromIncident) {
        List<Row> rows = jdbc.sql("SELECT id, recipient, subject, body_text, body_html, attempts FROM mail_outbox "
                        + "WHERE id IN (:ids) ORDER BY id").param("ids", ids)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6))).list();
        Map<Long, Attempt> result = new LinkedHashMap<>();
        Map<MimeMessage, Row> built = new java.util.IdentityHashMap<>();
        List<MimeMessage> messages = new ArrayList<>();
        for (Row row : rows) {
            try {
                MimeMessage message = message(row);
                built.put(message, row);
                messages.add(message);
            } catch (AddressException e) {
                jdbc.sql("UPDATE mail_outbox SET status = 'FALLIDO', attempts = attempts + 1, last_error = ? WHERE id = ?")
                        .params(truncate("Dirección inválida: " + e.getMessage()), row.id()).update();
                log.warn("Correo {} descartado: dirección inválida", row.id()); // no address in logs (reporters' identity)
                result.put(row.id(), new Attempt(false, "la dirección del destinatario no es válida"));
            } catch (Exception e) {
                result.put(row.id(), failed(row, e, fromIncident));
            }
        }
        if (messages.isEmpty()) {
            return result;
        }
        Map<MimeMessage, Exception> failures = new java.util.IdentityHashMap<>();
        try {
            mail.send(messages.toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            if (e.getFailedMessages().isEmpty()) {
                messages.forEach(m -> failures.put(m, e)); // no message named: none counts as sent
            } else {
                e.getFailedMessages().forEach((message, cause) -> failures.put((MimeMessage) message,
                        // the connection failed: the batch's exception, as a single send reported it; else the
                        // message's own failure, as a single send of that message would have reported it
                        cause == e.getCause() ? e : new MailSendException(Map.of(message, cause))));
            }
        } catch (Exception e) {
            messages.forEach(m -> failures.put(m, e));
        }
        List<Long> sent = new ArrayList<>();
        for (MimeMessage message : messages) {
            Row row = built.get(message);
            Exception failure = failures.get(message);
            if (failure == null) {
                sent.add(row.id());
                result.put(row.id(), Attempt.SENT);
            } else {
                result.put(row.id(), failed(row, failure, fromIncident));
            }
        }
        if (!sent.isEmpty()) {
            jdbc.sql("UPDATE mail_outbox SET status = 'ENVIADO', attempts = attempts + 1, sent_at = :at, "
                    + "last_error = NULL WHERE id IN (:ids)").param("at", Timestamp.from(clock.instant()))
                    .param("ids", sent).update();
        }
        return result;
    }

    private MimeMessage message(Row row) throws jakarta.mail.MessagingException {
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
        return message;
    }

    /** One mail was not sent: back to PENDIENTE with back-off, or INCIDENTE after the last attempt. */
    private Attempt failed(Row row, Exception e, boolean fromIncident) {
        long id = row.id();
        int attempts = row.attempts() + 1;
        int code = smtpCode(e);
        Attempt failed = new Attempt(false, code > 0
                ? "rechazado por el servidor de correo (código " + code + ")"
                : "el servidor de correo no lo aceptó o no respondió");
        if (fromIncident) {
            jdbc.sql("UPDATE mail_outbox SET status = 'INCIDENTE', attempts = ?, last_error = ? WHERE id = ?")
                    .params(attempts, truncate(e.getMessage()), id).update();
            return failed;
        }
        if (attempts >= maxAttempts) {
            jdbc.sql("UPDATE mail_outbox SET status = 'INCIDENTE', attempts = ?, last_error = ? WHERE id = ?")
                    .params(attempts, truncate(e.getMessage()), id).update();
            log.warn("Correo {} no enviado tras {} intentos: incidente en Cockpit ({})", id, attempts, e.getMessage());
            openIncident(id);
            return failed;
        }
        Duration wait = backoff(attempts);
        jdbc.sql("UPDATE mail_outbox SET status = 'PENDIENTE', attempts = ?, last_error = ?, next_attempt_at = ? "
                        + "WHERE id = ?")
                .params(attempts, truncate(e.getMessage()), Timestamp.from(clock.instant().plus(wait)), id)
                .update();
        log.warn("Correo {} no enviado (intento {}), se reintenta en {}: {}", id, attempts, wait, e.getMessage());
        return failed;
    }

    /** The SMTP reply code behind a failed send (550 for a refused recipient), 0 when there was none. */
    static int smtpCode(Throwable failure) {
        java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>(List.of(failure));
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (t instanceof org.eclipse.angus.mail.smtp.SMTPSendFailedException f) {
                return f.getReturnCode();
            }
            if (t instanceof org.eclipse.angus.mail.smtp.SMTPSenderFailedException f) {
                return f.getReturnCode();
            }
            if (t instanceof org.springframework.mail.MailSendException m) {
                todo.addAll(m.getFailedMessages().values());
            }
            if (t instanceof jakarta.mail.MessagingException m && m.getNextException() != null) {
                todo.add(m.getNextException());
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
        }
        return 0;
    }

    /** Starts the mail-delivery process whose failing job is the incident staff see in Cockpit. */
    private void openIncident(long id) {
        String pid = runtime.startProcessInstanceByKey(DELIVERY_PROCESS, "correo-" + id,
                java.util.Map.of(MailDeliveryVariables.CORREO_ID, id)).getId();
        jdbc.sql("UPDATE mail_outbox SET incident_process_id = ? WHERE id = ?").params(pid, id).update();
    }

    /**
     * Sends one mail now, whatever its status (except already sent): the step of {@code mail-delivery}. Throws when
     * it cannot, which leaves the job failed and the incident open. A mail whose previous send was uncertain is
     * not sent on the process's first, automatic attempt: only when staff retry the incident.
     */
    public void deliver(long id) {
        String status = jdbc.sql("SELECT status FROM mail_outbox WHERE id = ?").param(id).query(String.class)
                .optional().orElseThrow(() -> new MailNotSent("No existe el correo " + id));
        if ("ENVIADO".equals(status)) {
            return;
        }
        if ("INCIERTO".equals(status)) {
            newTransaction.executeWithoutResult(t -> jdbc.sql(
                    "UPDATE mail_outbox SET status = 'INCIERTO_REVISAR' WHERE id = ? AND status = 'INCIERTO'")
                    .param(id).update());
            throw new MailNotSent("El correo " + id + " puede haberse enviado ya (el sistema se detuvo "
                    + "mientras lo enviaba). Verifique con el destinatario y reintente este incidente para enviarlo.");
        }
        Boolean claimed = newTransaction.execute(t -> jdbc.sql("UPDATE mail_outbox SET status = 'ENVIANDO', "
                + "next_attempt_at = ? WHERE id = ? AND status <> 'ENVIADO'")
                .params(Timestamp.from(clock.instant().plus(LEASE)), id).update() == 1);
        if (!Boolean.TRUE.equals(claimed)) {
            return;
        }
        Attempt attempt = newTransaction.execute(t -> send(List.of(id), true).get(id));
        if (attempt == null || !attempt.sent()) {
            // this message becomes the incident's, the job log's and the stored stack trace's (Cockpit, history):
            // the SMTP server's text names the recipient, so it stays in the outbox row only, and the exception
            // has no cause that would carry it
            throw new MailNotSent("Envío del correo N° " + id + " "
                    + (attempt == null ? "no realizado" : attempt.reason())
                    + "; detalle en la bandeja de salida (mail_outbox, id " + id + ")");
        }
    }

    /**
     * The SMTP server refused or could not be reached. Its message never carries an address and it never has a
     * cause: it reaches the engine (incident message, job log, stack trace in history).
     */
    public static class MailNotSent extends RuntimeException {
        public MailNotSent(String message) {
            super(message, null, false, true);
        }
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
