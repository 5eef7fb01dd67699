package pe.gob.regioncajamarca.participa.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * A recipient's mail server refuses the mail («550 5.1.1 &lt;address&gt;: Recipient address rejected», as real servers
 * answer, naming the address): after the retries the mail is an incident of {@code mail-delivery}, which planning
 * reads in Cockpit. Neither the incident, nor the job log's exception message, nor the stack trace stored in the
 * engine's history names the recipient (the full SMTP text stays in the outbox row); the application's log shows the
 * address masked, in messages and in stack traces.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailIncidentPrivacyIT extends ProcessTest {

    @Autowired Notifications notifications;
    @Autowired OutboxSender sender;
    @LocalServerPort int port;
    @Value("${spring.mail.port}") int smtpPort;

    @AfterEach
    void realClock() {
        sender.useClock(pe.gob.regioncajamarca.participa.calendar.Now.clock());
    }

    @Test
    void aRefusedRecipientsAddressReachesNeitherCockpitNorTheHistoryNorTheLogsInTheClear(CapturedOutput output)
            throws Exception {
        String local = "rechazada" + unique();
        String rcpt = local + "@example.pe";
        long id;
        String pid;
        // a server that refuses every recipient with the answer of a real one (Postfix), which names the address
        try (SelectiveSmtpServer smtp = new SelectiveSmtpServer(smtpPort, recipient -> true)) {
            notifications.enqueue("rechazo:" + rcpt, rcpt, "Aviso", "Texto del aviso", null);
            Instant t = Instant.now().plusSeconds(1);
            for (int attempt = 1; attempt <= 8; attempt++) {
                sender.useClock(Clock.fixed(t, ZoneOffset.UTC));
                sender.sendDue();
                t = t.plus(OutboxSender.backoff(attempt)).plusSeconds(1);
            }
            id = jdbc.sql("SELECT id FROM mail_outbox WHERE recipient = ?").param(rcpt).query(Long.class).single();
            pid = jdbc.sql("SELECT incident_process_id FROM mail_outbox WHERE id = ?").param(id)
                    .query(String.class).single();
            assertThat(pid).as("the mail became an incident of mail-delivery").isNotNull();
            // the delivery job tries again (and again, as staff would retry it) and fails: an incident
            for (int i = 0; i < 3 && runtime.createIncidentQuery().processInstanceId(pid).count() == 0; i++) {
                for (Job job : management.createJobQuery().processInstanceId(pid).list()) {
                    try {
                        management.executeJob(job.getId());
                    } catch (RuntimeException expected) {
                        // the job failed: its retries, log and incident are in the engine
                    }
                }
            }
            assertThat(smtp.refused).as("the server refused the recipient").contains("<" + rcpt + ">");
        }
        // the outbox keeps the whole SMTP answer for whoever resolves it
        assertThat(jdbc.sql("SELECT last_error FROM mail_outbox WHERE id = ?").param(id).query(String.class).single())
                .contains("550");

        String planner = staffUser("planning");
        Http http = new Http(port);
        ObjectMapper json = new ObjectMapper();
        String incidents = http.get("/engine-rest/incident?processInstanceId=" + pid, planner, "secreto-" + planner)
                .body();
        JsonNode incidentList = json.readTree(incidents);
        assertThat(incidentList).as(incidents).hasSize(1);
        assertThat(incidentList.get(0).get("incidentMessage").asText())
                .isEqualTo("Envío del correo N° " + id + " rechazado por el servidor de correo (código 550); "
                        + "detalle en la bandeja de salida (mail_outbox, id " + id + ")");
        assertThat(incidents).doesNotContain(local).doesNotContain("@example.pe");

        String jobLog = http.get("/engine-rest/history/job-log?processInstanceId=" + pid + "&failureLog=true",
                planner, "secreto-" + planner).body();
        JsonNode failures = json.readTree(jobLog);
        assertThat(failures).as(jobLog).isNotEmpty();
        assertThat(jobLog).contains("\"jobExceptionMessage\":\"Envío del correo N° " + id + " rechazado")
                .doesNotContain(local).doesNotContain("@example.pe");
        for (JsonNode failure : failures) {
            var trace = http.get("/engine-rest/history/job-log/" + failure.get("id").asText() + "/stacktrace",
                    planner, "secreto-" + planner);
            assertThat(trace.statusCode()).isEqualTo(200);
            assertThat(trace.body()).contains("MailNotSent").doesNotContain(local).doesNotContain("@example.pe")
                    .doesNotContain("Caused by");
        }
        for (Job job : management.createJobQuery().processInstanceId(pid).list()) {
            String runtimeTrace = http.get("/engine-rest/job/" + job.getId() + "/stacktrace", planner,
                    "secreto-" + planner).body();
            assertThat(runtimeTrace).doesNotContain(local);
        }
        // nothing in the engine's tables at all: incidents, job logs, stack traces (ACT_GE_BYTEARRAY)
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_RU_INCIDENT WHERE INCIDENT_MSG_ LIKE ?").param("%" + local + "%")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_EXCEPTION_MSG_ LIKE ?")
                .param("%" + local + "%").query(Integer.class).single()).isZero();
        List<byte[]> traces = jdbc.sql("SELECT b.BYTES_ FROM ACT_GE_BYTEARRAY b JOIN ACT_HI_JOB_LOG l "
                + "ON l.JOB_EXCEPTION_STACK_ID_ = b.ID_ WHERE l.PROCESS_INSTANCE_ID_ = ?").param(pid)
                .query((rs, i) -> rs.getBytes(1)).list();
        assertThat(traces).isNotEmpty();
        traces.forEach(b -> assertThat(new String(b, StandardCharsets.UTF_8)).doesNotContain(local));

        // the log: the sender's warnings and any stack trace carry the address masked (%mask, %maskEx)
        org.slf4j.LoggerFactory.getLogger(MailIncidentPrivacyIT.class).warn("marca-{}",
                local, new IllegalStateException("550 5.1.1 <" + rcpt + ">: Recipient address rejected",
                        new RuntimeException("causa con " + rcpt + " y DNI 40012345")));
        String logged = output.getAll();
        assertThat(logged).contains("marca-").contains("Recipient address rejected").contains("***@example.pe")
                .contains("DNI ********");
        assertThat(logged).doesNotContain(rcpt).doesNotContain(local + "@").doesNotContain("40012345");
    }
}
