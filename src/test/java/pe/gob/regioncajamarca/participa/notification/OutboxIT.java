package pe.gob.regioncajamarca.participa.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pe.gob.regioncajamarca.participa.testsupport.ParticipaIntegrationTest;

/** The outbox against a real SMTP server (GreenMail): sent once, kept while the server is down, never dropped. */
@ParticipaIntegrationTest
class OutboxIT {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP); // port 3025 = spring.mail.port

    @Autowired Notifications notifications;
    @Autowired OutboxSender sender;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void realClock() {
        sender.useClock(pe.gob.regioncajamarca.participa.calendar.Now.clock());
    }

    private MimeMessage[] to(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(recipient));
            } catch (Exception e) {
                return false;
            }
        }).toArray(MimeMessage[]::new);
    }

    private String status(String recipient) {
        return jdbc.sql("SELECT status FROM mail_outbox WHERE recipient = ?").param(recipient).query(String.class)
                .single();
    }

    @Test
    void aQueuedMailIsDeliveredOnceInSpanishUtf8() throws Exception {
        String rcpt = "entrega" + System.nanoTime() + "@example.pe";
        assertThat(notifications.enqueue("t:" + rcpt, rcpt, "Acreditación aprobada — año 2026", "Señora Núñez: ¡listo!",
                null)).isTrue();
        assertThat(notifications.enqueue("t:" + rcpt, rcpt, "otra vez", "otra vez", null)).isFalse();
        sender.sendDue();
        sender.sendDue();
        MimeMessage[] got = to(rcpt);
        assertThat(got).hasSize(1);
        assertThat(got[0].getSubject()).isEqualTo("Acreditación aprobada — año 2026");
        assertThat(got[0].getContent().toString()).contains("Señora Núñez: ¡listo!");
        assertThat(status(rcpt)).isEqualTo("ENVIADO");
    }

    @Test
    void whileTheServerIsDownTheMailWaitsAndIsSentWhenItIsBack() {
        String rcpt = "espera" + System.nanoTime() + "@example.pe";
        smtp.stop();
        notifications.enqueue("t:" + rcpt, rcpt, "Resultado", "Texto", null);
        Instant now = Instant.now();
        sender.useClock(Clock.fixed(now, ZoneOffset.UTC));
        sender.sendDue();
        assertThat(status(rcpt)).isEqualTo("PENDIENTE");
        var row = jdbc.sql("SELECT attempts, next_attempt_at, last_error FROM mail_outbox WHERE recipient = ?")
                .param(rcpt).query((rs, i) -> new Object[] {rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        rs.getString(3)}).single();
        assertThat(row[0]).isEqualTo(1);
        assertThat((Instant) row[1]).isAfter(now.plusSeconds(59));
        assertThat(row[2]).isNotNull();

        smtp.start();
        sender.sendDue(); // not due yet: nothing happens
        assertThat(to(rcpt)).isEmpty();
        sender.useClock(Clock.fixed(now.plus(Duration.ofMinutes(2)), ZoneOffset.UTC));
        sender.sendDue();
        assertThat(to(rcpt)).hasSize(1);
        assertThat(status(rcpt)).isEqualTo("ENVIADO");
    }

    @Test
    void anAddressThatCanNeverBeDeliveredFailsWithItsReason() {
        String bad = "no es un correo " + System.nanoTime();
        notifications.enqueue("t:" + bad, bad, "x", "x", null);
        sender.sendDue();
        assertThat(status(bad)).isEqualTo("FALLIDO");
    }

    @Test
    void backOffDoublesUpToAnHour() {
        assertThat(OutboxSender.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxSender.backoff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(OutboxSender.backoff(12)).isEqualTo(Duration.ofHours(1));
    }
}
