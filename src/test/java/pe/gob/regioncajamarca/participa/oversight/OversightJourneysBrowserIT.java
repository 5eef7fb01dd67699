package pe.gob.regioncajamarca.participa.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * Issue 19: an oversight committee's report with an alert through Tasklist's own screens, in a real Chromium. The
 * planning office reviews it (told in Spanish that an alert needs the unit's statement when it answers "No"), the
 * executing unit gives its statement, the planning office answers the committee: each step is stored with the
 * report, public on the project's page, and the committee member gets the answer by mail.
 */
class OversightJourneysBrowserIT extends ProcessTest {

    /** A real executing unit (its group may use Tasklist), not the tests' own unit. */
    static final String UNIT = "salud";
    static final String UNIT_GROUP = "unit-salud";

    @LocalServerPort int port;
    @Autowired OversightReports reports;

    private boolean gone(String taskId) {
        return tasks.createTaskQuery().taskId(taskId).count() == 0;
    }

    private Map<String, Object> row(String code) {
        Map<String, Object> out = new java.util.HashMap<>();
        jdbc.sql("SELECT status, analysis, unit_statement, response, alert_confirmed FROM oversight_report "
                + "WHERE tracking_code = ?").param(code).query().singleRow()
                .forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return out;
    }

    @Test
    @Journey(process = "oversight-report", task = "Task_ReviewReport")
    @Journey(process = "oversight-report", task = "Task_UnitStatement")
    @Journey(process = "oversight-report", task = "Task_AnswerCommittee")
    void aReportWithAnAlertIsReviewedExplainedByTheUnitAndAnsweredThroughTasklist() throws Exception {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        int year = freeYear();
        formalisedCycle(year);
        String cui = String.valueOf(6_500_000 + unique());
        jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, prioritized, "
                + "monitored_since) VALUES (?, ?, 'Puesto de salud Chetilla', 'CAJAMARCA', 900000, 'Salud', ?, TRUE, "
                + "CURRENT_DATE)").params(year, cui, UNIT).update();
        String member = staffUser("oversight-committee");
        String code = reports.file(new OversightReports.Draft("INFORME", null,
                "La obra del puesto de salud está paralizada desde hace dos meses y no hay residente.", List.of(cui),
                Set.of(), true), List.of(), member);
        String pid = jdbc.sql("SELECT process_instance_id FROM oversight_report WHERE tracking_code = ?").param(code)
                .query(String.class).single();

        // the planning office reviews it: "No" is refused (an alert needs the unit's statement), then "Sí"
        String planner = staffUser("planning");
        Task review = taskOf(pid, "Task_ReviewReport");
        try (Tasklist tasklist = Tasklist.login(port, planner, "secreto-" + planner)) {
            tasklist.openAndClaim(review.getId(), "Reporte de vigilancia " + code)
                    .choose("No")
                    .type("Análisis de Planeamiento", "Se confirma la paralización; se pide el descargo de la unidad.")
                    .complete();
            assertThat(tasklist.browser().waitForText("pida el descargo")).as("the refusal, in Spanish").isTrue();
            tasklist.screenshot("journey-revisar-reporte-vigilancia-alerta");
            assertThat(gone(review.getId())).as("refused: the task stays").isFalse();
            tasklist.browser().execute("document.querySelectorAll('.notifications .close').forEach(b => b.click());");
            tasklist.choose("Sí")
                    .screenshot("journey-revisar-reporte-vigilancia")
                    .complete();
            assertThat(Tasklist.waitUntil(() -> gone(review.getId()))).as("review completed through Tasklist").isTrue();
        }
        assertThat(row(code)).containsEntry("status", "EN_DESCARGO")
                .containsEntry("analysis", "Se confirma la paralización; se pide el descargo de la unidad.");

        // the executing unit gives its statement
        String unitMember = staffUser(UNIT_GROUP);
        Task statement = taskOf(pid, "Task_UnitStatement");
        assertThat(candidateGroupsOf(statement)).containsExactly(UNIT_GROUP);
        String descargo = "El contratista abandonó la obra; se resolvió el contrato y se convoca a nuevo proceso.";
        try (Tasklist tasklist = Tasklist.login(port, unitMember, "secreto-" + unitMember)) {
            tasklist.openAndClaim(statement.getId(), "Descargo sobre el reporte " + code)
                    .type("Descargo de la unidad ejecutora", descargo)
                    .screenshot("journey-presentar-descargo")
                    .complete();
            assertThat(Tasklist.waitUntil(() -> gone(statement.getId()))).as("statement through Tasklist").isTrue();
        }
        assertThat(row(code)).containsEntry("unit_statement", descargo);

        // the planning office answers the committee and confirms the alert
        Task answer = taskOf(pid, "Task_AnswerCommittee");
        String respuesta = "La obra se reanuda en marzo con un nuevo contratista; se hará seguimiento mensual.";
        try (Tasklist tasklist = Tasklist.login(port, planner, "secreto-" + planner)) {
            tasklist.openAndClaim(answer.getId(), "Respuesta al reporte " + code);
            assertThat(tasklist.shown("Descargo de la unidad")).as("the unit's statement on the form")
                    .contains("El contratista abandonó la obra");
            tasklist.type("Respuesta al comité de vigilancia", respuesta)
                    .choose("Sí")
                    .screenshot("journey-responder-reporte")
                    .complete();
            assertThat(Tasklist.waitUntil(() -> gone(answer.getId()))).as("answer through Tasklist").isTrue();
        }
        assertThat(row(code)).containsEntry("status", "RESPONDIDO").containsEntry("response", respuesta)
                .containsEntry("alert_confirmed", true);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).as("process ended").isZero();
        assertThat(mailsTo(member + "@example.pe")).contains("Respuesta a su reporte de vigilancia " + code);
        assertThat(new Http(port).get("/proyectos/" + year + "/" + cui).body())
                .contains("El contratista abandonó la obra", "La obra se reanuda en marzo", "La alerta fue confirmada.")
                .doesNotContain(member);
        assertThat(new Http(port).get("/vigilancia/" + code).body()).contains("Respondido");
    }
}
