package pe.gob.regioncajamarca.participa.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import pe.gob.regioncajamarca.participa.testsupport.ParticipaIntegrationTest;

/**
 * The outbox sends its due mails in batches over one SMTP connection: a recipient the server refuses (550) does not
 * hold back the others of its batch, and only the refused mail is tried again, after its back-off.
 */
@ParticipaIntegrationTest
class OutboxBatchIT {

    @Autowired Notifications notifications;
    @Autowired OutboxSender sender;
    @Autowired JdbcClient jdbc;
    @Value("${spring.mail.port}") int smtpPort;

    @AfterEach
    void realClock() {
        sender.useClock(pe.gob.regioncajamarca.participa.calendar.Now.clock());
    }

    private String status(String recipient) {
        return jdbc.sql("SELECT status FROM mail_outbox WHERE recipient = ?").param(recipient).query(String.class)
                .single();
    }

    @Test
    void aRefusedRecipientDoesNotHoldBackTheOthersOfItsBatchAndOnlyItIsRetried() throws Exception {
        long unique = System.nanoTime();
        List<String> good = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            good.add("lote" + i + "-" + unique + "@example.pe");
        }
        String refused = "rechazada-" + unique + "@example.pe";
        AtomicInteger refusing = new AtomicInteger(1);
        try (SelectiveSmtpServer smtp = new SelectiveSmtpServer(smtpPort,
                rcpt -> refusing.get() == 1 && rcpt.contains("rechazada-" + unique))) {
            notifications.enqueue("lote:" + good.get(0), good.get(0), "Aviso 1", "Texto 1", null);
            notifications.enqueue("lote:" + refused, refused, "Aviso 2", "Texto 2", null);
            notifications.enqueue("lote:" + good.get(1), good.get(1), "Aviso 3", "Texto 3", null);
            notifications.enqueue("lote:" + good.get(2), good.get(2), "Aviso 4", "Texto 4", "<p>Texto 4</p>");
            Instant now = Instant.now().plusSeconds(1);
            sender.useClock(Clock.fixed(now, ZoneOffset.UTC));
            sender.sendDue();

            for (String rcpt : good) {
                assertThat(smtp.delivered(rcpt)).as(rcpt).hasSize(1);
                assertThat(status(rcpt)).isEqualTo("ENVIADO");
            }
            assertThat(smtp.refused).contains("<" + refused + ">");
            assertThat(smtp.delivered(refused)).isEmpty();
            // the four mails went over one connection (one SMTP conversation for the batch)
            assertThat(good.stream().map(r -> smtp.delivered(r).get(0)).distinct()).hasSize(1);
            var row = jdbc.sql("SELECT status, attempts, last_error, next_attempt_at FROM mail_outbox "
                    + "WHERE recipient = ?").param(refused).query((rs, i) -> new Object[] {rs.getString(1),
                    rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant()}).single();
            assertThat(row[0]).isEqualTo("PENDIENTE");
            assertThat(row[1]).isEqualTo(1);
            assertThat((String) row[2]).contains("550");
            assertThat((Instant) row[3]).isAfter(now.plusSeconds(59));

            // the server accepts it now; after the back-off only the refused mail is sent again
            refusing.set(0);
            sender.useClock(Clock.fixed(now.plus(Duration.ofMinutes(2)), ZoneOffset.UTC));
            sender.sendDue();
            assertThat(smtp.delivered(refused)).hasSize(1);
            assertThat(status(refused)).isEqualTo("ENVIADO");
            for (String rcpt : good) {
                assertThat(smtp.delivered(rcpt)).as(rcpt + " is not sent twice").hasSize(1);
            }
            assertThat(jdbc.sql("SELECT attempts FROM mail_outbox WHERE recipient = ?").param(refused)
                    .query(Integer.class).single()).isEqualTo(2);
        }
    }

    /**
     * Senders on several nodes share the outbox: their batches overlap, each skips what another is claiming (it
     * waited for those rows before, and two such waits deadlocked on PostgreSQL), and every mail goes out once.
     */
    @Test
    void sendersWorkingAtOnceSendEachMailOnceAndNoneFails() throws Exception {
        long unique = System.nanoTime();
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            recipients.add("varios" + i + "-" + unique + "@example.pe");
        }
        try (SelectiveSmtpServer smtp = new SelectiveSmtpServer(smtpPort, rcpt -> false)) {
            for (String r : recipients) {
                notifications.enqueue("varios:" + r, r, "Aviso", "Texto", null);
            }
            sender.useClock(Clock.fixed(Instant.now().plusSeconds(1), ZoneOffset.UTC));
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<Integer>> senders = new ArrayList<>();
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(4);
            for (int k = 0; k < 4; k++) {
                senders.add(pool.submit(() -> {
                    together.await();
                    return sender.sendDue();
                }));
            }
            int sent = 0;
            for (var f : senders) {
                sent += f.get(); // a sender that failed (a deadlock) throws here
            }
            pool.shutdown();
            for (String r : recipients) {
                assertThat(smtp.delivered(r)).as(r).hasSize(1);
                assertThat(status(r)).isEqualTo("ENVIADO");
            }
            assertThat(sent).isGreaterThanOrEqualTo(recipients.size());
        }
    }
}
