package pe.gob.regioncajamarca.participa.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.CycleStarter;
import pe.gob.regioncajamarca.participa.cycle.OpenCycleCommand;
import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.testsupport.Journey;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;
import pe.gob.regioncajamarca.participa.testsupport.WebDriver;

/**
 * Issue 19: the planning office completes "Cargar programa de inversiones" in Tasklist as a person does, in a real
 * Chromium: logs in, opens the task, claims it, chooses the file in the file input and presses Completar. A broken
 * file first: the task stays open with the list of bad rows and nothing is stored; then the good file: the
 * programme's 19 projects are stored and the task is done. (Before, Completar never enabled: the embedded form put
 * {@code required} and {@code ng-model} on the file input, which AngularJS never fills.)
 */
class FileTasksBrowserIT extends ProcessTest {

    @LocalServerPort int port;
    @Autowired CycleStarter starter;

    @Test
    @Journey(process = "participatory-budget-cycle", task = "Task_LoadInvestmentProgramme")
    @Journey(process = "participatory-budget-cycle", task = "Task_EvaluateProjects")
    void thePlanningOfficeLoadsTheInvestmentProgrammeThroughTasklist() throws Exception {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        String user = staffUser("planning");

        int year = freeYear();
        LocalDate today = plazos.today();
        Map<String, BigDecimal> split = new HashMap<>();
        Scopes.ALL.forEach(s -> split.put(s, BigDecimal.TEN));
        String pid = starter.start(new OpenCycleCommand(year, BigDecimal.valueOf(10L * Scopes.ALL.size()), 5, split,
                List.of(new Cycle.PhaseWindow(CyclePhase.INSCRIPCION, today.minusDays(1), today.plusDays(10)),
                        new Cycle.PhaseWindow(CyclePhase.IDEAS, today.plusDays(20), today.plusDays(30)),
                        new Cycle.PhaseWindow(CyclePhase.EVALUACION, today.plusDays(31), today.plusDays(40)),
                        new Cycle.PhaseWindow(CyclePhase.VOTACION, today.plusDays(41), today.plusDays(50)),
                        new Cycle.PhaseWindow(CyclePhase.FORMALIZACION, today.plusDays(51), today.plusDays(60)))));
        executeDueJobs(pid);
        String taskId = taskOf(pid, "Task_LoadInvestmentProgramme").getId();

        Path dir = Files.createDirectories(Path.of("target/journeys").toAbsolutePath());
        Path broken = dir.resolve("pmi-con-errores.csv");
        Files.writeString(broken, """
                cui;nombre;ambito;distritos;costo;funcion;unidad_ejecutora
                2610001;Mejoramiento del servicio educativo;CAJAMARCA;060108;2450000.00;Educación;educacion
                2610002;Instalación del servicio de agua;PROVINCIA_INVENTADA;060105;-5;Agricultura;agricultura
                """, StandardCharsets.UTF_8);
        Path good = Path.of("docs/ejemplos/pmi-ejemplo.csv").toAbsolutePath();

        try (WebDriver browser = WebDriver.start()) {
            assertThat(browser.camundaLogin("http://localhost:" + port + "/camunda/app/tasklist/", user,
                    "secreto-" + user, "Tareas de mi oficina")).isTrue();
            browser.open("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
            assertThat(browser.waitForText("Archivo del programa (CSV o XLSX)")).isTrue();
            browser.click(browser.findXpath("//button[contains(normalize-space(.),'Reclamar')]"));
            assertThat(browser.waitForText("Liberar")).as("claimed").isTrue();
            assertThat(completeEnabled(browser)).as("Completar waits for a file").isFalse();

            // a broken file: the list of bad rows, the task stays open, nothing stored
            String input = browser.find("input[type=file][cam-variable-name=programa]");
            browser.type(input, broken.toString());
            assertThat(browser.waitForText("Archivo elegido")).isTrue();
            assertThat(completeEnabled(browser)).as("Completar enabled once a file is chosen").isTrue();
            browser.screenshot(Path.of("target/screenshots/journey-cargar-programa-archivo.png"));
            browser.clickCentered(browser.findXpath("//button[normalize-space(.)='Completar']"));
            assertThat(browser.waitForText("PROVINCIA_INVENTADA")).as("the bad row is named").isTrue();
            browser.screenshot(Path.of("target/screenshots/journey-cargar-programa-errores.png"));
            assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the task stays open").isEqualTo(1);
            assertThat(projectsOf(year)).as("a rejected file stores nothing").isZero();
            browser.execute("document.querySelectorAll('.notifications .close').forEach(b => b.click());");

            // the good file: stored, the task done
            input = browser.find("input[type=file][cam-variable-name=programa]");
            browser.clear(input);
            browser.type(input, good.toString());
            browser.clickCentered(browser.findXpath("//button[normalize-space(.)='Completar']"));
            for (int i = 0; i < 300 && tasks.createTaskQuery().taskId(taskId).count() > 0; i++) {
                Thread.sleep(100);
            }
            browser.screenshot(Path.of("target/screenshots/journey-cargar-programa-completada.png"));
            assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("completed through Tasklist").isZero();
            assertThat(projectsOf(year)).as("the programme's projects stored").isEqualTo(19);
        }

        // the technical team scores a scope with its matrix (the evaluation window is weeks ahead: the token is
        // put on the task, one per scope with projects, as the timer would)
        runtime.createProcessInstanceModification(pid).startBeforeActivity("Task_EvaluateProjects#multiInstanceBody").execute();
        String evaluator = staffUser("technical-team");
        String scopeTask = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_EvaluateProjects")
                .list().stream().filter(t -> "CAJAMARCA".equals(tasks.getVariable(t.getId(), "ambito")))
                .findFirst().orElseThrow().getId();
        try (WebDriver browser = WebDriver.start()) {
            assertThat(browser.camundaLogin("http://localhost:" + port + "/camunda/app/tasklist/", evaluator,
                    "secreto-" + evaluator, "Tareas")).isTrue();
            browser.open("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + scopeTask);
            assertThat(browser.waitForText("Matriz de evaluación (CSV o XLSX)")).isTrue();
            browser.click(browser.findXpath("//button[contains(normalize-space(.),'Reclamar')]"));
            assertThat(browser.waitForText("Liberar")).as("claimed").isTrue();
            assertThat(completeEnabled(browser)).as("Completar waits for a file").isFalse();
            browser.type(browser.find("input[type=file][cam-variable-name=matrizEvaluacion]"),
                    Path.of("docs/ejemplos/evaluacion-CAJAMARCA.csv").toAbsolutePath().toString());
            assertThat(browser.waitForText("Archivo elegido")).isTrue();
            browser.screenshot(Path.of("target/screenshots/journey-evaluar-proyectos-archivo.png"));
            browser.clickCentered(browser.findXpath("//button[normalize-space(.)='Completar']"));
            for (int i = 0; i < 300 && tasks.createTaskQuery().taskId(scopeTask).count() > 0; i++) {
                Thread.sleep(100);
            }
            assertThat(tasks.createTaskQuery().taskId(scopeTask).count()).as("completed through Tasklist").isZero();
        }
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM project WHERE cycle_year = ? AND scope = 'CAJAMARCA' AND technical_score IS NULL""")
                .param(year).query(Integer.class).single()).as("every CAJAMARCA project scored").isZero();
        assertThat(jdbc.sql("""
                SELECT technical_score FROM project WHERE cycle_year = ? AND cui = '2610002'""").param(year)
                .query(BigDecimal.class).single()).isEqualByComparingTo("88");
        runtime.deleteProcessInstance(pid, "fin del recorrido de prueba");
    }

    private int projectsOf(int year) {
        return jdbc.sql("SELECT COUNT(*) FROM project WHERE cycle_year = ?").param(year).query(Integer.class).single();
    }

    private static boolean completeEnabled(WebDriver browser) throws Exception {
        return browser.execute("var b = Array.from(document.querySelectorAll('button')).find("
                + "x => x.textContent.trim() === 'Completar'); return !!b && !b.disabled;").asBoolean();
    }
}
