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
    @LocalServerPort int port;
    long report;
    String page;

    private static final java.util.concurrent.atomic.AtomicInteger QUARTERS = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void anOpenRound() {
        int year = freeYear();
        formalisedCycle(year);
        String cui = String.valueOf(5000000 + unique());
        jdbc.sql("""
                INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, prioritized,
                                     execution_status, monitored_since)
                VALUES (?, ?, 'Canal de riego Chonta', 'CAJAMARCA', 500000, 'Agricultura', ?, TRUE, 'EN_EJECUCION',
                        CURRENT_DATE)""").params(year, cui, TEST_UNIT).update();
        int n = QUARTERS.getAndIncrement();
        String pid = rounds.startByHand((2075 + n / 4) + "-Q" + (n % 4 + 1));
        executeDueJobs(pid);
        Task mine = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_ReportProgress").list()
                .stream().filter(t -> cui.equals(tasks.getVariable(t.getId(), "cui"))).findFirst().orElseThrow();
        report = ((Number) tasks.getVariable(mine.getId(), "informe")).longValue();
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
}
