package pe.gob.regioncajamarca.participa.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.ParticipaIntegrationTest;

/**
 * defaultUserPermissionNameForTask = TASK_WORK: a candidate group may do what Tasklist needs (claim, load the
 * Camunda Form, submit it) but not hand the task to someone else or change its candidates (UPDATE would).
 */
@ParticipaIntegrationTest
class TaskWorkIT {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;

    private final String sfx = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void clear() {
        identityService.clearAuthentication();
    }

    @Test
    void aCandidateClaimsButCannotReassignOrAddCandidates() {
        String unit = "unit-w-" + sfx;
        Task task = taskService.newTask();
        task.setName("Responder reclamo " + sfx);
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), unit);

        identityService.setAuthentication("t-w-" + sfx, List.of(unit));
        taskService.claim(task.getId(), "t-w-" + sfx);
        assertThatThrownBy(() -> taskService.setAssignee(task.getId(), "otra-persona"))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> taskService.addCandidateGroup(task.getId(), "unit-otra"))
                .isInstanceOf(AuthorizationException.class);
        taskService.complete(task.getId());
    }

    @Test
    void aCandidateLoadsAndSubmitsTheCamundaFormOfItsTaskAsTasklistDoes() throws Exception {
        String unit = "unit-f-" + sfx;
        String user = "t-f-" + sfx;
        identityService.clearAuthentication();
        Group group = identityService.newGroup(unit);
        group.setName("Unidad F " + sfx);
        identityService.saveGroup(group);
        User u = identityService.newUser(user);
        u.setPassword("pf");
        identityService.saveUser(u);
        identityService.createMembership(user, unit);

        String key = "t-taskwork-" + sfx;
        String formId = "t-form-" + sfx;
        var model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Report").name("Reportar avance")
                .camundaCandidateGroups(unit).camundaFormRef(formId).camundaFormRefBinding("deployment")
                .endEvent().done();
        String form = "{\"id\":\"" + formId + "\",\"type\":\"default\",\"schemaVersion\":14,"
                + "\"components\":[{\"key\":\"avance\",\"label\":\"Avance\",\"type\":\"number\"}]}";
        String deploymentId = repositoryService.createDeployment().name(key)
                .addModelInstance(key + ".bpmn", model).addString(formId + ".form", form).deploy().getId();
        try {
            runtimeService.startProcessInstanceByKey(key, "CUI-" + sfx);
            String taskId = taskService.createTaskQuery().processDefinitionKey(key).singleResult().getId();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> deployedForm = http.send(HttpRequest.newBuilder(uri("/engine-rest/task/" + taskId
                    + "/deployed-form")).header("Authorization", basic(user, "pf")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(deployedForm.statusCode()).isEqualTo(200);
            assertThat(deployedForm.body()).contains(formId);
            HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(uri("/engine-rest/task/" + taskId
                    + "/submit-form")).header("Authorization", basic(user, "pf"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"variables\":{\"avance\":{\"value\":60,\"type\":\"Integer\"}}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(submitted.statusCode()).isIn(200, 204);
            assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
        } finally {
            repositoryService.deleteDeployment(deploymentId, true);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
