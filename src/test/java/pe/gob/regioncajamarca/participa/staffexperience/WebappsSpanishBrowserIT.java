package pe.gob.regioncajamarca.participa.staffexperience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.complaints.ComplaintService;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;
import pe.gob.regioncajamarca.participa.testsupport.WebDriver;

/**
 * Issue 19: Cockpit, Tasklist and Admin speak Spanish to the last label. An administrator (camunda-admin) and a
 * regional-management user visit, in a real Chromium at 1366×768, the screens staff use: Cockpit's dashboard,
 * processes, a process definition (the budget cycle, whose diagram must be readable at the default zoom), a
 * process instance (variables, incidents, user tasks and jobs tabs), the decisions, a decision table
 * (plazo-atencion, drawn by dmn-js), a decision instance, the human tasks dashboard, batches and deployments;
 * Tasklist (the list and a task with a Camunda Form); Admin (users, groups, authorizations, system). The visible
 * text of each screen (document.body.innerText) must hold none of the English words of {@link #ENGLISH}.
 * Screenshots and the texts seen go to target/screenshots/.
 *
 * Allowed on purpose (not in the list): the products' names (Camunda, Cockpit, Tasklist, Admin), the engine's
 * identifiers shown as data (permission codes such as READ between brackets, type names such as String or
 * Integer of the variables, which are the values the REST API expects), and "DRD" (Decision Requirements
 * Diagram, the standard's name).
 */
class WebappsSpanishBrowserIT extends ProcessTest {

    static final Path SHOTS = Path.of("target", "screenshots");

    /** English words and phrases that must not be seen (whole words, case-sensitive). */
    static final List<String> ENGLISH = List.of("Hit policy", "Hit Policy", "When", "Then", "View DRD", "Actions",
            "Loading", "Add", "Delete", "Cancel", "Save", "Search", "Filter", "Dashboard", "Deployments", "Decisions",
            "Process Definitions", "Process Definition", "Process Instance", "Human Tasks", "does not have",
            "permission", "Permission", "Unique", "First", "Collect", "Rule Order", "Rule order", "Output Order",
            "Output order", "Any", "Priority", "Annotations", "Input", "Output", "Incidents", "Jobs", "Batches",
            "Users", "Groups", "Authorizations", "Running", "Suspended", "Download", "Upload", "Unauthorized",
            "Could not", "Unable to", "Message is null", "Select all", "The user with id", "Claim", "Assignee",
            "Due date", "Follow-up", "Business Key", "Show", "Hide", "Details", "Version", "Name", "Value", "Type",
            "Close", "Remove", "Edit", "Create", "Update", "Start", "Failed", "Retry", "Log out", "Sign out");

    @LocalServerPort int port;
    @Autowired ComplaintService complaints;

    ProcessInstance complaint;
    Task triage;

