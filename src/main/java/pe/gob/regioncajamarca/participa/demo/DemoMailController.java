package pe.gob.regioncajamarca.participa.demo;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Profile demo: the mails the embedded sink received (http://localhost:8080/demo/correos). */
@Controller
@Profile("demo")
class DemoMailController {

    private final DemoMailSink sink;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    DemoMailController(DemoMailSink sink, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.sink = sink;
        this.jdbc = jdbc;
    }

    record QueuedMail(String recipient, String subject, String status, int attempts, java.sql.Timestamp createdAt,
                      java.sql.Timestamp sentAt, String lastError) {
    }

    @GetMapping("/demo/correos")
    String mails(Model model) {
        model.addAttribute("mails", sink.received());
        model.addAttribute("queue", jdbc.sql("SELECT recipient, subject, status, attempts, created_at, sent_at, "
                        + "last_error FROM mail_outbox ORDER BY id DESC")
                .query((rs, i) -> new QueuedMail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getTimestamp(5), rs.getTimestamp(6), rs.getString(7)))
                .list());
        return "demo/correos";
    }
}
