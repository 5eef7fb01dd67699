package pe.gob.regioncajamarca.participa.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.accreditation.AccreditationService;
import pe.gob.regioncajamarca.participa.accreditation.AgentApplication;
import pe.gob.regioncajamarca.participa.complaints.ComplaintService;
import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.CycleStarter;
import pe.gob.regioncajamarca.participa.cycle.OpenCycleCommand;
import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;
import pe.gob.regioncajamarca.participa.testsupport.WebDriver;

/**
 * In a real Chromium, a planner logs in to Tasklist, finds the tasks of their group through the shared filter,
 * and Tasklist renders both kinds of forms: a Camunda Form with the task's data, and the embedded form with the
 * file field of the investment programme.
 */
class TasklistBrowserIT extends ProcessTest {

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired CycleStarter starter;
    @Autowired AccreditationService accreditation;
    @Autowired ComplaintService complaints;

    /** The values of the form's fields (form-js sets them as properties, not in the page's HTML). */
    private static String fieldValuesOnceFilled(WebDriver browser, String expected) throws Exception {
        String values = "";
        for (int i = 0; i < 100 && !values.contains(expected); i++) {
            Thread.sleep(200);
            values = browser.execute("return Array.from(document.querySelectorAll('.fjs-container input, "
                    + ".fjs-container textarea')).map(e => e.value).join('\\n')").asText();
        }
        return values;
    }

    @Test
    void aPlannerSeesTheTasksOfTheGroupAndTheirFormsRender() throws Exception {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        String user = "navegador" + unique();
        User u = identity.newUser(user);
        u.setFirstName("Ana");
        u.setLastName("Planificadora");
        u.setEmail(user + "@example.pe");
        u.setPassword("clave-" + user);
        identity.saveUser(u);
        identity.createMembership(user, "planning");

        int year = freeYear();
        LocalDate today = plazos.today();
        java.util.Map<String, java.math.BigDecimal> split = new java.util.HashMap<>();
        Scopes.ALL.forEach(s -> split.put(s, java.math.BigDecimal.TEN));
        String pid = starter.start(new OpenCycleCommand(year, java.math.BigDecimal.valueOf(10L * Scopes.ALL.size()),
                5, split, List.of(
                new Cycle.PhaseWindow(CyclePhase.INSCRIPCION, today.minusDays(1), today.plusDays(10)),
                new Cycle.PhaseWindow(CyclePhase.IDEAS, today.plusDays(20), today.plusDays(30)),
                new Cycle.PhaseWindow(CyclePhase.EVALUACION, today.plusDays(31), today.plusDays(40)),
                new Cycle.PhaseWindow(CyclePhase.VOTACION, today.plusDays(41), today.plusDays(50)),
                new Cycle.PhaseWindow(CyclePhase.FORMALIZACION, today.plusDays(51), today.plusDays(60)))));
        executeDueJobs(pid); // the registration window opened yesterday
        var registration = accreditation.register(new AgentApplication(year, citizen("agente" + unique()
                + "@example.pe"), "976000111", "F", LocalDate.of(1990, 1, 1), "Secundaria", null, null,
                TEST_PROVINCE, TEST_DISTRICT));

        try (WebDriver browser = WebDriver.start()) {
            boolean in = browser.camundaLogin("http://localhost:" + port + "/camunda/app/tasklist/", user,
                    "clave-" + user, "Tareas de mi oficina");
            assertThat(in).as("logged in, the office's filter is listed").isTrue();

            // (other tests leave many planning tasks, some created on a moved clock: open ours by id)
            String tasklist = "http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=";
            // a Camunda Form (forms/revisar-acreditacion.form) with the task's data
            browser.open(tasklist + taskOf(registration.processInstanceId(), "Task_ReviewAccreditation").getId());
            assertThat(browser.waitForText("Inscripción de agente participante")).as("the Camunda Form renders").isTrue();
            browser.screenshot(java.nio.file.Path.of("target/screenshots/tasklist-revisar-acreditacion.png"));
            assertThat(browser.source()).as("the form shows the task's data").contains("Distrito de prueba");
            // the agent's name (written by the citizen) is in a read-only field, not in the Markdown
            assertThat(fieldValuesOnceFilled(browser, "Rosa Huamán Cotrina")).contains("Rosa Huamán Cotrina");
            assertThat(browser.source()).contains("Acreditar", "Motivo del rechazo").doesNotContain("[$compile", "EMPTY_CONTEXT_PATH");

            // citizen text is text (issue 20): a complaint whose description carries Markdown and HTML is shown as
            // typed in planning's triage form, with no image fetched from outside, no link and no bold
            String markup = "![x](http://127.0.0.1:9/x.png) <b>negrita</b> [clic](http://127.0.0.1:9/) <img src=x>";
            String code = complaints.submit(new ComplaintService.Submission("RECLAMO", "Asunto **fuerte** <i>x</i>",
                    "Texto de la vecina: " + markup, null, false, "Vecina de Prueba", null,
                    "vecina" + unique() + "@example.pe", null), null);
            String complaintPid = jdbc.sql("SELECT process_instance_id FROM complaint WHERE tracking_code = ?")
                    .param(code).query(String.class).single();
            browser.open(tasklist + taskOf(complaintPid, "Task_Triage").getId());
            assertThat(browser.waitForText("Derive la solicitud")).as("the triage form renders").isTrue();
            String values = fieldValuesOnceFilled(browser, markup);
            browser.screenshot(java.nio.file.Path.of("target/screenshots/tasklist-clasificar-solicitud.png"));
            assertThat(values).contains("Texto de la vecina: " + markup).contains("Asunto **fuerte** <i>x</i>");
            assertThat(browser.execute("return document.querySelectorAll('.fjs-container img, .fjs-container b, "
                    + ".fjs-container i, .fjs-container a[href^=\"http://127.0.0.1:9\"], .fjs-container strong')"
                    + ".length").asInt()).as("no markup of the citizen's is rendered").isZero();
            assertThat(browser.source()).doesNotContain("<b>negrita</b>").doesNotContain("src=\"x\"");

            // the embedded form with the file field
            browser.open(tasklist + taskOf(pid, "Task_LoadInvestmentProgramme").getId());
            assertThat(browser.waitForText("Archivo del programa (CSV o XLSX)")).isTrue();
            browser.screenshot(java.nio.file.Path.of("target/screenshots/tasklist-cargar-programa.png"));
            browser.find("input[type=file][cam-variable-name=programa]");
            assertThat(browser.source()).doesNotContain("[$compile", "EMPTY_CONTEXT_PATH");
        }
    }
}