    @BeforeEach
    void data() {
        assumeFalse("postgres".equals(System.getProperty("participa.test.db")), "runs once, in the H2 pass");
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        String code = complaints.submit(new ComplaintService.Submission("RECLAMO", "Reclamo de prueba",
                "Una descripción suficientemente larga del reclamo.", null, false, "Ana Díaz Vera", null,
                "ana" + unique() + "@example.pe", null), null);
        complaint = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code)
                .processDefinitionKey("complaint-handling").singleResult();
        triage = taskOf(complaint.getId(), "Task_Triage");
        // an incident to see in the incidents tab (its message is the application's, in Spanish)
        runtime.createIncident("participa-prueba", triage.getExecutionId(), "prueba", "Falla de prueba del idioma");
    }

    @Test
    void anAdministratorSeesCockpitTasklistAndAdminInSpanish() throws Exception {
        String admin = staffUser("camunda-admin");
        Map<String, String> english = visitEverything(admin, "admin");
        assertThat(english).as("English seen by an administrator (screen: text around it)").isEmpty();
    }

    @Test
    void aRegionalManagerSeesCockpitTasklistAndAdminInSpanishEvenWhereAccessIsDenied() throws Exception {
        String manager = staffUser("regional-management");
        Map<String, String> english = visitEverything(manager, "gerencia");
        assertThat(english).as("English seen by regional management (screen: text around it)").isEmpty();
    }

    private Map<String, String> visitEverything(String user, String who) throws Exception {
        String base = "http://localhost:" + port + "/camunda/app/";
        ProcessDefinition cycleDefinition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("participatory-budget-cycle").latestVersion().singleResult();
        DecisionDefinition plazo = engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey("plazo-atencion").latestVersion().singleResult();
        HistoricDecisionInstance decision = engine.getHistoryService().createHistoricDecisionInstanceQuery()
                .processInstanceId(complaint.getId()).singleResult();
        Map<String, String> screens = new LinkedHashMap<>();
        String cockpit = base + "cockpit/default/#/";
        screens.put("cockpit-tablero", cockpit + "dashboard");
        screens.put("cockpit-procesos", cockpit + "processes");
        screens.put("cockpit-ciclo", cockpit + "process-definition/" + cycleDefinition.getId() + "/runtime");
        screens.put("cockpit-instancia-variables", cockpit + "process-instance/" + complaint.getId()
                + "/runtime?tab=variables-tab");
        screens.put("cockpit-instancia-incidentes", cockpit + "process-instance/" + complaint.getId()
                + "/runtime?tab=incidents-tab");
        screens.put("cockpit-instancia-tareas", cockpit + "process-instance/" + complaint.getId()
                + "/runtime?tab=user-tasks-tab");
        screens.put("cockpit-instancia-trabajos", cockpit + "process-instance/" + complaint.getId()
                + "/runtime?tab=jobs-tab");
        screens.put("cockpit-decisiones", cockpit + "decisions");
        screens.put("cockpit-decision-plazo", cockpit + "decision-definition/" + plazo.getId());
        if (decision != null) {
            screens.put("cockpit-decision-instancia", cockpit + "decision-instance/" + decision.getId());
        }
        screens.put("cockpit-tareas-humanas", cockpit + "tasks");
        screens.put("cockpit-lotes", cockpit + "batch");
        screens.put("cockpit-despliegues", cockpit + "repository");
        String tasklist = base + "tasklist/default/#/";
        screens.put("tasklist-lista", tasklist);
        screens.put("tasklist-tarea", tasklist + "?task=" + triage.getId());
        String adminApp = base + "admin/default/#/";
        screens.put("admin-usuarios", adminApp + "users");
        screens.put("admin-grupos", adminApp + "groups");
        screens.put("admin-autorizaciones", adminApp + "authorization?resource=0");
        screens.put("admin-sistema", adminApp + "system?section=system-settings-general");

        Map<String, String> english = new LinkedHashMap<>();
        try (WebDriver browser = WebDriver.start()) {
            browser.resize(1366, 768);
            boolean in = browser.camundaLogin(cockpit + "dashboard", user, "secreto-" + user, "Cerrar sesión");
            assertThat(in).as("logged in to Cockpit as " + user).isTrue();
            for (Map.Entry<String, String> s : screens.entrySet()) {
                String name = who + "-" + s.getKey();
                browser.open(s.getValue());
                String text = settle(browser);
                if (s.getKey().equals("cockpit-ciclo") && who.equals("admin")) {
                    browser.screenshot(SHOTS.resolve("cockpit-ciclo.png"));
                }
                browser.screenshot(SHOTS.resolve(name + ".png"));
                Files.writeString(SHOTS.resolve(name + ".txt"), text);
                english(text).forEach(e -> english.merge(name, e, (a, b) -> a + " | " + b));
            }
            if (who.equals("admin")) {
                // who chose English keeps dmn-js's own texts (and this scan would see them)
                browser.open(base + "cockpit/default/?lang=en#/decision-definition/" + plazo.getId());
                String text = settle(browser);
                browser.screenshot(SHOTS.resolve(who + "-cockpit-decision-plazo-en.png"));
                assertThat(english(text)).as("the English Cockpit, seen by the same scan")
                        .anySatisfy(e -> assertThat(e).startsWith("Hit policy"))
                        .anySatisfy(e -> assertThat(e).startsWith("When"));
                browser.open(base + "cockpit/default/?lang=es#/dashboard");
            }
        }
        return english;
    }

    /** The page's visible text once it stops changing (Cockpit loads in several requests). */
    static String settle(WebDriver browser) throws Exception {
        Thread.sleep(1000);
        String last = "";
        for (int i = 0; i < 40; i++) {
            String now = browser.execute("return document.body ? document.body.innerText : '';").asText();
            boolean loading = browser.execute("return !!document.querySelector('.loader, .animate-spin:not(.ng-hide)')"
                    + " && [...document.querySelectorAll('.loader, .animate-spin')].some(e => e.offsetParent);")
                    .asBoolean();
            if (now.equals(last) && !loading && !now.isBlank()) {
                return now;
            }
            last = now;
            Thread.sleep(500);
        }
        return last;
    }

    /** Each English word or phrase found, with the line it is on. */
    static List<String> english(String text) {
        List<String> found = new ArrayList<>();
        for (String word : ENGLISH) {
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}_-])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}_-])")
                    .matcher(text);
            if (m.find()) {
                int from = text.lastIndexOf('\n', m.start()) + 1;
                int to = text.indexOf('\n', m.end());
                found.add(word + ": «" + text.substring(from, to < 0 ? text.length() : to).strip() + "»");
            }
        }
        return found;
    }
}
