package pe.gob.regioncajamarca.participa.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.Journey;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;
import pe.gob.regioncajamarca.participa.testsupport.Tasklist;
import pe.gob.regioncajamarca.participa.testsupport.WebDriver;

/**
 * Issue 19: a citizen's request through Tasklist's own screens, in a real Chromium, as the staff do it. The
 * planning office classifies a complaint and routes it to a unit; a person of that unit answers it; the answer is
 * stored, mailed to the citizen and public on /reclamos/{code}. The integrity office handles a report of
 * wrongdoing: the outcome is stored and the reporter gets the answer by mail.
 */
class ComplaintJourneysBrowserIT extends ProcessTest {

    @LocalServerPort int port;
    @Autowired ComplaintService complaints;
    @Autowired pe.gob.regioncajamarca.participa.notification.OutboxSender sender;

    @org.junit.jupiter.api.extension.RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension smtp = new com.icegreen.greenmail.junit5.GreenMailExtension(
            com.icegreen.greenmail.util.ServerSetupTest.SMTP);

    private String submit(String kind, String email) {
        return complaints.submit(new ComplaintService.Submission(kind, "Obra paralizada en Llacanora",
                "La obra del colegio está paralizada desde hace dos meses y no hay residente.", "2324969", false,
                "Julia Chávez Cerna", "41234567", email, "976123456"), null);
    }

    private Map<String, Object> row(String code) {
        return jdbc.sql("SELECT status, responsible_group, answer, outcome FROM complaint WHERE tracking_code = ?")
                .param(code).query().singleRow();
    }

    private static Object col(Map<String, Object> row, String name) {
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private boolean gone(String taskId) {
        return tasks.createTaskQuery().taskId(taskId).count() == 0;
    }

    @Test
    @Journey(process = "complaint-handling", task = "Task_Triage")
    @Journey(process = "complaint-handling", task = "Task_Answer")
    void thePlanningOfficeRoutesAComplaintAndTheUnitAnswersItThroughTasklist() throws Exception {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        String email = "julia" + unique() + "@example.pe";
        String code = submit("RECLAMO", email);
        String pid = jdbc.sql("SELECT process_instance_id FROM complaint WHERE tracking_code = ?").param(code)
                .query(String.class).single();

        // the planning office classifies it and routes it to the regional health directorate
        String planner = staffUser("planning");
        Task triage = taskOf(pid, "Task_Triage");
        try (Tasklist tasklist = Tasklist.login(port, planner, "secreto-" + planner)) {
            tasklist.openAndClaim(triage.getId(), "Solicitud " + code)
                    .select("Oficina o unidad responsable", "Dirección Regional de Salud")
                    .type("Nota para la unidad responsable", "Verifiquen con el residente de obra y respondan.")
                    .screenshot("journey-clasificar-solicitud")
                    .complete();
            assertThat(Tasklist.waitUntil(() -> gone(triage.getId()))).as("triage completed through Tasklist").isTrue();
        }
        assertThat(col(row(code), "status")).isEqualTo("DERIVADA");
        assertThat(col(row(code), "responsible_group")).isEqualTo("unit-salud");
        assertThat(new Http(port).get("/reclamos/" + code).body()).contains("Derivada a la oficina responsable");

        // a person of that unit answers it
        String unit = staffUser("unit-salud");
        Task answer = taskOf(pid, "Task_Answer");
        assertThat(candidateGroupsOf(answer)).containsExactly("unit-salud");
        String text = "La obra se reanuda el lunes 3 de agosto con un nuevo residente.";
        try (Tasklist tasklist = Tasklist.login(port, unit, "secreto-" + unit)) {
            tasklist.openAndClaim(answer.getId(), "Responder la solicitud " + code);
            assertThat(tasklist.shown("Nota de Planeamiento")).as("the planning office's note on the form")
                    .contains("Verifiquen con el residente de obra");
            tasklist.type("Respuesta", text)
                    .screenshot("journey-responder-solicitud")
                    .complete();
            assertThat(Tasklist.waitUntil(() -> gone(answer.getId()))).as("answer completed through Tasklist").isTrue();
        }
        assertThat(col(row(code), "status")).isEqualTo("RESPONDIDA");
        assertThat(col(row(code), "answer")).isEqualTo(text);
        assertThat(mailsTo(email)).containsExactly("Recibimos su reclamo " + code, "Respuesta a su reclamo " + code);
        assertThat(new Http(port).get("/reclamos/" + code).body()).contains("Respondida", text)
                .doesNotContain("Julia Chávez").doesNotContain(email);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).as("process ended").isZero();
    }

