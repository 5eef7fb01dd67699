package pe.gob.regioncajamarca.participa.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Issue 20: a report of wrongdoing (denuncia) runs in {@code wrongdoing-report}, a process only the integrity
 * office may read, and no decision is evaluated for it. A denuncia is submitted through {@link ComplaintService},
 * its task claimed by the integrity office over the REST API (a user operation log entry), its timers written to
 * the job log, and an incident raised on it; then a planner and a regional manager ask every endpoint of
 * {@code /engine-rest} and of Cockpit's own API that lists instances, tasks, variables, decisions, incidents, jobs
 * and the operation log, and no answer mentions the report's process instance, its tracking code, its subject, the
 * kind {@code DENUNCIA} or the key {@code wrongdoing-report}. The integrity office sees the task and the instance,
 * and the planner and the manager do see a complaint (complaint-handling) in the same places (issue 19).
 */
class WrongdoingIsolationIT extends ProcessTest {

    @LocalServerPort int port;
    @Autowired ComplaintService complaints;

    /** Every list of /engine-rest that could name a process instance; each is asked as it is, unfiltered. */
    static final List<String> ENGINE_LISTS = List.of(
            "/engine-rest/history/decision-instance?includeInputs=true&includeOutputs=true&maxResults=2000",
            "/engine-rest/history/process-instance?maxResults=2000",
            "/engine-rest/process-instance?maxResults=2000",
            "/engine-rest/execution?maxResults=2000",
            "/engine-rest/task?maxResults=2000",
            "/engine-rest/history/task?maxResults=2000",
            "/engine-rest/history/activity-instance?maxResults=2000",
            "/engine-rest/incident",
            "/engine-rest/history/incident",
            "/engine-rest/job?maxResults=2000",
            "/engine-rest/history/job-log?maxResults=2000",
            "/engine-rest/history/user-operation?maxResults=2000",
            "/engine-rest/variable-instance?maxResults=2000",
            "/engine-rest/history/variable-instance?maxResults=2000",
            "/engine-rest/history/detail?maxResults=2000",
            "/engine-rest/history/identity-link-log?maxResults=2000",
            "/engine-rest/process-definition",
            "/engine-rest/process-definition/statistics?incidents=true",
            "/engine-rest/history/process-definition/cleanable-process-instance-report",
            "/engine-rest/history/task/report?reportType=count&groupBy=processDefinition",
            "/engine-rest/decision-definition");

    @Test
    void noOtherGroupLearnsThatAReportOfWrongdoingExists() {
        String subject = "Cobro indebido " + unique();
        String code = complaints.submit(new ComplaintService.Submission("DENUNCIA", subject,
                "El residente de la obra cobra a los vecinos por emplearlos en la obra.", null, false,
                "Pedro Cerna Vásquez", "42345678", "pedro" + unique() + "@example.pe", null), null);
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult();
        String definition = pi.getProcessDefinitionId();
        assertThat(engine.getRepositoryService().getProcessDefinition(definition).getKey()).isEqualTo("wrongdoing-report");
        Task task = taskOf(pi.getId(), "Task_HandleReport");

        String complaintSubject = "Obra paralizada " + unique();
        String complaint = complaints.submit(new ComplaintService.Submission("RECLAMO", complaintSubject,
                "La obra del puesto de salud está paralizada desde hace dos meses.", null, false, "Julia Chávez Cerna",
                null, "julia" + unique() + "@example.pe", null), null);
        String complaintPi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(complaint).singleResult()
                .getId();

        String integrity = staffUser("integrity-office");
        String planner = staffUser("planning");
        String manager = staffUser("regional-management");
        String admin = staffUser("camunda-admin");
        Http http = new Http(port);

        // the integrity office works on it: a claim (user operation log), and an incident on the report
        assertThat(http.postJson("/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"" + integrity + "\"}",
                integrity, pw(integrity)).statusCode()).isEqualTo(204);
        Incident incident = runtime.createIncident("prueba-aislamiento", task.getExecutionId(), "DENUNCIA " + code,
                "Fallo de prueba en la denuncia " + code);
        try {
            // no decision was ever evaluated for it: even the administrator, who may read every decision, finds none
            assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(pi.getId())
                    .count()).isZero();
            var adminDecisions = http.get("/engine-rest/history/decision-instance?processInstanceId=" + pi.getId(),
                    admin, pw(admin));
            assertThat(adminDecisions.statusCode()).isEqualTo(200);
            assertThat(adminDecisions.body()).isEqualTo("[]");
            assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery()
                    .processInstanceId(complaintPi).count()).as("the complaint's legal term comes from plazo-atencion")
                    .isEqualTo(1);

