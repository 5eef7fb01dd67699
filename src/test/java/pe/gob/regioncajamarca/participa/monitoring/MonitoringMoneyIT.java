package pe.gob.regioncajamarca.participa.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Issue 21: a round opened as a quarter begins reports the quarter that has just ended; a multi-year project (accrued
 * to date above this year's PIM) is reportable; the three checks of the money refuse with a Spanish message that
 * names the field and store nothing; and financial execution (%) is one figure wherever it is shown or used: the
 * round's page, the project's page, the PDF, open data and the alert decision's input.
 */
class MonitoringMoneyIT extends ProcessTest {

    @LocalServerPort int port;
    @Autowired MonitoringService monitoring;
    @Autowired MonitoringAlerts alerts;

    private final java.util.List<String> myProjects = new java.util.ArrayList<>();

    /**
     * This test's projects leave the rounds of the tests after it: their reports (in quarters before or after those
     * tests' own) would be their "last report" there.
     */
    @org.junit.jupiter.api.AfterEach
    void concludeMyProjects() {
        myProjects.forEach(cui -> jdbc.sql("UPDATE project SET execution_status = 'CONCLUIDO' WHERE cui = ?").param(cui)
                .update());
    }

    /** The round the quarterly timer starts on {@code day}: no quarter given (the start message without one). */
    private String roundOpenedOn(LocalDate day) {
        clockAt(day);
        String pid = runtime.createMessageCorrelation(MonitoringRounds.START_MESSAGE).correlateStartMessage().getId();
        executeDueJobs(pid);
        return pid;
    }

    private Task reportOf(String pid, String cui) {
        return reportTasks(pid).list().stream()
                .filter(t -> cui.equals(tasks.getVariable(t.getId(), "cui"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> figures(Object accrued, Object accruedYear, Object pim, Object updatedCost) {
        Map<String, Object> v = new HashMap<>();
        v.put("avanceFisico", 20);
        v.put("estadoEjecucion", "EN_EJECUCION");
        // a figure left out is not sent (the form's field keeps what the task holds: nothing, or what is filled in)
        Object[][] money = {{"ejecucionFinanciera", accrued}, {"devengadoAnio", accruedYear}, {"pim", pim},
                {"costoActualizado", updatedCost}};
        for (Object[] m : money) {
            if (m[1] != null) {
                v.put((String) m[0], m[1]);
            }
        }
        return v;
    }

    private String statusOf(String quarter, String cui) {
        return monitoring.reports(quarter).stream().filter(r -> cui.equals(r.cui())).findFirst().orElseThrow()
                .status();
    }

    @Test
    void aMultiYearProjectIsReportedForTheQuarterJustEndedAndItsFinancialExecutionIsOneFigureEverywhere()
            throws Exception {
        int year = sharedFormalisedCycle();
        String cui = String.valueOf(3900000 + unique());
        myProjects.add(cui);
        prioritisedProject(year, cui, "Carretera Bambamarca - Paccha (tramo II)", 2000000, "Transporte");
        // the round the timer opens on Friday 1 October 2461 reports the third quarter (July to September)
        String pid = roundOpenedOn(LocalDate.of(2461, 10, 1));
        String quarter = "2461-Q3";
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult().getBusinessKey())
                .isEqualTo(quarter);
        assertThat(runtime.getVariable(pid, "trimestre")).isEqualTo(quarter);
        assertThat(runtime.getVariable(pid, "periodo")).isEqualTo("julio a septiembre de 2461");
        Task mine = reportOf(pid, cui);
        assertThat(tasks.getVariable(mine.getId(), "costoActualizado")).as("the project's cost, filled in")
                .isEqualTo(2000000.0);

        // the three checks, each named in Spanish; nothing stored, the task stays open
        assertThatThrownBy(() -> tasks.complete(mine.getId(), figures(2500000, 400000, 500000, 2400000)))
                .hasMessageContaining("El devengado acumulado (S/ 2,500,000.00) no puede superar el costo total "
                        + "actualizado (S/ 2,400,000.00)");
        assertThatThrownBy(() -> tasks.complete(mine.getId(), figures(1200000, 600000, 500000, 2400000)))
                .hasMessageContaining("El devengado del año (S/ 600,000.00) no puede superar el PIM del año "
                        + "(S/ 500,000.00)");
        assertThatThrownBy(() -> tasks.complete(mine.getId(), figures(400000, 450000, 500000, 2400000)))
                .hasMessageContaining("El devengado del año (S/ 450,000.00) no puede superar el devengado acumulado "
                        + "(S/ 400,000.00)");
        assertThatThrownBy(() -> tasks.complete(mine.getId(), figures(400000, null, 500000, 2400000)))
                .hasMessageContaining("Indique el devengado del año");
        assertThat(statusOf(quarter, cui)).isEqualTo("PENDIENTE");
        assertThat(reportOf(pid, cui).getId()).isEqualTo(mine.getId());

        // accrued to date (1,200,000) well above this year's PIM (500,000): a multi-year project, reportable
        tasks.complete(mine.getId(), figures(1200000, 400000, 500000, 2400000));
        MonitoringService.Report report = monitoring.reports(quarter).stream().filter(r -> cui.equals(r.cui()))
                .findFirst().orElseThrow();
        assertThat(report.status()).isEqualTo("REPORTADO");
        assertThat(report.quarter()).isEqualTo(quarter);
        assertThat(report.financialExecution()).isEqualByComparingTo("1200000");
        assertThat(report.accruedThisYear()).isEqualByComparingTo("400000");
        assertThat(report.currentBudget()).isEqualByComparingTo("500000");
        assertThat(report.updatedCost()).isEqualByComparingTo("2400000");
        // 1,200,000 of an updated cost of 2,400,000: 50.0 % (not 240 % of the PIM, not 60 % of the first cost)
        assertThat(report.financialPercent()).isEqualByComparingTo("50.0");

        // the same figure in open data, on the round's page, on the project's page, in the PDF and in the alerts
        Http http = new Http(port);
        JsonNode progress = new ObjectMapper().readTree(http.get("/api/open-data/projects/" + cui + "/progress").body());
        assertThat(progress).hasSize(1);
        assertThat(progress.get(0).get("quarter").asText()).isEqualTo(quarter);
        assertThat(progress.get(0).get("financialExecution").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(progress.get(0).get("accruedToDate").decimalValue()).isEqualByComparingTo("1200000");
        assertThat(progress.get(0).get("accruedThisYear").decimalValue()).isEqualByComparingTo("400000");
        assertThat(http.get("/api/open-data/projects/" + cui + "/progress.csv").body())
                .contains(quarter + ",20.00,50.0,EN_EJECUCION,");
        String round = http.get("/seguimiento/" + quarter).body();
        assertThat(round).contains("Cifras del trimestre " + quarter + ": julio a septiembre de 2461");
        String row = round.substring(round.indexOf(">" + cui + "<"));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("S/ 1,200,000.00", ">50.0 %<");
        String page = http.get("/proyectos/" + year + "/" + cui).body();
        assertThat(page).contains(">50.0 %<", "S/ 2,400,000.00", "S/ 400,000.00");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/seguimiento/" + quarter + "/informe.pdf")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Informe de Seguimiento y Monitoreo " + quarter,
                    "Cifras del trimestre " + quarter + " (julio a septiembre de 2461)",
                    "S/ 1,200,000.00 S/ 400,000.00 S/ 500,000.00 S/ 2,400,000.00 50.0 %");
        }
        long projectId = jdbc.sql("SELECT id FROM project WHERE cycle_year = ? AND cui = ?").params(year, cui)
                .query(Long.class).single();
        // the decision's gap: 50.0 % financial − 20 % physical
        assertThat(alerts.inputOf(quarter, projectId)).containsEntry("brecha", 30.0);
    }

    @Test
    void theRoundOpenedInJanuaryReportsTheLastQuarterOfTheYearBefore() {
        int year = sharedFormalisedCycle();
        String cui = String.valueOf(3900000 + unique());
        myProjects.add(cui);
        prioritisedProject(year, cui, "Reservorio Chetilla", 800000, "Agricultura");
        String pid = roundOpenedOn(LocalDate.of(2463, 1, 1));
        assertThat(runtime.getVariable(pid, "trimestre")).isEqualTo("2462-Q4");
        // the updated total cost not sent: the one filled in (the project's cost) stands
        tasks.complete(reportOf(pid, cui).getId(), figures(100000, 100000, 300000, null));
        assertThat(monitoring.progressOf(cui)).extracting(MonitoringService.Progress::quarter)
                .containsExactly("2462-Q4");
    }
}
