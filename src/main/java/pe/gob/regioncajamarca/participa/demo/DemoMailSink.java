package pe.gob.regioncajamarca.participa.demo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Profile demo: an embedded SMTP server (GreenMail) that receives every mail the application sends, so that a
 * newcomer sees them at /demo/correos without installing a mail server. It accepts any recipient.
 */
@Component
@Profile("demo")
public class DemoMailSink implements DisposableBean {

    private final GreenMail server;

    public DemoMailSink(@Value("${participa.demo.mail-sink.port:3025}") int port) {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    public record ReceivedMail(String to, String subject, java.util.Date date, String body) {
    }

    /** Mails received since start, newest first. */
    public List<ReceivedMail> received() {
        return Arrays.stream(server.getReceivedMessages()).map(DemoMailSink::toMail)
                .sorted(Comparator.comparing(ReceivedMail::date, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    private static ReceivedMail toMail(MimeMessage m) {
        try {
            String to = Arrays.stream(m.getAllRecipients()).map(Object::toString).reduce((a, b) -> a + ", " + b)
                    .orElse("");
            Object content = m.getContent();
            String body = content instanceof String s ? s : GreenMailUtil.getBody(m);
            return new ReceivedMail(to, m.getSubject(), m.getSentDate(), body);
        } catch (Exception e) {
            return new ReceivedMail("?", "(correo ilegible: " + e.getMessage() + ")", null, "");
        }
    }

    @Override
    public void destroy() {
        server.stop();
    }
}
