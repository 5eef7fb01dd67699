package pe.gob.regioncajamarca.participa.staffexperience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import pe.gob.regioncajamarca.participa.ParticipaApplication;
import pe.gob.regioncajamarca.participa.testsupport.WebDriver;

/**
 * The staff's daily work in the real Tasklist, in a real Chromium, on the demo data (profile demo, its own
 * application on an in-memory H2, the job executor running as in production):
 * <ul>
 * <li>{@code unit.sede} logs in to a Spanish Tasklist, sees its unit's filters (and no other office's), finds its
 * tasks ordered by due date (the overdue one first), claims a quarterly progress report, is stopped first by the
 * form's own validation (in Spanish) and then by the server's rule (accrued this year above the year's PIM),
 * corrects both and completes it: the report is stored for the quarter that has just ended, with accrued to date above
 * the year's PIM (a multi-year project);</li>
 * <li>one of the unit's reports is made overdue (its due date and its deadline timer moved back, as if the
 * ten business days had passed): the job executor fires the escalation, and {@code manager} finds it in
 * Tasklist's "Vencidas" filter and on the deadlines page per unit;</li>
 * <li>{@code planner} sees the office's work and Cockpit the processes with their business keys.</li>
 * </ul>
 * Screenshots go to target/staff-screenshots (copied to docs/img/staff for docs/staff-guide.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TasklistBrowserIT {

    static final Path SHOTS = Path.of("target", "staff-screenshots");
    static final String UNIT_GROUP = "unit-sede-central";
    /** The engine's name (the webapps' addresses carry it): not "default", which the shared test context uses. */
    static final String ENGINE = "tasklistbrowser";

    static ConfigurableApplicationContext app;
    static String base;
    static List<String> overdueCuis = new ArrayList<>();
    static List<String> overdueTasks = new ArrayList<>();
    static String onTimeTask;
    static String onTimeCui;

    @BeforeAll
    static void start() throws Exception {
        assumeFalse("postgres".equals(System.getProperty("participa.test.db")), "runs once, in the H2 pass");
        assumeTrue(WebDriver.available(), "no chromium/chromedriver on this machine (.ci/run installs them)");
        app = new SpringApplicationBuilder(ParticipaApplication.class).profiles("demo").run(
                "--spring.datasource.url=jdbc:h2:mem:tasklist-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "--server.port=0", "--participa.demo.mail-sink.port=3027", "--spring.mail.port=3027",
                "--camunda.bpm.process-engine-name=" + ENGINE,
                "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000",
                "--logging.level.root=warn");
        base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        makeOneReportOverdue();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** One of the unit's open reports: due date two days ago, deadline timer due now (the executor fires it). */
    static void makeOneReportOverdue() throws Exception {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        TaskService tasks = engine.getTaskService();
        ManagementService management = engine.getManagementService();
        List<Task> open = List.of();
        for (int i = 0; i < 600 && open.size() < 2; i++) { // the round opens through the job executor
            Thread.sleep(100);
            open = tasks.createTaskQuery().taskCandidateGroup(UNIT_GROUP).taskDefinitionKey("Task_ReportProgress")
                    .orderByTaskId().asc().list();
        }
        assertThat(open).as("the demo's monitoring round has reports of unit.sede").hasSizeGreaterThanOrEqualTo(2);
        Date twoDaysAgo = new Date(System.currentTimeMillis() - 2 * 24 * 3600 * 1000L);
        for (Task t : open.subList(0, 1)) {
            tasks.setDueDate(t.getId(), twoDaysAgo);
            overdueCuis.add((String) tasks.getVariable(t.getId(), "cui"));
            overdueTasks.add(t.getId());
            // the task's deadline timer: attached to the task's scope (its execution or that execution's parent)
            String parent = ((org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity) engine.getRuntimeService()
                    .createExecutionQuery().executionId(t.getExecutionId()).singleResult()).getParentId();
            Job timer = management.createJobQuery().activityId("Timer_ReportProgressOverdue")
                    .processInstanceId(t.getProcessInstanceId()).list().stream()
                    .filter(j -> j.getExecutionId().equals(t.getExecutionId()) || j.getExecutionId().equals(parent))
                    .findFirst().orElse(null);
            assertThat(timer).as("the deadline timer of " + t.getId()).isNotNull();
            management.setJobDuedate(timer.getId(), new Date(System.currentTimeMillis() - 60_000));
        }
        onTimeTask = open.get(1).getId();
        onTimeCui = (String) tasks.getVariable(onTimeTask, "cui");
        // the job executor escalates them: regional management becomes a candidate of each
        Set<String> ids = open.subList(0, 1).stream().map(Task::getId).collect(Collectors.toSet());
        for (int i = 0; i < 300; i++) {
            long escalated = ids.stream().filter(id -> tasks.getIdentityLinksForTask(id).stream()
                    .map(IdentityLink::getGroupId).anyMatch("regional-management"::equals)).count();
            if (escalated == 1) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the escalation timers did not fire");
    }

    static void tasklistLogin(WebDriver browser, String user) throws Exception {
        boolean in = browser.camundaLogin(base + "/camunda/app/tasklist/" + ENGINE + "/", user, "demo", "Mis tareas");
        if (!in) {
            shot(browser, "error-login-" + user);
        }
        assertThat(in).as("the filters of " + user).isTrue();
    }

    static void openFilter(WebDriver browser, String filter) throws Exception {
        browser.click(browser.findXpath("//*[contains(@class,'task-filters')]//*[normalize-space(text())='" + filter + "']"));
        Thread.sleep(1500); // the list reloads (no element tells when it is done; the next step waits for its own)
    }

    static List<String> listedTasks(WebDriver browser) throws Exception {
        JsonNode items = browser.execute(
                "return [...document.querySelectorAll('.tasks-list > li')].map(li => li.innerText + '\\n'"
                        + " + [...li.querySelectorAll('a')].map(a => a.getAttribute('href')).join(' '));");
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.asText()));
        return out;
    }

    static void shot(WebDriver browser, String name) throws Exception {
        browser.screenshot(SHOTS.resolve(name + ".png"));
    }

    @Test
    @Order(1)
    @pe.gob.regioncajamarca.participa.testsupport.Journey(process = "quarterly-progress-report",
            task = "Task_ReportProgress")
    void anExecutingUnitReportsQuarterlyProgressInASpanishTasklist() throws Exception {
        try (WebDriver browser = WebDriver.start()) {
            browser.resize(1366, 900);
            browser.open(base + "/camunda/app/tasklist/" + ENGINE + "/");
            browser.find("input[ng-model='username']");
            assertThat(browser.waitForText("Iniciar sesión")).isTrue();
            shot(browser, "01-tasklist-ingreso");
            tasklistLogin(browser, "unit.sede");

            // its unit's filters, not other offices'
            String page = browser.source();
            assertThat(page).contains("Mis tareas", "Tareas de mi unidad", "Por vencer (3 días hábiles)", "Vencidas")
                    .doesNotContain("Tareas de mi oficina");
            openFilter(browser, "Tareas de mi unidad");
            assertThat(browser.waitForText("Reportar avance trimestral")).isTrue();
            // ordered by due date: an overdue report comes first
            assertThat(browser.url()).contains("sorting=").contains("dueDate");
            assertThat(browser.waitForText(overdueCuis.get(0))).as("the list shows the variables (loaded after)").isTrue();
            List<String> listed = listedTasks(browser);
            assertThat(listed).isNotEmpty();
            assertThat(listed.get(0)).as("the overdue report first").contains(overdueTasks.get(0));
            assertThat(listed.get(0)).as("the project's CUI shown in the list").contains(overdueCuis.get(0));
            shot(browser, "02-tasklist-unidad-filtro");

            // open the report that is not overdue, claim it
            String cui = onTimeCui;
            int index = -1;
            for (int i = 0; i < listed.size(); i++) {
                if (listed.get(i).contains(onTimeTask)) {
                    index = i;
                }
            }
            assertThat(index).as("the other report is listed: " + listed).isNotNegative();
            browser.click(browser.findXpath("(//ol[contains(@class,'tasks-list')]/li)[" + (index + 1) + "]//a[contains(@href,'"
                    + onTimeTask + "')]"));
            assertThat(browser.waitForText("Avance del proyecto " + cui)).isTrue();
            // the demo's round reports the quarter that has just ended, and the form says which months it covers
            pe.gob.regioncajamarca.participa.monitoring.Quarter reported = pe.gob.regioncajamarca.participa.monitoring
                    .Quarter.reportedBy(java.time.LocalDate.now(pe.gob.regioncajamarca.participa.calendar.DueDates.LIMA));
            assertThat(browser.waitForText("trimestre " + reported + " (" + reported.months() + ")")).isTrue();
            browser.click(browser.findXpath("//button[contains(normalize-space(.),'Reclamar')]"));
            // the application's embedded form (static/forms/reportar-avance.html): its inputs by id
            String progress = browser.find("input#avanceFisico:not([disabled])");
            assertThat(browser.waitForText("Liberar")).as("claimed: the task offers to unclaim").isTrue();
            shot(browser, "03-tasklist-formulario-avance");

            // 1. the form's own validation, in Spanish: progress above 100 %
            browser.type(progress, "150");
            // the money as the unit knows it: accrued to date since the project began (all its years), accrued this
            // year, this year's PIM and the updated total cost (filled in from the project's cost: changed here)
            browser.type(browser.find("input#ejecucionFinanciera"), "250000");
            browser.type(browser.find("input#devengadoAnio"), "250000");
            browser.clear(browser.find("input#pim"));
            browser.type(browser.find("input#pim"), "200000");
            browser.clear(browser.find("input#costoActualizado"));
            browser.type(browser.find("input#costoActualizado"), "5000000");
            browser.click(browser.findXpath("//select[@id='estadoEjecucion']/option[@value='EN_EJECUCION']"));
            browser.type(browser.find("textarea#dificultades"), "Lluvias de noviembre retrasaron el vaciado.");
            // a photo of the works, with its EXIF block (GPS location): chosen in the form's first file input
            Path photo = Path.of("target", "tasklist-obra.jpg").toAbsolutePath();
            java.nio.file.Files.createDirectories(photo.getParent());
            java.nio.file.Files.write(photo,
                    pe.gob.regioncajamarca.participa.monitoring.EvidenceMetadataTest.jpegWithExif());
            // chosen with the figures, before the two refusals: the file is still sent when the form is corrected
            browser.type(browser.find("input#evidencia1[type='file']"), photo.toString());
            browser.clickCentered(browser.findXpath("//button[normalize-space(.)='Completar']"));
            boolean shown = false;
            for (int i = 0; i < 50 && !shown; i++) {
                shown = browser.execute("var m = [...document.querySelectorAll('.help-block')].find(p => "
                        + "p.textContent.trim() === 'El valor máximo es 100.'); return !!m && m.offsetParent !== null;")
                        .asBoolean();
                Thread.sleep(100);
            }
            assertThat(shown).as("the form's validation in Spanish").isTrue();
            shot(browser, "04-tasklist-error-validacion");

            // 2. the server's rule: accrued this year above the year's PIM
            browser.clear(progress);
            browser.type(progress, "45");
            browser.clickCentered(browser.findXpath("//button[normalize-space(.)='Completar']"));
            assertThat(browser.waitForText("El devengado del año (S/ 250,000.00) no puede superar el PIM del año"))
                    .as("the server's message").isTrue();
            Thread.sleep(300); // the project's script trims the engine's error chain as the notice appears
            assertThat(browser.source()).as("the engine's chain is not shown").doesNotContain("ENGINE-03051");
            shot(browser, "05-tasklist-error-servidor");
            browser.execute("document.querySelectorAll('.notifications .close').forEach(b => b.click());");
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            String status = jdbc.sql("""
                    SELECT r.status FROM monitoring_report r JOIN project p ON p.id = r.project_id
                    WHERE p.cui = ? ORDER BY r.id DESC""").param(cui).query(String.class).list().get(0);
            assertThat(status).as("nothing stored while the form is refused").isEqualTo("PENDIENTE");

            // corrected: stored, with accrued to date (250,000) above this year's PIM (200,000): a multi-year project
            String spent = browser.find("input#devengadoAnio");
            browser.clear(spent);
            browser.type(spent, "150000");
            browser.clickCentered(browser.findXpath("//button[normalize-space(.)='Completar']"));
            String finalCui = cui;
            for (int i = 0; i < 300; i++) {
                if (jdbc.sql("""
                        SELECT COUNT(*) FROM monitoring_report r JOIN project p ON p.id = r.project_id
                        WHERE p.cui = ? AND r.status = 'REPORTADO' AND r.physical_progress = 45
                          AND r.financial_execution = 250000 AND r.accrued_year = 150000 AND r.current_budget = 200000
                          AND r.updated_cost = 5000000 AND r.reported_by = 'unit.sede' AND r.quarter = ?""")
                        .params(finalCui, reported.toString()).query(Integer.class).single() == 1) {
                    break;
                }
                Thread.sleep(100);
                assertThat(i).as("the report is stored").isLessThan(299);
            }
            // the task leaves the unit's list
            boolean gone = false;
            for (int i = 0; i < 100 && !gone; i++) {
                gone = listedTasks(browser).stream().noneMatch(t -> t.contains(onTimeTask));
                Thread.sleep(200);
            }
            assertThat(gone).as("the completed task leaves the list").isTrue();
            shot(browser, "06-tasklist-completada");
            // the photo went to the report's evidence only: the form sends it as a transient variable, which the
            // engine writes neither to its variables nor to its history
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM ACT_HI_VARINST v JOIN ACT_HI_PROCINST p ON p.ID_ = v.PROC_INST_ID_
                    WHERE v.NAME_ LIKE 'evidencia%' AND p.BUSINESS_KEY_ LIKE ?""")
                    .param(reported + "/%/" + cui).query(Long.class).single()).as("no photo in the engine's history")
                    .isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ LIKE ?")
                    .param(reported + "/%/" + cui).query(Long.class).single()).as("the report's instance").isOne();

            // the photo on the project's public page, without its EXIF block
            int year = jdbc.sql("SELECT cycle_year FROM project WHERE cui = ? ORDER BY cycle_year DESC")
                    .param(cui).query(Integer.class).list().get(0);
            Long evidenceId = jdbc.sql("""
                    SELECT e.id FROM monitoring_evidence e JOIN monitoring_report r ON r.id = e.report_id
                    JOIN project p ON p.id = r.project_id WHERE p.cui = ? AND e.content_type = 'image/jpeg'""")
                    .param(cui).query(Long.class).single();
            String photoUrl = "/proyectos/" + year + "/" + cui + "/evidencias/" + evidenceId;
            browser.open(base + "/proyectos/" + year + "/" + cui);
            String img = browser.find("img[src='" + photoUrl + "']");
            boolean loaded = false;
            for (int i = 0; i < 50 && !loaded; i++) {
                loaded = browser.execute("return arguments[0].complete && arguments[0].naturalWidth > 0;",
                        java.util.Map.of("element-6066-11e4-a52e-4f735466cecf", img)).asBoolean();
                Thread.sleep(100);
            }
            assertThat(loaded).as("the photo is shown on the public page").isTrue();
            shot(browser, "06b-ficha-publica-evidencia");
            byte[] published = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(base + photoUrl)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
            assertThat(pe.gob.regioncajamarca.participa.monitoring.EvidenceMetadataTest.contains(published, "Exif"))
                    .as("published without EXIF").isFalse();
            assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(published))).isNotNull();
        }
    }

    @Test
    @Order(2)
    void managementSeesTheOverdueTasksInTasklistAndPerUnit() throws Exception {
        try (WebDriver browser = WebDriver.start()) {
            browser.resize(1366, 900);
            tasklistLogin(browser, "manager");
            assertThat(browser.source()).contains("Tareas de mi oficina", "Vencidas").doesNotContain("Tareas de mi unidad");
            openFilter(browser, "Vencidas");
            assertThat(browser.waitForText("Reportar avance trimestral")).isTrue();
            List<String> listed = listedTasks(browser);
            for (String id : overdueTasks) {
                assertThat(listed).as("escalated and overdue: " + id).anyMatch(t -> t.contains(id));
            }
            shot(browser, "07-tasklist-gerencia-vencidas");

            // the deadlines page: overdue and soon-due tasks per office and executing unit, one click to the list
            browser.open(base + "/personal/login");
            browser.type(browser.find("input[name='username']"), "manager");
            browser.type(browser.find("input[name='password']"), "demo");
            browser.click(browser.find("form button[type='submit']"));
            browser.open(base + "/personal/plazos");
            assertThat(browser.waitForText("Sede Central del Gobierno Regional de Cajamarca")).isTrue();
            shot(browser, "08-plazos-por-unidad");
            browser.open(base + "/personal/plazos/" + UNIT_GROUP);
            for (String cui : overdueCuis) {
                assertThat(browser.waitForText(cui)).as("the unit's late tasks list " + cui).isTrue();
            }
            shot(browser, "09-plazos-unidad");

            // Cockpit: processes and their business keys
            browser.open(base + "/camunda/app/cockpit/" + ENGINE + "/#/processes");
            assertThat(browser.waitForText("quarterly-monitoring-round")
                    || browser.waitForText("Ronda de seguimiento")).isTrue();
            Thread.sleep(1500);
            shot(browser, "10-cockpit-procesos");
        }
    }

    @Test
    @Order(3)
    void thePlanningOfficeSeesItsOwnWork() throws Exception {
        try (WebDriver browser = WebDriver.start()) {
            browser.resize(1366, 900);
            tasklistLogin(browser, "planner");
            openFilter(browser, "Tareas de mi oficina");
            assertThat(browser.waitForText("Revisar acreditación")).isTrue();
            shot(browser, "11-tasklist-planeamiento");
            browser.clickCentered(browser.findXpath("//ol[contains(@class,'tasks-list')]/li//a[starts-with(normalize-space(.),'Revisar acreditación')]"));
            assertThat(browser.waitForText("Reclamar")).isTrue();
            Thread.sleep(1500);
            shot(browser, "12-tasklist-revisar-acreditacion");
        }
    }
}
