package pe.gob.regioncajamarca.participa.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.MimeMessageHelper;

/** The demo's mail page shows what a person reads, not the quoted-printable MIME body. */
class DemoMailSinkTest {

    static MimeMessage received(String text, String html) throws Exception {
        MimeMessage m = new MimeMessage((Session) null);
        MimeMessageHelper helper = new MimeMessageHelper(m, html != null, "UTF-8");
        helper.setTo("vecina@example.pe");
        helper.setSubject("Cambio de contraseña");
        if (html != null) {
            helper.setText(text, html);
        } else {
            helper.setText(text);
        }
        m.saveChanges();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        m.writeTo(raw);
        return new MimeMessage(null, new ByteArrayInputStream(raw.toByteArray()));
    }

    @Test
    void multipartMailsShowTheirTextPartDecoded() throws Exception {
        MimeMessage m = received("Su contraseña: ábralo aquí, señora Muñoz", "<p>Su <b>contraseña</b></p>");
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        m.writeTo(raw);
        assertThat(raw.toString()).contains("=C3=B1"); // on the wire it is quoted-printable
        assertThat(DemoMailSink.readableText(m)).isEqualTo("Su contraseña: ábralo aquí, señora Muñoz");
    }

    @Test
    void plainMailsAreDecodedToo() throws Exception {
        assertThat(DemoMailSink.readableText(received("Inscripción recibida, año 2026", null)))
                .isEqualTo("Inscripción recibida, año 2026");
    }
}
