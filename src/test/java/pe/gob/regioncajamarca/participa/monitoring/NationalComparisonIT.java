package pe.gob.regioncajamarca.participa.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.gob.regioncajamarca.participa.investments.NationalImports;
import pe.gob.regioncajamarca.participa.investments.NationalSettings;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Issue 23: the national investment system's figures beside the unit's report. The progress form starts from them;
 * a unit that reports other figures says why (refused without a reason, nothing stored); and a unit reporting 80 %
 * accrued while the national figure says 40 % raises the alert DIFIERE_MEF of alertas-seguimiento, beyond the
 * threshold the planning office sets (and not below it).
 */
class NationalComparisonIT extends ProcessTest {

    @org.springframework.boot.test.web.server.LocalServerPort int port;
    @Autowired NationalImports imports;
    @Autowired NationalSettings settings;
    @Autowired MonitoringService monitoring;
    @Autowired MonitoringAlerts alerts;

    private String cui;

    @AfterEach
    void concludeMyProject() {
        if (cui != null) {
            jdbc.sql("UPDATE project SET execution_status = 'CONCLUIDO' WHERE cui = ?").param(cui).update();
        }
        settings.changeThreshold(new BigDecimal("20"), "prueba");
    }

    private void importNational(String cui) throws Exception {
        Path file = Files.createTempFile("mef-", ".csv");
        Files.writeString(file, "CODIGO_UNICO,NOMBRE_INVERSION,UBIGEO,COSTO_ACTUALIZADO,PIM_ANIO_ACTUAL,"
                + "DEV_ANIO_ACTUAL,DEVEN_ACUMUL_ANIO_ANT,AVANCE_FISICO\n"
                + cui + ",PUESTO DE SALUD CHETILLA,060103,1000000,500000,100000,300000,35\n");
        assertThat(pe.gob.regioncajamarca.participa.investments.NationalFiles.imported(imports, file, 1).status())
                .isEqualTo(NationalImports.Status.TERMINADA);
    }

    private static Map<String, Object> report(double accruedToDate, String reason) {
        Map<String, Object> v = new HashMap<>();
        v.put("avanceFisico", 35);
        v.put("estadoEjecucion", "EN_EJECUCION");
        v.put("ejecucionFinanciera", accruedToDate);
        v.put("devengadoAnio", 100000);
        v.put("pim", 500000);
        v.put("costoActualizado", 1000000);
        if (reason != null) {
            v.put("motivoDiferenciaMef", reason);
        }
        return v;
    }

    @Test
    void aUnitReporting80PerCentWhileTheNationalFigureSays40RaisesTheAlertAndMustSayWhy() throws Exception {
        int year = sharedFormalisedCycle();
        cui = String.valueOf(3_980_000 + unique() % 10_000);
        prioritisedProject(year, cui, "Puesto de salud Chetilla", 1_000_000, "Salud");
        importNational(cui);

        clockAt(LocalDate.of(2471, 10, 2));
        String pid = runtime.createMessageCorrelation(MonitoringRounds.START_MESSAGE).correlateStartMessage().getId();
        executeDueJobs(pid);
        String quarter = "2471-Q3";
        Task task = reportTasks(pid).list()
                .stream().filter(t -> cui.equals(tasks.getVariable(t.getId(), "cui"))).findFirst().orElseThrow();
        // the form shows the national figures and starts from them
        assertThat((String) tasks.getVariable(task.getId(), "mefFuente")).startsWith("Banco de Inversiones del MEF");
        assertThat((String) tasks.getVariable(task.getId(), "mefCifras")).contains("devengado acumulado: S/ 400,000.00");
        assertThat(tasks.getVariable(task.getId(), "ejecucionFinanciera")).isEqualTo(400000.0);

        // 800,000 (80 %) where the national system says 400,000 (40 %): refused without a reason, nothing stored
        assertThatThrownBy(() -> tasks.complete(task.getId(), report(800000, null)))
                .hasMessageContaining("Sus cifras difieren de las del Banco de Inversiones del MEF en: devengado "
                        + "acumulado (MEF: S/ 400,000.00)");
        long projectId = jdbc.sql("SELECT id FROM project WHERE cycle_year = ? AND cui = ?").params(year, cui)
                .query(Long.class).single();
        assertThat(jdbc.sql("SELECT status FROM monitoring_report WHERE quarter = ? AND project_id = ?")
                .params(quarter, projectId).query(String.class).single()).isEqualTo("PENDIENTE");

        tasks.complete(task.getId(), report(800000, "El MEF no registra aún las valorizaciones de agosto y septiembre."));
        assertThat(jdbc.sql("SELECT national_note FROM monitoring_report WHERE quarter = ? AND project_id = ?")
                .params(quarter, projectId).query(String.class).single()).startsWith("El MEF no registra");

        Map<String, Object> input = alerts.inputOf(quarter, projectId);
        assertThat(input).containsEntry("diferenciaMef", 40.0).containsEntry("umbralMef", 20.0);
        alerts.evaluate(quarter);
        assertThat(alerts.ofProject(year, cui)).filteredOn(a -> a.quarter().equals(quarter))
                .extracting(MonitoringAlerts.Alert::code).contains("DIFIERE_MEF");

        // the round's report beside the national figure, with its date: page and PDF
        pe.gob.regioncajamarca.participa.testsupport.Http http = new pe.gob.regioncajamarca.participa.testsupport.Http(port);
        assertThat(http.get("/seguimiento/" + quarter).body()).contains("Según el MEF", "S/ 400,000.00 (");
        byte[] pdf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        http.uri("/seguimiento/" + quarter + "/informe.pdf")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("según el MEF", "S/ 400,000.00 (");
        }

        // the planning office's threshold: at 50 points the same difference raises nothing
        jdbc.sql("DELETE FROM monitoring_alert WHERE quarter = ? AND project_id = ?").params(quarter, projectId).update();
        settings.changeThreshold(new BigDecimal("50"), "planner");
        alerts.evaluate(quarter);
        assertThat(alerts.ofProject(year, cui)).filteredOn(a -> a.quarter().equals(quarter))
                .extracting(MonitoringAlerts.Alert::code).doesNotContain("DIFIERE_MEF");
        assertThatThrownBy(() -> settings.changeThreshold(new BigDecimal("120"), "planner"))
                .hasMessageContaining("entre 0 y 100");
    }
}
