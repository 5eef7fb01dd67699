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
    private final pe.gob.regioncajamarca.participa.notification.Notifications notifications;

    DemoMailController(DemoMailSink sink, pe.gob.regioncajamarca.participa.notification.Notifications notifications) {
        this.sink = sink;
        this.notifications = notifications;
    }

    record QueuedMail(String recipient, String subject, String status, int attempts, java.sql.Timestamp createdAt,
                      java.sql.Timestamp sentAt, String lastError) {
    }

    @GetMapping("/demo/correos")
    String mails(Model model) {
        model.addAttribute("mails", sink.received());
        model.addAttribute("queue", notifications.outbox().stream()
                .map(q -> new QueuedMail(q.recipient(), q.subject(), q.status(), q.attempts(),
                        q.createdAt() == null ? null : java.sql.Timestamp.from(q.createdAt()),
                        q.sentAt() == null ? null : java.sql.Timestamp.from(q.sentAt()), q.lastError()))
                .toList());
        return "demo/correos";
    }
}
