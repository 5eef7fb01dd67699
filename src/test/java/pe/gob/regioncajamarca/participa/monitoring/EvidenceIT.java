package pe.gob.regioncajamarca.participa.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Map;

import javax.imageio.ImageIO;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/** The evidence of a quarterly report: uploaded by the project's unit, judged by content, read by the offices. */
class EvidenceIT extends ProcessTest {

    @Autowired MonitoringRounds rounds;
    @Autowired MonitoringEvidence evidence;
    @Autowired org.camunda.bpm.engine.HistoryService historyService;
    @LocalServerPort int port;
    long report;
    String page;
    int year;
    String cui;
    String taskId;

    private static final java.util.concurrent.atomic.AtomicInteger QUARTERS = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void anOpenRound() {
        year = sharedFormalisedCycle();
        cui = String.valueOf(5000000 + unique());
        jdbc.sql("""
                INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, prioritized,
                                     execution_status, monitored_since)
                VALUES (?, ?, 'Canal de riego Chonta', 'CAJAMARCA', 500000, 'Agricultura', ?, TRUE, 'EN_EJECUCION',
                        CURRENT_DATE)""").params(year, cui, TEST_UNIT).update();
        int n = QUARTERS.getAndIncrement();
        String pid = rounds.startByHand((2075 + n / 4) + "-Q" + (n % 4 + 1));
        executeDueJobs(pid);
        Task mine = reportTasks(pid).list()
                .stream().filter(t -> cui.equals(tasks.getVariable(t.getId(), "cui"))).findFirst().orElseThrow();
        report = ((Number) tasks.getVariable(mine.getId(), "informe")).longValue();
        taskId = mine.getId();
        page = "/personal/seguimiento/evidencias/" + report;
    }

    private static byte[] photo() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private Http loggedIn(String group) {
        String user = staffUser(group);
        Http http = new Http(port);
        http.staffLogin(user, "secreto-" + user);
        return http;
    }

    @Test
    void theUnitUploadsAPhotoThePlanningOfficeReadsItAndAnotherUnitCannotSeeIt() throws Exception {
        Http unit = loggedIn(TEST_UNIT_GROUP);
        assertThat(unit.get(page).body()).contains("Canal de riego Chonta", "Aún no hay fotos");
        var r = unit.postMultipart(page, Map.of("_csrf", unit.csrfTokenOf(page), "descripcion", "Vaciado de losa"),
                "archivos", "avance.png", photo(), "image/png");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(evidence.of(report)).singleElement().satisfies(e -> {
            assertThat(e.fileName()).isEqualTo("avance.png");
            assertThat(e.contentType()).isEqualTo("image/png");
            assertThat(e.description()).isEqualTo("Vaciado de losa");
        });
        long fileId = evidence.of(report).get(0).id();

        Http planning = loggedIn("planning");
        assertThat(planning.get(page).body()).contains("avance.png", "Vaciado de losa").doesNotContain("type=\"file\"");
        var file = planning.get(page + "/archivos/" + fileId);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");

        Http otherUnit = loggedIn("unit-otra-" + unique());
        assertThat(otherUnit.get(page).statusCode()).isEqualTo(403);
        assertThat(otherUnit.get(page + "/archivos/" + fileId).statusCode()).isEqualTo(403);
        assertThat(new Http(port).get(page).statusCode()).isIn(302, 401, 403); // anonymous: to the login
    }

    @Test
    void aFileThatLiesAboutItsTypeIsRefusedAndNothingIsStored() {
        Http unit = loggedIn(TEST_UNIT_GROUP);
        var r = unit.postMultipart(page, Map.of("_csrf", unit.csrfTokenOf(page)), "archivos", "informe.pdf",
                "MZ this is an executable".getBytes(), "application/pdf");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("no se guardó nada", "informe.pdf");
        assertThat(evidence.of(report)).isEmpty();
    }

