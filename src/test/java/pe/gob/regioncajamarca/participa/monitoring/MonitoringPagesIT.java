package pe.gob.regioncajamarca.participa.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * A round driven through the engine, then what the public and the committee get from it: the roll-ups, the round's
 * page, the Follow-up and Monitoring Report as a PDF, the alerts on the project's page and in the committee's mail,
 * and the project's progress as open data.
 */
class MonitoringPagesIT extends ProcessTest {

    private static final AtomicInteger QUARTERS = new AtomicInteger();

    @Autowired MonitoringRounds rounds;
    @Autowired MonitoringRollups rollups;
    @LocalServerPort int port;
    int year;
    String cui;
    String quarter;
    String committeeMember;

    @BeforeEach
    void aRoundWithAParalysedProjectWhoseMoneyRunsAhead() {
        year = freeYear();
        formalisedCycle(year);
        cui = String.valueOf(4000000 + unique());
        jdbc.sql("""
                INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, prioritized,
                                     execution_status, monitored_since)
                VALUES (?, ?, 'Puente carrozable sobre el río Llaucano', 'CAJAMARCA', 900000, 'Transporte', ?,
                        TRUE, 'EN_EJECUCION', CURRENT_DATE)""")
                .params(year, cui, TEST_UNIT).update();
        committeeMember = staffUser("oversight-committee");
        int n = QUARTERS.getAndIncrement();
        quarter = (2085 + n / 4) + "-Q" + (n % 4 + 1);
        String pid = rounds.startByHand(quarter);
        executeDueJobs(pid);
        for (Task t : reportTasks(pid).list()) {
            if (cui.equals(tasks.getVariable(t.getId(), "cui"))) {
                complete(t, withVariables("avanceFisico", 30, "ejecucionFinanciera", 800000, "devengadoAnio", 800000, "pim", 900000,
                        "estadoEjecucion", "PARALIZADO", "dificultades", "Expediente técnico en reformulación"));
            } else {
                complete(t, withVariables("avanceFisico", 100, "ejecucionFinanciera", 1, "devengadoAnio", 1, "pim", 1,
                        "estadoEjecucion", "CONCLUIDO"));
            }
        }
        executeDueJobs(pid);
        complete(taskOf(pid, "Task_ConsolidateReport"),
                withVariables("conclusiones", "Se recomienda reactivar la obra del puente en el próximo trimestre."));
        executeDueJobs(pid);
    }

    @Test
    void theRollupsCountTheCycleAsComputedByHand() {
        MonitoringRollups.Rollup cycle = rollups.byCycle(100).stream().filter(r -> r.key().equals(String.valueOf(year)))
                .findFirst().orElseThrow();
        assertThat(cycle.projects()).isEqualTo(1);
        assertThat(cycle.paralysed()).isEqualTo(1);
        assertThat(cycle.agreed()).isEqualByComparingTo("900000");
        assertThat(cycle.executed()).isEqualByComparingTo("800000");
        assertThat(cycle.executedPercent()).isEqualByComparingTo("88.9"); // 800,000 / 900,000
        assertThat(rollups.byUnit(year)).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("Unidad de prueba");
            assertThat(r.percentOf(r.paralysed())).isEqualTo(100);
        });
    }

    @Test
    void thePublicPagesShowTheRoundItsAlertsAndTheProjectsProgress() {
        Http http = new Http(port);
        HttpResponse<String> overview = http.get("/seguimiento?ciclo=" + year);
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("Unidad de prueba", "/seguimiento/" + quarter, "S/ 800,000.00");

        HttpResponse<String> round = http.get("/seguimiento/" + quarter);
        assertThat(round.statusCode()).isEqualTo(200);
        assertThat(round.body()).contains("Puente carrozable sobre el río Llaucano", "Paralizado",
                "La unidad ejecutora reporta la obra paralizada.",
                "La ejecución financiera supera en más de 20 puntos porcentuales al avance físico.",
                "Se recomienda reactivar la obra del puente", "Expediente técnico en reformulación");
        assertThat(http.get("/seguimiento/2026-Q9").statusCode()).isEqualTo(404);
        assertThat(http.get("/seguimiento/2001-Q1").statusCode()).isEqualTo(404);

        HttpResponse<String> project = http.get("/proyectos/" + year + "/" + cui);
        assertThat(project.statusCode()).isEqualTo(200);
        assertThat(project.body()).contains("Alertas de seguimiento", "La unidad ejecutora reporta la obra paralizada.",
                "<svg class=\"line\"", quarter, "88.9 %");

        HttpResponse<String> json = http.get("/api/open-data/projects/" + cui + "/progress");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"quarter\":\"" + quarter + "\"", "\"physicalProgress\":30",
                "\"financialExecution\":88.9", "\"status\":\"PARALIZADO\"", "\"reportedAt\":\"",
                "\"accruedToDate\":800000", "\"accruedThisYear\":800000", "\"currentBudget\":900000",
                "\"updatedCost\":900000");
        assertThat(http.get("/api/open-data/projects/9999999/progress").statusCode()).isEqualTo(404);
        assertThat(http.get("/api/open-data/projects/" + cui + "/progress.csv").body())
                .startsWith("quarter,physicalProgress,financialExecution,status,reportedAt").contains(quarter + ",30");
    }

    @Test
    void theReportIsAPdfWithTablesAlertsAndConclusionsAndTheCommitteeIsToldOfItAndOfTheAlerts() throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/seguimiento/" + quarter + "/informe.pdf")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "pdf-samples");
            java.nio.file.Files.createDirectories(dir);
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 60),
                    "png", dir.resolve("informe-seguimiento.png").toFile());
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Informe de Seguimiento y Monitoreo " + quarter, "Por provincia",
                    "Por unidad ejecutora", "Unidad de prueba", "Puente carrozable sobre el río Llaucano",
                    "La unidad ejecutora reporta la obra paralizada.", "Se recomienda reactivar la obra del puente")
                    .doesNotContain("BORRADOR");
        }
        assertThat(mailsTo(committeeMember + "@example.pe")).contains("Informe de seguimiento " + quarter)
                .anySatisfy(s -> assertThat(s).startsWith("Alertas de seguimiento " + quarter));
    }
}