    /**
     * Issue 21: the planning office extends a request for public information through Tasklist. A date that is not
     * later than the legal deadline is refused on the form with what to fix; a later business day with a reason is
     * accepted: the requester gets a mail (delivered to GreenMail) and the tracking page shows the new date, the legal
     * one and the reason.
     */
    @Test
    @Journey(process = "complaint-handling", task = "Task_DecideExtension")
    void thePlanningOfficeExtendsARequestForPublicInformationAndTheTrackingPageShowsTheNewDate() throws Exception {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        String email = "informacion" + unique() + "@example.pe";
        String code = submit("ACCESO_INFORMACION", email);
        String pid = jdbc.sql("SELECT process_instance_id FROM complaint WHERE tracking_code = ?").param(code)
                .query(String.class).single();
        ComplaintService.Status before = complaints.status(code).orElseThrow();
        assertThat(new Http(port).get("/reclamos/" + code).body())
                .contains("puede prorrogar una sola vez el plazo").doesNotContain("Plazo prorrogado");
        java.time.LocalDate legal = java.time.LocalDate.ofInstant(before.dueAt(), pe.gob.regioncajamarca.participa
                .calendar.DueDates.LIMA);
        java.time.LocalDate later = plazos.calendar().plusBusinessDays(legal, 5);
        java.time.format.DateTimeFormatter dmy = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
        String reason = "El expediente técnico está en el archivo de la Sub Región de Chota y debe digitalizarse.";

        String planner = staffUser("planning");
        Task decide = taskOf(pid, "Task_DecideExtension");
        assertThat(candidateGroupsOf(decide)).containsExactly("planning");
        try (Tasklist tasklist = Tasklist.login(port, planner, "secreto-" + planner)) {
            tasklist.openAndClaim(decide.getId(), "Prórroga de la solicitud " + code);
            assertThat(tasklist.browser().waitForText("hasta el <strong>" + dmy.format(legal) + "</strong>"))
                    .as("the legal deadline on the form").isTrue();
            tasklist.choose("Sí: prorrogar el plazo")
                    .type("Nueva fecha límite", dmy.format(legal))
                    .type("Motivo de la prórroga", reason)
                    .complete();
            assertThat(tasklist.browser().waitForText("debe ser posterior al plazo actual"))
                    .as("the refusal shown on the form").isTrue();
            tasklist.screenshot("journey-decidir-prorroga-rechazada");
            assertThat(tasks.createTaskQuery().taskId(decide.getId()).count()).as("still open").isEqualTo(1);
            // the person closes the notice and fixes the date
            tasklist.browser().execute("document.querySelectorAll('.alert .close, .notifications .close')"
                    + ".forEach(b => b.click());");
            tasklist.type("Nueva fecha límite", dmy.format(later))
                    .screenshot("journey-decidir-prorroga")
                    .complete();
            assertThat(Tasklist.waitUntil(() -> gone(decide.getId()))).as("extension completed through Tasklist")
                    .isTrue();
        }
        ComplaintService.Status after = complaints.status(code).orElseThrow();
        assertThat(after.extended()).isTrue();
        assertThat(after.dueAt()).isEqualTo(pe.gob.regioncajamarca.participa.calendar.DueDates.endOfWorkday(later)
                .toInstant());
        assertThat(after.legalDueAt()).isEqualTo(before.dueAt());
        assertThat(runtime.getVariable(pid, "fechaLimite")).isEqualTo(java.util.Date.from(after.dueAt()));

        // the citizen's tracking page: the new date, the legal one and the reason; no personal data
        String page = new Http(port).get("/reclamos/" + code).body();
        assertThat(page).contains("Plazo prorrogado", dmy.format(later) + " 17:30", dmy.format(legal) + " 17:30",
                "Sub Región de Chota").doesNotContain("puede prorrogar una sola vez el plazo")
                .doesNotContain("Julia Chávez").doesNotContain(email);

        // and the mail, through the outbox to a real SMTP server
        assertThat(mailsTo(email)).containsExactly("Recibimos su solicitud de acceso a la información pública " + code,
                "Prórroga del plazo de su solicitud " + code);
        sender.sendDue();
        java.util.List<jakarta.mail.internet.MimeMessage> got = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject().equals("Prórroga del plazo de su solicitud " + code);
                    } catch (Exception e) {
                        return false;
                    }
                }).toList();
        assertThat(got).hasSize(1);
        assertThat(got.get(0).getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(got.get(0))).contains(dmy.format(later));

        // the unit that answers later gets the new date
        Task triage = taskOf(pid, "Task_Triage");
        tasks.complete(triage.getId(), Map.of("grupoResponsable", "unit-salud"));
        assertThat(taskOf(pid, "Task_Answer").getDueDate()).isEqualTo(java.util.Date.from(after.dueAt()));
    }

    /**
     * The report of wrongdoing is started as the portal does (through {@link ComplaintService#submit}) and its task
     * found by the request's process instance, whatever process handles it.
     */
    @Test
    @Journey(process = "wrongdoing-report", task = "Task_HandleReport")
    void theIntegrityOfficeHandlesAReportOfWrongdoingThroughTasklist() throws Exception {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        String email = "denunciante" + unique() + "@example.pe";
        String code = submit("DENUNCIA", email);
        String pid = jdbc.sql("SELECT process_instance_id FROM complaint WHERE tracking_code = ?").param(code)
                .query(String.class).single();
        Task handle = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_HandleReport")
                .singleResult();
        assertThat(handle).as("the report's task").isNotNull();

        String officer = staffUser("integrity-office");
        String text = "Se abrió procedimiento administrativo disciplinario al residente de obra.";
        try (Tasklist tasklist = Tasklist.login(port, officer, "secreto-" + officer)) {
            tasklist.openAndClaim(handle.getId(), "Denuncia " + code)
                    .select("Resultado", "Derivada a procedimiento disciplinario")
                    .type("Respuesta al denunciante", text)
                    .screenshot("journey-atender-denuncia")
                    .complete();
            assertThat(Tasklist.waitUntil(() -> gone(handle.getId()))).as("completed through Tasklist").isTrue();
        }
        assertThat(col(row(code), "status")).isEqualTo("ATENDIDA");
        assertThat(col(row(code), "outcome")).isEqualTo("DERIVADA_PAD");
        assertThat(col(row(code), "answer")).isEqualTo(text);
        assertThat(mailsTo(email)).contains("Respuesta a su denuncia " + code);
        assertThat(new Http(port).get("/reclamos/" + code).body()).contains("Atendida")
                .doesNotContain("Julia Chávez").doesNotContain(email);
    }
}