            List<String> secrets = List.of(pi.getId(), code, subject, task.getId(), definition, "DENUNCIA",
                    "wrongdoing-report", "Atender denuncia", "Atención de denuncia");
            List<String> leaks = new ArrayList<>();
            for (String[] who : new String[][] {{"planning", planner}, {"regional-management", manager}}) {
                String user = who[1];
                for (String path : ENGINE_LISTS) {
                    var r = http.get(path, user, pw(user));
                    assertThat(r.statusCode()).as(path + " as " + who[0]).isIn(200, 403);
                    secrets.stream().filter(r.body()::contains)
                            .forEach(s -> leaks.add(who[0] + " " + path + " mentions " + s));
                }
                // asked by id, the report is not there either
                for (String path : List.of("/engine-rest/process-instance/" + pi.getId(),
                        "/engine-rest/history/process-instance/" + pi.getId(), "/engine-rest/task/" + task.getId(),
                        "/engine-rest/process-definition/" + definition, "/engine-rest/process-definition/key/wrongdoing-report",
                        "/engine-rest/process-instance/" + pi.getId() + "/variables",
                        "/engine-rest/history/variable-instance?processInstanceId=" + pi.getId(),
                        "/engine-rest/history/job-log?processInstanceId=" + pi.getId(),
                        "/engine-rest/history/user-operation?processInstanceId=" + pi.getId(),
                        "/engine-rest/incident?processInstanceId=" + pi.getId(),
                        "/engine-rest/history/incident?processInstanceId=" + pi.getId())) {
                    var r = http.get(path, user, pw(user));
                    assertThat(r.statusCode()).as(path + " as " + who[0]).isIn(200, 403, 404);
                    if (r.statusCode() == 200) {
                        assertThat(r.body()).as(path + " as " + who[0]).isIn("[]", "{\"count\":0}");
                    }
                }
                // Cockpit's own API, as Cockpit's dashboard and process pages ask it (a webapp session)
                Http cockpit = cockpitSession(user);
                Map<String, String> cockpitGets = new LinkedHashMap<>();
                cockpitGets.put("statistics", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics");
                cockpitGets.put("statistics-count",
                        "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count");
                cockpitGets.put("incidents", "/camunda/api/cockpit/plugin/base/default/incident?processInstanceIdIn="
                        + pi.getId());
                cockpitGets.put("engine statistics",
                        "/camunda/api/engine/engine/default/process-definition/statistics?rootIncidents=true");
                cockpitGets.put("engine history", "/camunda/api/engine/engine/default/history/process-instance");
                cockpitGets.put("engine decisions", "/camunda/api/engine/engine/default/history/decision-instance"
                        + "?includeInputs=true");
                cockpitGets.forEach((name, path) -> {
                    var r = cockpit.get(path);
                    assertThat(r.statusCode()).as(name + " as " + who[0]).isEqualTo(200);
                    secrets.stream().filter(r.body()::contains)
                            .forEach(s -> leaks.add(who[0] + " Cockpit " + name + " mentions " + s));
                });
                var instances = cockpit.get("/camunda/api/cockpit/plugin/base/default/process-instance"
                        + "?processDefinitionId=" + definition);
                assertThat(instances.statusCode()).as("Cockpit's instances as " + who[0]).isEqualTo(200);
                assertThat(instances.body()).as("Cockpit's instances as " + who[0]).isEqualTo("[]");

                // a complaint, by contrast, is theirs to watch (issue 19)
                assertThat(http.get("/engine-rest/process-instance?businessKey=" + complaint, user, pw(user)).body())
                        .as("the complaint's instance as " + who[0]).contains(complaintPi);
                assertThat(http.get("/engine-rest/history/process-instance?processInstanceId=" + complaintPi, user,
                        pw(user)).body()).as("the complaint's history as " + who[0]).contains(complaintPi);
                assertThat(cockpit.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics")
                        .body()).as("Cockpit's dashboard as " + who[0]).contains("complaint-handling");
            }
            assertThat(leaks).as("answers to planning or regional management that reveal the report").isEmpty();

            // the integrity office sees its task, the instance, its history and the definition
            assertThat(http.get("/engine-rest/task?processInstanceId=" + pi.getId(), integrity, pw(integrity)).body())
                    .contains(task.getId());
            assertThat(http.get("/engine-rest/process-instance?processInstanceIds=" + pi.getId(), integrity,
                    pw(integrity)).body()).contains(pi.getId());
            assertThat(http.get("/engine-rest/history/process-instance?processInstanceId=" + pi.getId(), integrity,
                    pw(integrity)).body()).contains(pi.getId());
            assertThat(http.get("/engine-rest/history/user-operation?processInstanceId=" + pi.getId(), integrity,
                    pw(integrity)).body()).contains("Claim");
            assertThat(http.get("/engine-rest/process-definition?key=wrongdoing-report", integrity, pw(integrity))
                    .body()).contains("Atención de denuncia");
            // and not the complaints of the other offices
            assertThat(http.get("/engine-rest/process-instance?businessKey=" + complaint, integrity, pw(integrity))
                    .body()).isEqualTo("[]");
        } finally {
            runtime.resolveIncident(incident.getId());
        }
    }

    private static String pw(String user) {
        return "secreto-" + user;
    }

    /** A Cockpit session of {@code user}, logged in the way the webapp logs in. */
    private Http cockpitSession(String user) {
        Http cockpit = new Http(port);
        HttpResponse<String> login = cockpit.webappLogin("cockpit", user, pw(user));
        assertThat(login.statusCode()).as("Cockpit login of " + user + ": " + login.body()).isEqualTo(200);
        return cockpit;
    }
}