    @Test
    void aPhotoAttachedInTheTasksFormIsStoredWithoutExifAndShownOnThePublicPage() throws Exception {
        byte[] photo = EvidenceMetadataTest.jpegWithExif();
        byte[] pdf = pdf();
        String instance = tasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
        // what Tasklist's embedded form sends: the figures and the files (an empty third file input)
        tasks.claim(taskId, "unit.prueba");
        tasks.complete(taskId, org.camunda.bpm.engine.variable.Variables.createVariables()
                .putValue("avanceFisico", 30.0).putValue("ejecucionFinanciera", 100000.0).putValue("devengadoAnio", 100000.0).putValue("pim", 400000.0)
                .putValue("estadoEjecucion", "EN_EJECUCION").putValue("dificultades", "<b>Lluvias</b>")
                .putValueTyped("evidencia1", org.camunda.bpm.engine.variable.Variables.fileValue("obra.jpg")
                        .file(photo).mimeType("image/jpeg").create())
                .putValueTyped("evidencia2", org.camunda.bpm.engine.variable.Variables.fileValue("acta.pdf")
                        .file(pdf).mimeType("application/pdf").create())
                .putValueTyped("evidencia3", org.camunda.bpm.engine.variable.Variables.fileValue("")
                        .file(new byte[0]).create()));

        assertThat(jdbc.sql("SELECT status FROM monitoring_report WHERE id = ?").param(report).query(String.class)
                .single()).isEqualTo("REPORTADO");
        var stored = evidence.of(report);
        assertThat(stored).extracting(MonitoringEvidence.Evidence::fileName).containsExactly("obra.jpg", "acta.pdf");
        assertThat(stored.get(0).contentType()).isEqualTo("image/jpeg");
        assertThat(stored.get(0).uploadedBy()).isEqualTo("unit.prueba");
        byte[] kept = evidence.content(report, stored.get(0).id()).orElseThrow().bytes();
        assertThat(EvidenceMetadataTest.contains(kept, "Exif")).as("stored without EXIF").isFalse();
        assertThat(evidence.content(report, stored.get(1).id()).orElseThrow().bytes()).isEqualTo(pdf);
        // the files are not left in the engine's variables
        assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(instance)
                .variableNameIn("evidencia1", "evidencia2", "evidencia3").list()).isEmpty();
        // nor ever written to its history: the form declares them transient, so no second transaction has to
        // delete them after the completion
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(instance)
                .variableNameIn("evidencia1", "evidencia2", "evidencia3").includeDeleted().list())
                .as("no file in the history's variables").isEmpty();
        assertThat(historyService.createHistoricDetailQuery().variableUpdates().processInstanceId(instance).list())
                .as("no file in the history's variable updates")
                .noneMatch(d -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName()
                        .startsWith("evidencia"));

        // the project's public page: the photo as an image, the document as a link
        String photoUrl = "/proyectos/" + year + "/" + cui + "/evidencias/" + stored.get(0).id();
        String docUrl = "/proyectos/" + year + "/" + cui + "/evidencias/" + stored.get(1).id();
        String publicPage = new Http(port).get("/proyectos/" + year + "/" + cui).body();
        assertThat(publicPage).contains("<img", "src=\"" + photoUrl + "\"", "href=\"" + docUrl + "\"", "acta.pdf (PDF)");
        var client = java.net.http.HttpClient.newHttpClient();
        var image = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + photoUrl)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(image.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
        assertThat(image.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age");
        assertThat(EvidenceMetadataTest.contains(image.body(), "Exif")).isFalse();
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(image.body()))).isNotNull();
        // another project's address does not serve it
        assertThat(new Http(port).get("/proyectos/" + year + "/9999999/evidencias/" + stored.get(0).id())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void migration61RemovesEvidenceThatEarlierCompletionsLeftInTheEngineHistory(
            @Autowired javax.sql.DataSource dataSource) throws Exception {
        // as a completion before the transient fields left it: the file set on the report's instance, then removed
        String instance = tasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
        runtime.setVariable(instance, "evidencia1", org.camunda.bpm.engine.variable.Variables.fileValue("obra.jpg")
                .file(EvidenceMetadataTest.jpegWithExif()).mimeType("image/jpeg").create());
        runtime.removeVariable(instance, "evidencia1");
        var left = historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(instance)
                .variableName("evidencia1").includeDeleted().singleResult();
        String content = jdbc.sql("SELECT BYTEARRAY_ID_ FROM ACT_HI_VARINST WHERE ID_ = ?").param(left.getId())
                .query(String.class).single();
        assertThat(content).isNotNull();

        try (java.sql.Connection c = dataSource.getConnection()) {
            assertThat(V61__evidence_out_of_engine_history.forget(c)).isPositive();
        }

        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(instance)
                .variableName("evidencia1").includeDeleted().list()).isEmpty();
        assertThat(historyService.createHistoricDetailQuery().variableUpdates().processInstanceId(instance).list())
                .noneMatch(d -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName()
                        .startsWith("evidencia"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_GE_BYTEARRAY WHERE ID_ = ?").param(content).query(Long.class)
                .single()).as("the photo's content").isZero();
        // the report's other variables stay
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(instance)
                .variableName("informe").list()).hasSize(1);
    }

    @Test
    void theEvidenceOfAReportNotYetReportedIsNotPublic() throws Exception {
        Http unit = loggedIn(TEST_UNIT_GROUP);
        unit.postMultipart(page, Map.of("_csrf", unit.csrfTokenOf(page)), "archivos", "avance.png", photo(), "image/png");
        long fileId = evidence.of(report).get(0).id();
        assertThat(new Http(port).get("/proyectos/" + year + "/" + cui + "/evidencias/" + fileId).statusCode())
                .isEqualTo(404);
        assertThat(new Http(port).get("/proyectos/" + year + "/" + cui).body()).doesNotContain("/evidencias/" + fileId);
    }

    @Test
    void aFileThatIsNotAPhotoNorAPdfStopsTheCompletionAndNothingIsStored() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(taskId,
                org.camunda.bpm.engine.variable.Variables.createVariables()
                .putValue("avanceFisico", 30.0).putValue("ejecucionFinanciera", 100000.0).putValue("devengadoAnio", 100000.0).putValue("pim", 400000.0)
                .putValue("estadoEjecucion", "EN_EJECUCION")
                .putValueTyped("evidencia1", org.camunda.bpm.engine.variable.Variables.fileValue("obra.jpg")
                        .file("MZ not a photo".getBytes()).mimeType("image/jpeg").create())))
                .hasMessageContaining("obra.jpg");
        assertThat(jdbc.sql("SELECT status FROM monitoring_report WHERE id = ?").param(report).query(String.class)
                .single()).isEqualTo("PENDIENTE");
        assertThat(evidence.of(report)).isEmpty();
    }

    private static byte[] pdf() throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
