package pe.gob.regioncajamarca.participa.demo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import java.io.IOException;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Profile demo: an embedded SMTP server (GreenMail) that receives every mail the application sends, so that a
 * newcomer sees them at /demo/correos (staff only: they carry citizens' password links) without installing a mail
 * server. It accepts any recipient.
 */
@Component
@Profile("demo")
class DemoMailSink implements DisposableBean {

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
            return new ReceivedMail(to, m.getSubject(), m.getSentDate(), readableText(m));
        } catch (Exception e) {
            return new ReceivedMail("?", "(correo ilegible: " + e.getMessage() + ")", null, "");
        }
    }

    /**
     * The mail's text as a person reads it: the text/plain part (else the HTML part), decoded by Jakarta Mail from
     * quoted-printable or base64 in its charset (UTF-8), never the raw MIME body with {@code =C3=A1} sequences.
     */
    static String readableText(Part message) throws MessagingException, IOException {
        String plain = firstPart(message, "text/plain");
        if (plain != null) {
            return plain;
        }
        String html = firstPart(message, "text/html");
        return html != null ? html : "";
    }

    private static String firstPart(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            Object content = part.getContent();
            return content instanceof String s ? s : null;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = firstPart(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Override
    public void destroy() {
        server.stop();
    }
}
