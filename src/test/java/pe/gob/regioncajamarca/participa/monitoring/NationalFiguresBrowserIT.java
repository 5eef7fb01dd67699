package pe.gob.regioncajamarca.participa.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.investments.NationalImports;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;
import pe.gob.regioncajamarca.participa.testsupport.Tasklist;
import pe.gob.regioncajamarca.participa.testsupport.WebDriver;

/**
 * Issue 23, as an executing unit does it in Chromium: its progress form shows what the national investment system
 * says of the project and starts from it; reporting another accrued amount without a reason is refused in Tasklist
 * (Spanish, nothing stored), with the reason it is stored and shown beside the national figure.
 */
class NationalFiguresBrowserIT extends ProcessTest {

    /** A real executing unit (its group may use Tasklist). */
    static final String UNIT = "salud";

    @LocalServerPort int port;
    @Autowired NationalImports imports;
    @Autowired MonitoringRounds rounds;

    private String cui;

    @AfterEach
    void concludeMyProject() {
        if (cui != null) {
            jdbc.sql("UPDATE project SET execution_status = 'CONCLUIDO' WHERE cui = ?").param(cui).update();
        }
    }

    @Test
    void theUnitSeesTheNationalFiguresAndExplainsWhyItsOwnDiffer() throws Exception {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        int year = sharedFormalisedCycle();
        cui = String.valueOf(3_990_000 + unique() % 10_000);
        prioritisedProject(year, cui, "Puesto de salud Chetilla", 1_000_000, "Salud");
        jdbc.sql("UPDATE project SET executing_unit = ? WHERE cycle_year = ? AND cui = ?").params(UNIT, year, cui)
                .update();
        Path file = Files.createTempFile("mef-", ".csv");
        Files.writeString(file, "CODIGO_UNICO,NOMBRE_INVERSION,UBIGEO,COSTO_ACTUALIZADO,PIM_ANIO_ACTUAL,"
                + "DEV_ANIO_ACTUAL,DEVEN_ACUMUL_ANIO_ANT\n" + cui + ",PUESTO DE SALUD CHETILLA,060103,1000000,500000,"
                + "100000,300000\n");
        assertThat(pe.gob.regioncajamarca.participa.investments.NationalFiles.imported(imports, file, 1).status())
                .isEqualTo(NationalImports.Status.TERMINADA);

        String quarter = freeQuarter();
        String pid = rounds.startByHand(quarter);
        executeDueJobs(pid);
        Task task = reportTasks(pid).list()
                .stream().filter(t -> cui.equals(tasks.getVariable(t.getId(), "cui"))).findFirst().orElseThrow();
        String unitUser = staffUser("unit-" + UNIT);
        try (Tasklist tasklist = Tasklist.login(port, unitUser, "secreto-" + unitUser)) {
            WebDriver browser = tasklist.browser();
            tasklist.openAndClaim(task.getId(), "Avance del proyecto " + cui);
            assertThat(browser.waitForText("Banco de Inversiones del MEF, importado el")).isTrue();
            assertThat(browser.waitForText("devengado acumulado: S/ 400,000.00")).isTrue();
            String accrued = browser.find("input#ejecucionFinanciera:not([disabled])");
            assertThat(browser.execute("return arguments[0].value;", java.util.Map.of(
                    "element-6066-11e4-a52e-4f735466cecf", accrued)).asText()).as("started from the MEF's figure")
                    .isEqualTo("400000");
            browser.type(browser.find("input#avanceFisico"), "35");
            browser.clear(accrued);
            browser.type(accrued, "800000");
            browser.type(browser.find("input#devengadoAnio"), "100000");
            browser.type(browser.find("input#pim"), "500000");
            browser.click(browser.findXpath("//select[@id='estadoEjecucion']/option[@value='EN_EJECUCION']"));
            tasklist.screenshot("journey-reportar-avance-cifras-mef");
            tasklist.complete();
            assertThat(browser.waitForText("Sus cifras difieren de las del Banco de Inversiones del MEF"))
                    .as("refused without a reason, in Spanish").isTrue();
            assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("nothing stored").isOne();

            browser.execute("document.querySelectorAll('.notifications .close').forEach(b => b.click());");
            browser.type(browser.find("textarea#motivoDiferenciaMef"),
                    "El MEF aún no registra las valorizaciones de agosto y septiembre.");
            tasklist.complete();
            assertThat(Tasklist.waitUntil(() -> tasks.createTaskQuery().taskId(task.getId()).count() == 0))
                    .as("completed").isTrue();
        }
        assertThat(jdbc.sql("SELECT r.national_note FROM monitoring_report r JOIN project p ON p.id = r.project_id "
                + "WHERE r.quarter = ? AND p.cui = ?").params(quarter, cui).query(String.class).single())
                .startsWith("El MEF aún no registra");
    }
}
