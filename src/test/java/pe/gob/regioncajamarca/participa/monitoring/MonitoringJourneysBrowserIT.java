package pe.gob.regioncajamarca.participa.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
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
 * The planning office consolidates a quarter's monitoring report in Tasklist (Chromium): its conclusions are
 * stored with the closed round, public on the round's page, and the oversight committee is mailed. (The units'
 * report is the journey of staffexperience.TasklistBrowserIT.)
 */
class MonitoringJourneysBrowserIT extends ProcessTest {

    @LocalServerPort int port;
    @Autowired MonitoringRounds rounds;
    @Autowired IdentityService identity;

    @Test
    @Journey(process = "quarterly-monitoring-round", task = "Task_ConsolidateReport")
    void thePlanningOfficeConsolidatesTheQuarterInTasklist() throws Exception {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        int year = sharedFormalisedCycle();
        String cui = String.valueOf(3500000 + unique());
        prioritisedProject(year, cui, "Mejoramiento del canal Chim Chim", 900000, "Agricultura");
        String member = "vigia" + unique();
        User u = identity.newUser(member);
        u.setFirstName("Vigía");
        u.setLastName("Comité");
        u.setEmail(member + "@example.pe");
        identity.saveUser(u);
        if (identity.createGroupQuery().groupId("oversight-committee").count() == 0) {
            var g = identity.newGroup("oversight-committee");
            g.setName("Comité de Vigilancia");
            identity.saveGroup(g);
        }
        identity.createMembership(member, "oversight-committee");

        String quarter = freeQuarter();
        String pid = rounds.startByHand(quarter);
        executeDueJobs(pid);
        for (Task t : reportTasks(pid).list()) {
            tasks.complete(t.getId(), Map.of("avanceFisico", 40, "ejecucionFinanciera", 300000, "devengadoAnio", 300000, "pim", 900000,
                    "estadoEjecucion", "EN_EJECUCION"));
        }
        executeDueJobs(pid);
        String consolidate = taskOf(pid, "Task_ConsolidateReport").getId();

        String planner = staffUser("planning");
        try (Tasklist tasklist = Tasklist.login(port, planner, "secreto-" + planner)) {
            tasklist.openAndClaim(consolidate, "Conclusiones y recomendaciones del informe")
                    .type("Conclusiones y recomendaciones del informe",
                            "Los proyectos avanzan según lo programado; vigilar el canal Chim Chim.")
                    .screenshot("journey-consolidar-informe")
                    .complete();
            assertThat(Tasklist.waitUntil(() -> tasks.createTaskQuery().taskId(consolidate).count() == 0)).isTrue();
        }
        executeDueJobs(pid);
        assertThat(jdbc.sql("SELECT status FROM monitoring_round WHERE quarter = ?").param(quarter)
                .query(String.class).single()).isEqualTo("CERRADA");
        assertThat(mailsTo(member + "@example.pe")).contains("Informe de seguimiento " + quarter);
        assertThat(new Http(port).get("/seguimiento/" + quarter).body())
                .contains("vigilar el canal Chim Chim");
        // the project's chart with its one quarter: a point with its value (issue 19)
        assertThat(new Http(port).get("/proyectos/" + year + "/" + cui).body())
                .contains("class=\"punto fisico\"", ">40 %<");

        // on a 360-px phone every column of the round's tables is on screen (issue 19: "%" and "Estado" were not)
        try (WebDriver phone = WebDriver.start()) {
            phone.resize(360, 800);
            phone.open("http://localhost:" + port + "/seguimiento/" + quarter);
            assertThat(phone.waitForText(cui)).isTrue();
            var offScreen = phone.execute("""
                    const w = document.documentElement.clientWidth;
                    return Array.from(document.querySelectorAll('table.apilable td'))
                      .filter(td => td.getBoundingClientRect().right > w + 1)
                      .map(td => (td.dataset.label || '?') + ': ' + td.textContent.trim());""");
            assertThat(offScreen.isEmpty()).as("cells beyond the screen: " + offScreen).isTrue();
            assertThat(phone.source()).contains("data-label=\"Estado\"", "data-label=\"%\"");
            phone.screenshot(java.nio.file.Path.of("target/screenshots/seguimiento-ronda-360.png"));
        }
    }

    /**
     * Issue 19: regional management sees in Cockpit which unit has not reported. Each report is its own instance of
     * "Reporte trimestral de avance de un proyecto", named by its business key (quarter / unit / CUI): the running
     * instances of that process are the reports still missing; each one's "Tareas de usuario" tab shows the task,
     * named after its project, with its candidate unit and due date.
     */
    @Test
    void managementSeesInCockpitTheRoundsOpenReportsByUnit() throws Exception {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        int year = sharedFormalisedCycle();
        String cui = String.valueOf(3600000 + unique());
        prioritisedProject(year, cui, "Puesto de salud Llacanora", 700000, "Salud");
        String quarter = freeQuarter();
        String pid = rounds.startByHand(quarter);
        executeDueJobs(pid);
        Task report = reportTasks(pid).list()
                .stream().filter(t -> t.getName().contains(cui)).findFirst().orElseThrow();
        assertThat(report.getName()).isEqualTo("Reportar avance trimestral · " + cui + " Puesto de salud Llacanora");
        String businessKey = quarter + "/" + TEST_UNIT_GROUP + "/" + cui;
        var reportInstance = runtime.createProcessInstanceQuery().processInstanceId(report.getProcessInstanceId())
                .singleResult();
        assertThat(reportInstance.getBusinessKey()).isEqualTo(businessKey);

        String manager = staffUser("regional-management");
        // the same REST calls as Cockpit: the quarter's open reports, then the open task of one, with due date and
        // candidate group
        var http = new Http(port);
        String missing = http.get("/engine-rest/process-instance?processDefinitionKey="
                + MonitoringService.REPORT_PROCESS_KEY + "&businessKeyLike=" + quarter + "%25", manager,
                "secreto-" + manager).body();
        assertThat(missing).contains(businessKey, reportInstance.getId());
        String listed = http.get("/engine-rest/task?processInstanceId=" + reportInstance.getId(), manager,
                "secreto-" + manager).body();
        assertThat(listed).contains(report.getId(), cui, "\"due\"");
        String groups = http.get("/engine-rest/task/" + report.getId() + "/identity-links", manager,
                "secreto-" + manager).body();
        assertThat(groups).contains(TEST_UNIT_GROUP);

        try (WebDriver browser = WebDriver.start()) {
            browser.resize(1366, 900);
            assertThat(browser.camundaLogin("http://localhost:" + port + "/camunda/app/cockpit/", manager,
                    "secreto-" + manager, "Procesos")).isTrue();
            // the process's running instances: one per report not yet filed, its business key saying which
            browser.open("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-definition/"
                    + reportInstance.getProcessDefinitionId() + "/runtime");
            assertThat(browser.waitForText(businessKey)).as("the missing report in Cockpit's list").isTrue();
            Thread.sleep(1000);
            browser.screenshot(java.nio.file.Path.of("target/screenshots/cockpit-ronda-reportes-pendientes.png"));
            assertThat(browser.source()).doesNotContain("No tiene permiso");
            browser.open("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-instance/"
                    + reportInstance.getId() + "/runtime?tab=user-tasks-tab");
            assertThat(browser.waitForText(report.getId())).as("the open report task in Cockpit's tab").isTrue();
            Thread.sleep(1000);
            browser.screenshot(java.nio.file.Path.of("target/screenshots/cockpit-ronda-tareas-de-usuario.png"));
            assertThat(browser.source()).doesNotContain("No tiene permiso");
        }
    }
}
