package pe.gob.regioncajamarca.participa.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.accreditation.AccreditationService;
import pe.gob.regioncajamarca.participa.accreditation.AgentApplication;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.ResultsFormalised;
import pe.gob.regioncajamarca.participa.monitoring.MonitoringService;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;
import pe.gob.regioncajamarca.participa.voting.VotingService;

/**
 * The mails against a real SMTP server (GreenMail): rendered in Spanish with a plain-text and an HTML part and a
 * link; staff get at most one digest an hour; optional notices respect the person's choice; and an outage is
 * survived: every mail arrives exactly once, the ones that outlast the retries through a Cockpit incident.
 */
class NotificationMailsIT extends ProcessTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired OutboxSender sender;
    @Autowired TaskDigests digests;
    @Autowired Notifications notifications;
    @Autowired AccreditationService accreditation;
    @Autowired VotingService voting;
    @Autowired MonitoringService monitoring;
    @Autowired org.springframework.context.ApplicationEventPublisher events;
    @LocalServerPort int port;

    @AfterEach
    void realClocks() {
        sender.useClock(pe.gob.regioncajamarca.participa.calendar.Now.clock());
        digests.useClock(pe.gob.regioncajamarca.participa.calendar.Now.clock());
    }

    private List<MimeMessage> to(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(recipient));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** The plain-text and the HTML part of a mail. */
    private static String[] parts(MimeMessage m) throws Exception {
        String text = null;
        String html = null;
        List<BodyPart> all = new ArrayList<>();
        collect((Multipart) m.getContent(), all);
        for (BodyPart p : all) {
            if (p.isMimeType("text/plain")) {
                text = p.getContent().toString();
            } else if (p.isMimeType("text/html")) {
                html = p.getContent().toString();
            }
        }
        return new String[] {text, html};
    }

    private static void collect(Multipart mp, List<BodyPart> out) throws Exception {
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart p = mp.getBodyPart(i);
            if (p.getContent() instanceof Multipart inner) {
                collect(inner, out);
            } else {
                out.add(p);
            }
        }
    }

    @Test
    void theAccreditationMailHasATextAndAnHtmlPartInSpanishWithTheLink() throws Exception {
        int year = sharedFormalisedCycle();
        String email = "acreditada" + unique() + "@example.pe";
        var r = accreditation.register(new AgentApplication(year, citizen(email), "976000111", "F",
                LocalDate.of(1990, 5, 4), "Superior universitaria", null, null, TEST_PROVINCE, TEST_DISTRICT));
        accreditation.accredit(r.id());
        sender.sendDue();
        List<MimeMessage> got = to(email);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).getSubject()).isEqualTo("Su acreditación como agente participante " + year);
        String[] p = parts(got.get(0));
        assertThat(p[0]).contains("Estimado(a) Rosa Huamán Cotrina", r.fileNumber(), "ha sido aprobada",
                "http://localhost:8080/mi-cuenta");
        assertThat(p[1]).contains("<strong>aprobada</strong>", "href=\"http://localhost:8080/mi-cuenta\"");
        assertThat(p[0] + p[1]).doesNotContain(r.documentNumber()).doesNotContain("Dejar de recibir");
    }

    @Test
    void staffGetOneDigestAnHourWithTheirGroupsNewAndEscalatedTasks() throws Exception {
        String group = "planning";
        int year = sharedFormalisedCycle();
        String ana = staffUser(group);
        String noMail = staffUser(group);
        engine.getIdentityService().saveUser(withoutEmail(noMail));
        Instant t0 = Instant.now();
        digests.useClock(Clock.fixed(t0, ZoneOffset.UTC));
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(reviewTask(year));
        }
        assertThat(digests.sendDigests()).isGreaterThanOrEqualTo(1);
        sender.sendDue();
        String anaMail = ana + "@example.pe";
        assertThat(to(anaMail)).hasSize(1);
        MimeMessage digest = to(anaMail).get(0);
        assertThat(digest.getSubject()).isEqualTo("5 tareas nuevas en Tasklist");
        String[] p = parts(digest);
        for (String id : created) {
            assertThat(p[1]).contains("/camunda/app/tasklist/default/#/?task=" + id);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM task_notice WHERE user_id = ?").param(noMail).query(Integer.class)
                .single()).isZero();

        // within the hour: noted, not mailed; after it, one more digest with what arrived meanwhile
        String later = reviewTask(year);
        digests.useClock(Clock.fixed(t0.plus(Duration.ofMinutes(30)), ZoneOffset.UTC));
        digests.sendDigests();
        sender.sendDue();
        assertThat(to(anaMail)).hasSize(1);
        digests.useClock(Clock.fixed(t0.plus(Duration.ofMinutes(61)), ZoneOffset.UTC));
        digests.sendDigests();
        sender.sendDue();
        assertThat(to(anaMail)).hasSize(2);
        assertThat(to(anaMail).get(1).getSubject()).startsWith("Nueva tarea en Tasklist: Revisar acreditación · INS-");
        assertThat(parts(to(anaMail).get(1))[0]).contains(later);
    }

    @Test
    void anEscalatedTaskReachesRegionalManagementInTheirDigest() throws Exception {
        String manager = staffUser("regional-management");
        int year = sharedFormalisedCycle();
        String email = "tarde" + unique() + "@example.pe";
        var r = accreditation.register(new AgentApplication(year, citizen(email), "976000111", "F",
                LocalDate.of(1990, 5, 4), "Superior universitaria", null, null, TEST_PROVINCE, TEST_DISTRICT));
        passDeadlineOf(taskOf(r.processInstanceId(), "Task_ReviewAccreditation"));
        digests.useClock(Clock.fixed(Instant.now().plus(Duration.ofDays(400)), ZoneOffset.UTC));
        digests.sendDigests();
        sender.sendDue();
        List<MimeMessage> got = to(manager + "@example.pe");
        assertThat(got).isNotEmpty();
        assertThat(got.get(got.size() - 1).getSubject()).startsWith("Tareas escaladas en Tasklist");
        assertThat(parts(got.get(got.size() - 1))[0]).contains("Revisar acreditación · ").contains("(ESCALADA: plazo vencido)");
    }

    @Test
    void votersHearOfTheirProjectsUnlessTheyTurnedOptionalNoticesOff() throws Exception {
        int year = freeYear();
        openCycle(year, 3);
        cycleService.changePhase(year, CyclePhase.VOTACION, null);
        jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, technical_score, "
                + "prioritized, reason, execution_status) VALUES (?, '6101', 'Canal Yanacancha', 'CHOTA', 100000, "
                + "'Riego', ?, 80, TRUE, 'Financiado', 'NO_INICIADO')").params(year, TEST_UNIT).update();
        long project = jdbc.sql("SELECT id FROM project WHERE cycle_year = ? AND cui = '6101'").param(year)
                .query(Long.class).single();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long reg = agentOf(year, "ACREDITADO", null);
            voting.cast(year, jdbc.sql("SELECT document_number FROM agent_registration WHERE id = ?").param(reg)
                    .query(String.class).single(), project);
            emails.add(jdbc.sql("SELECT c.email FROM agent_registration r JOIN citizen_account c ON c.id = r.citizen_id "
                    + "WHERE r.id = ?").param(reg).query(String.class).single());
        }
        // the second agent turns optional notices off through the signed link (a wrong signature changes nothing)
        Http http = new Http(port);
        String off = emails.get(1);
        assertThat(http.get("/avisos?correo=" + off + "&firma=falsa").statusCode()).isEqualTo(404);
        String page = "/avisos?correo=" + off + "&firma=" + notifications.signature(off);
        assertThat(http.get(page).body()).contains("recibe avisos opcionales");
        http.submit(page, "/avisos", Map.of("correo", off, "firma", notifications.signature(off), "desactivar", "true"));
        assertThat(notifications.optionalOff(off)).isTrue();

        events.publishEvent(new ResultsFormalised(year));
        sender.sendDue();
        List<MimeMessage> got = to(emails.get(0));
        assertThat(got).hasSize(1);
        String[] p = parts(got.get(0));
        assertThat(p[0]).contains("Canal Yanacancha (CUI 6101): priorizado", "/resultados/" + year,
                "/avisos?correo=");
        assertThat(p[1]).contains("Dejar de recibir avisos opcionales");
        assertThat(to(off)).isEmpty();

        // a unit reports the project in execution: the voter hears of it
        String quarter = (2200 + year % 100) + "-Q1";
        jdbc.sql("INSERT INTO monitoring_round (quarter, status, process_instance_id, opened_at) VALUES (?, 'ABIERTA', "
                + "'x', CURRENT_TIMESTAMP)").param(quarter).update();
        jdbc.sql("INSERT INTO monitoring_report (quarter, project_id, unit_group, status) VALUES (?, ?, ?, 'PENDIENTE')")
                .params(quarter, project, TEST_UNIT_GROUP).update();
        long report = jdbc.sql("SELECT id FROM monitoring_report WHERE project_id = ?").param(project)
                .query(Long.class).single();
        monitoring.recordProgress(report, new BigDecimal("12"), new pe.gob.regioncajamarca.participa.monitoring
                .MonitoringService.Money(new BigDecimal("10000"), new BigDecimal("10000"), new BigDecimal("100000"),
                new BigDecimal("1000000")), "EN_EJECUCION", null, "unidad");
        sender.sendDue();
        assertThat(to(emails.get(0))).hasSize(2);
        assertThat(to(emails.get(0)).get(1).getSubject()).isEqualTo("El proyecto Canal Yanacancha está en ejecución");
        assertThat(to(off)).isEmpty();
    }

    @Autowired pe.gob.regioncajamarca.participa.complaints.ComplaintService complaints;
    @Autowired pe.gob.regioncajamarca.participa.accreditation.PasswordReset passwordReset;
    @Autowired pe.gob.regioncajamarca.participa.monitoring.MonitoringRounds rounds;

    /** Through the real SMTP server: a complaint's receipt, a password link, a round's alerts and its report. */
    @Test
    void complaintsPasswordLinksAndMonitoringMailsArriveWithTextAndHtml() throws Exception {
        String citizenMail = "vecina" + unique() + "@example.pe";
        long citizenId = citizen(citizenMail);
        String code = complaints.submit(new pe.gob.regioncajamarca.participa.complaints.ComplaintService.Submission(
                "CONSULTA", "Talleres de votación en Chota", "¿Cuándo y dónde serán los talleres de votación en Chota?",
                null, false, "Rosa Huamán", null, citizenMail, null), null);
        passwordReset.request(jdbc.sql("SELECT document_number FROM citizen_account WHERE id = ?").param(citizenId)
                .query(String.class).single());

        String member = staffUser("oversight-committee");
        int year = sharedFormalisedCycle();
        jdbc.sql("""
                INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, prioritized,
                                     execution_status, monitored_since)
                VALUES (?, ?, 'Trocha carrozable Sorochuco', 'CAJAMARCA', 700000, 'Transporte', ?, TRUE, 'EN_EJECUCION',
                        CURRENT_DATE)""").params(year, String.valueOf(7400000 + unique() % 10000), TEST_UNIT).update();
        String quarter = "2095-Q" + (1 + unique() % 4);
        String pid = rounds.startByHand(quarter);
        executeDueJobs(pid);
        clockAt(new java.util.Date(((java.util.Date) runtime.getVariable(pid, "fechaCierreReportes")).getTime() + 60_000));
        executeDueJobs(pid); // the reporting closes: nothing was reported, every project raises NO_REPORTADO
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete(taskOf(pid, "Task_ConsolidateReport"),
                org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables("conclusiones",
                        "Ninguna unidad reportó a tiempo."));
        executeDueJobs(pid);
        sender.sendDue();

        List<MimeMessage> citizenGot = to(citizenMail);
        assertThat(citizenGot).extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder("Recibimos su consulta " + code, "Restablecer su contraseña");
        for (MimeMessage m : citizenGot) {
            String[] p = parts(m);
            assertThat(p[0]).isNotBlank();
            assertThat(p[1]).contains("<a ");
        }
        List<MimeMessage> committeeGot = to(member + "@example.pe");
        assertThat(committeeGot).extracting(MimeMessage::getSubject).anySatisfy(s -> assertThat(s)
                .startsWith("Alertas de seguimiento " + quarter)).contains("Informe de seguimiento " + quarter);
        for (MimeMessage m : committeeGot) {
            String[] p = parts(m);
            assertThat(p[0]).contains("http://localhost:8080/seguimiento/" + quarter);
            assertThat(p[1]).contains("href=\"http://localhost:8080/seguimiento/" + quarter);
        }
    }

    @Test
    void anOutageDelaysMailButEveryMailArrivesOnceAndTheLongOnesBecomeAResolvableIncident() throws Exception {
        String early = "temprano" + unique() + "@example.pe";
        String late = "tarde" + unique() + "@example.pe";
        smtp.stop();
        notifications.send("outage:" + early, early, "Aviso temprano", "idea-respondida",
                Map.of("title", "Posta", "code", "IDEA-1", "outcome", "viable", "answer", "Se incorpora."));
        Instant t0 = Instant.now().plusSeconds(1);
        // the SMTP server stays down through every retry of the early mail (1+2+4+...+60 minutes)
        Instant t = t0;
        for (int attempt = 1; attempt <= 8; attempt++) {
            sender.useClock(Clock.fixed(t, ZoneOffset.UTC));
            sender.sendDue();
            t = t.plus(OutboxSender.backoff(attempt)).plusSeconds(1);
        }
        long id = jdbc.sql("SELECT id FROM mail_outbox WHERE recipient = ?").param(early).query(Long.class).single();
        assertThat(jdbc.sql("SELECT status FROM mail_outbox WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("INCIDENTE");
        String pid = jdbc.sql("SELECT incident_process_id FROM mail_outbox WHERE id = ?").param(id)
                .query(String.class).single();
        failingJobsOf(pid); // the delivery job tries once more, fails: the incident is in Cockpit
        Incident incident = runtime.createIncidentQuery().processInstanceId(pid).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getIncidentMessage()).startsWith("Envío del correo N° " + id + " ").doesNotContain(early);
        // a mail queued late in the outage is still within its retries
        notifications.send("outage:" + late, late, "Aviso tardío", "idea-respondida",
                Map.of("title", "Aula", "code", "IDEA-2", "outcome", "viable", "answer", "Se incorpora."));
        sender.useClock(Clock.fixed(t, ZoneOffset.UTC));
        sender.sendDue();
        assertThat(to(late)).isEmpty();

        smtp.start();
        sender.useClock(Clock.fixed(t.plus(Duration.ofMinutes(2)), ZoneOffset.UTC));
        sender.sendDue();
        assertThat(to(late)).hasSize(1);
        assertThat(to(early)).isEmpty(); // the incident's mail is not sent behind the staff's back
        // staff retry the incident in Cockpit (what its "retry" button does): the mail goes, the incident closes
        Job job = management.createJobQuery().processInstanceId(pid).singleResult();
        management.setJobRetries(job.getId(), 1);
        management.executeJob(job.getId());
        assertThat(to(early)).hasSize(1);
        assertThat(runtime.createIncidentQuery().processInstanceId(pid).count()).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
        // and nothing more is sent later
        sender.useClock(Clock.fixed(t.plus(Duration.ofHours(5)), ZoneOffset.UTC));
        sender.sendDue();
        assertThat(to(early)).hasSize(1);
        assertThat(to(late)).hasSize(1);
    }

    @Test
    void aMailWhoseSendingWasInterruptedIsNeverResentBehindTheStaffsBack() throws Exception {
        String rcpt = "incierto" + unique() + "@example.pe";
        notifications.send("uncertain:" + rcpt, rcpt, "Aviso", "idea-respondida",
                Map.of("title", "Puente", "code", "IDEA-3", "outcome", "viable", "answer", "Se incorpora."));
        // a node claimed it and died before recording the result (the lease ran out)
        Instant past = Instant.now().minus(Duration.ofMinutes(10));
        jdbc.sql("UPDATE mail_outbox SET status = 'ENVIANDO', next_attempt_at = ? WHERE recipient = ?")
                .params(java.sql.Timestamp.from(past), rcpt).update();
        sender.sendDue();
        assertThat(to(rcpt)).isEmpty();
        String pid = jdbc.sql("SELECT incident_process_id FROM mail_outbox WHERE recipient = ?").param(rcpt)
                .query(String.class).single();
        failingJobsOf(pid); // the first, automatic attempt does not send: it asks staff to check
        assertThat(to(rcpt)).isEmpty();
        Incident incident = runtime.createIncidentQuery().processInstanceId(pid).singleResult();
        assertThat(incident.getIncidentMessage()).contains("puede haberse enviado ya");
        Job job = management.createJobQuery().processInstanceId(pid).singleResult();
        management.setJobRetries(job.getId(), 1);
        management.executeJob(job.getId());
        assertThat(to(rcpt)).hasSize(1);
    }

    /** Runs a process's jobs, which are expected to fail (the incident is what the test looks at). */
    private void failingJobsOf(String pid) {
        for (Job job : management.createJobQuery().processInstanceId(pid).list()) {
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException expected) {
                // the job failed: its retries and the incident are in the engine
            }
        }
    }

    /** A registration to review: a task of agent-accreditation for the planning office; returns its id. */
    private String reviewTask(int year) {
        var r = accreditation.register(new AgentApplication(year, citizen("revisar" + unique() + "@example.pe"),
                "976000111", "F", LocalDate.of(1990, 5, 4), "Superior universitaria", null, null, TEST_PROVINCE,
                TEST_DISTRICT));
        return taskOf(r.processInstanceId(), "Task_ReviewAccreditation").getId();
    }

    private org.camunda.bpm.engine.identity.User withoutEmail(String id) {
        var u = engine.getIdentityService().createUserQuery().userId(id).singleResult();
        u.setEmail(null);
        return u;
    }
}
