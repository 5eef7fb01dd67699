package pe.gob.regioncajamarca.participa.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.ServiceLoader;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;

import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.MimeMessageHelper;

class MailStreamsTest {

    @Test
    void theProviderThatTheLibraryFindsIsNamedAndMailsAreStillWritten() throws Exception {
        assertThat(MailStreams.pinProvider()).isTrue(); // the tests' class path is flat
        String found = ServiceLoader.load(StreamProvider.class).findFirst().orElseThrow().getClass().getName();
        assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo(found);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(found);

        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setTo("vecina@example.pe");
        helper.setFrom("participa@example.pe");
        helper.setSubject("Su solicitud fue respondida: año, niño");
        helper.setText("Texto con tildes: información", "<p>Texto con tildes: información</p>");
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        String raw = out.toString(StandardCharsets.US_ASCII);
        assertThat(raw).contains("multipart/alternative").contains("Subject: =?UTF-8?");
        MimeMessage read = new MimeMessage(Session.getInstance(new Properties()),
                new java.io.ByteArrayInputStream(out.toByteArray()));
        assertThat(read.getSubject()).isEqualTo("Su solicitud fue respondida: año, niño");
    }
}
