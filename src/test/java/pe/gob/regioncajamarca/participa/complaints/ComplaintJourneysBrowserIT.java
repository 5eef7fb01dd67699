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
