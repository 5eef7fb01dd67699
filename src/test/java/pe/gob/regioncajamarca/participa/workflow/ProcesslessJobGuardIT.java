package pe.gob.regioncajamarca.participa.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.identity.StaffGroups;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * The history cleanup job belongs to no process, so Camunda checks no authorization on it: without
 * {@link ProcesslessJobGuard} any staff user could suspend it, set its retries to 0, move its due date or run it.
 * Now only {@code camunda-admin} may, through the REST API and the Java API alike.
 */
class ProcesslessJobGuardIT extends ProcessTest {

    static final String ADMIN = "test-admin";
    static final String ADMIN_PASSWORD = "test-admin-secreto";

    @LocalServerPort int port;

    private HttpResponse<String> put(Http http, String path, String json, String user, String password) {
        return http.send(HttpRequest.newBuilder(http.uri(path)).PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).build());
    }

    private Job job(String id) {
        return management.createJobQuery().jobId(id).singleResult();
    }

    @Test
    void onlyAdministratorsOperateTheHistoryCleanupJob() {
        Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(true);
        String id = cleanup.getId();
        assertThat(cleanup.getProcessDefinitionKey()).isNull();
        Date due = job(id).getDuedate();
        int retries = job(id).getRetries();
        Http http = new Http(port);
        String planner = staffUser(StaffGroups.PLANNING);
        String password = "secreto-" + planner;
        try {
            var suspend = put(http, "/engine-rest/job/" + id + "/suspended", "{\"suspended\":true}", planner, password);
            assertThat(suspend.statusCode()).as(suspend.body()).isEqualTo(403);
            assertThat(suspend.body()).contains("solo el grupo camunda-admin");
            assertThat(job(id).isSuspended()).isFalse();

            assertThat(put(http, "/engine-rest/job/" + id + "/retries", "{\"retries\":0}", planner, password)
                    .statusCode()).isEqualTo(403);
            assertThat(put(http, "/engine-rest/job/" + id + "/duedate", "{\"duedate\":\"2099-01-01T00:00:00.000+0000\"}",
                    planner, password).statusCode()).isEqualTo(403);
            assertThat(put(http, "/engine-rest/job/" + id + "/priority", "{\"priority\":-100}", planner, password)
                    .statusCode()).isEqualTo(403);
            assertThat(http.postJson("/engine-rest/job/" + id + "/execute", "", planner, password).statusCode())
                    .isEqualTo(403);
            assertThat(http.send(HttpRequest.newBuilder(http.uri("/engine-rest/job/" + id)).DELETE()
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (planner + ":" + password).getBytes(StandardCharsets.UTF_8))).build()).statusCode())
                    .isEqualTo(403);
            Job after = job(id);
            assertThat(after).isNotNull();
            assertThat(after.isSuspended()).isFalse();
            assertThat(after.getRetries()).isEqualTo(retries);
            assertThat(after.getDuedate()).isEqualTo(due);

            // the Java API with a logged-in planner (as the webapps call it) is refused the same way
            engine.getIdentityService().setAuthentication(planner, java.util.List.of(StaffGroups.PLANNING));
            try {
                assertThatThrownBy(() -> management.suspendJobById(id)).isInstanceOf(AuthorizationException.class);
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
            assertThat(job(id).isSuspended()).isFalse();

            // an administrator may
            assertThat(put(http, "/engine-rest/job/" + id + "/suspended", "{\"suspended\":true}", ADMIN,
                    ADMIN_PASSWORD).statusCode()).isEqualTo(204);
            assertThat(job(id).isSuspended()).isTrue();
            assertThat(put(http, "/engine-rest/job/" + id + "/suspended", "{\"suspended\":false}", ADMIN,
                    ADMIN_PASSWORD).statusCode()).isEqualTo(204);
            assertThat(job(id).isSuspended()).isFalse();
        } finally {
            if (job(id) != null && job(id).isSuspended()) {
                management.activateJobById(id);
            }
        }
    }
}
