package pe.gob.regioncajamarca.participa.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * A committee member's site visit with its checklist, a photo and an alert: reviewed, answered by the unit and
 * by the planning office, and public on the project's page without the author and the files.
 */
class OversightReportIT extends ProcessTest {

    @LocalServerPort int port;

    @Test
    void aSiteVisitWithAnAlertIsAnsweredByTheUnitAndPublishedOnTheProjectPage() throws Exception {
        int year = freeYear();
        formalisedCycle(year);
        String cui = String.valueOf(6_000_000 + unique());
        jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, prioritized, "
                + "monitored_since) VALUES (?, ?, 'Canal de riego Apalin', 'CHOTA', 900000, 'Riego', ?, TRUE, CURRENT_DATE)")
                .params(year, cui, TEST_UNIT).update();
        String member = staffUser("oversight-committee");
        Http http = new Http(port);
        http.staffLogin(member, "secreto-" + member);
        // the staff home links the committee's report form for its members only (issue 19)
        assertThat(http.get("/personal").body()).contains("href=\"/personal/vigilancia\"");
        String someoneElse = staffUser("planning");
        Http notMember = new Http(port);
        notMember.staffLogin(someoneElse, "secreto-" + someoneElse);
        assertThat(notMember.get("/personal").body()).doesNotContain("href=\"/personal/vigilancia\"");
        assertThat(http.get("/personal/vigilancia").body()).contains("Canal de riego Apalin", "No hay cuaderno de obra");
        ByteArrayOutputStream photo = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", photo);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("_csrf", http.csrfTokenOf("/personal/vigilancia"));
        f.put("tipo", "VISITA");
        f.put("fechaVisita", plazos.today().minusDays(1).toString());
        f.put("cui", cui);
        f.put("hallazgo", "obraParalizada");
        f.put("resumen", "La obra está paralizada, no hay residente y el cartel de obra no existe.");
        f.put("alerta", "true");
        var r = http.postMultipart("/personal/vigilancia", f, "archivos", "obra.png", photo.toByteArray(), "image/png");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        String code = location.substring(location.indexOf("/personal/vigilancia/") + 21, location.indexOf('?'));
        assertThat(http.get("/personal/vigilancia/" + code + "?nuevo").body()).contains("Reporte registrado", "obra.png",
                "La obra está paralizada");

        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult();
        Task review = taskOf(pi.getId(), "Task_ReviewReport");
        assertThat(tasks.getVariable(review.getId(), "verificacion")).isEqualTo("La obra está paralizada");
        // an alert always needs the unit's statement
        assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("requiereDescargo", "no", "analisis", "Visto")))
                .hasMessageContaining("pida el descargo");
        complete(review, withVariables("requiereDescargo", "si", "analisis", "Se confirma la paralización."));
        Task statement = taskOf(pi.getId(), "Task_UnitStatement");
        assertThat(candidateGroupsOf(statement)).containsExactly(TEST_UNIT_GROUP);
        complete(statement, withVariables("descargo", "El contratista abandonó la obra; se resolvió el contrato."));
        complete(taskOf(pi.getId(), "Task_AnswerCommittee"), withVariables("respuesta",
                "Se convoca a nuevo proceso para culminar la obra en marzo.", "alertaConfirmada", "si"));
        assertThat(pi).isEnded();
        assertThat(mailsTo(member + "@example.pe")).contains("Respuesta a su reporte de vigilancia " + code);

        // public: the report, the statement and the answer on the project's page; not the author nor the files
        String page = new Http(port).get("/proyectos/" + year + "/" + cui).body();
        assertThat(page).contains("Canal de riego Apalin", "La obra está paralizada, no hay residente",
                "El contratista abandonó la obra", "Se convoca a nuevo proceso", "La alerta fue confirmada.")
                .doesNotContain(member).doesNotContain("obra.png");
        assertThat(new Http(port).get("/vigilancia").body()).contains(code);
        assertThat(new Http(port).get("/vigilancia/" + code).body()).contains("Alerta de incumplimiento", "Respondido");
        // the files: for staff who handle it, not for the public nor for another unit
        String fileUrl = "/personal/vigilancia/" + code + "/archivos/" + jdbc.sql(
                "SELECT f.id FROM oversight_report_file f JOIN oversight_report r ON r.id = f.report_id WHERE r.tracking_code = ?")
                .param(code).query(Long.class).single();
        assertThat(new Http(port).get(fileUrl).statusCode()).isEqualTo(302);
        String other = staffUser("unit-sede-central");
        Http otherUnit = new Http(port);
        otherUnit.staffLogin(other, "secreto-" + other);
        assertThat(otherUnit.get(fileUrl).statusCode()).isEqualTo(403);
        String planner = staffUser("planning");
        Http planning = new Http(port);
        planning.staffLogin(planner, "secreto-" + planner);
        var file = planning.get(fileUrl);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void aReportAboutAProjectNotWatchedOrWithABadFileStoresNothing() throws Exception {
        String member = staffUser("oversight-committee");
        int before = jdbc.sql("SELECT COUNT(*) FROM oversight_report").query(Integer.class).single();
        Http http = new Http(port);
        http.staffLogin(member, "secreto-" + member);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("_csrf", http.csrfTokenOf("/personal/vigilancia"));
        f.put("tipo", "VISITA");
        f.put("cui", "9999999");
        f.put("resumen", "corto");
        var r = http.postMultipart("/personal/vigilancia", f, "archivos", "x.pdf", "MZ not a pdf".getBytes(), "application/pdf");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("no es un PDF, JPG ni PNG");
        f.put("_csrf", http.csrfTokenOf("/personal/vigilancia"));
        String body = http.postMultipart("/personal/vigilancia", f, "archivos", null, null, null).body();
        assertThat(body).contains("Indique la fecha de la visita", "al menos 20 caracteres",
                "El CUI 9999999 no es un proyecto priorizado que usted vigile");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM oversight_report").query(Integer.class).single()).isEqualTo(before);
        // and the page is the committee's: a unit gets 403
        String unit = staffUser("unit-sede-central");
        Http unitHttp = new Http(port);
        unitHttp.staffLogin(unit, "secreto-" + unit);
        assertThat(unitHttp.get("/personal/vigilancia").statusCode()).isEqualTo(403);
    }
}
