package pe.gob.regioncajamarca.participa.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ParticipaIntegrationTest;

/**
 * Who may see and complete which task, and who gets 401/403 where: the REST API, the per-task grants of
 * candidate groups (an executing unit sees its own tasks only; reports of wrongdoing stay with the integrity
 * office), the portal login with CSRF, and the separation of citizens from staff tools.
 */
@ParticipaIntegrationTest
class AuthorizationIT {

    static final AtomicInteger SEQ = new AtomicInteger();

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired FilterService filters;
    @Autowired CitizenAccounts citizens;
    Http http;
    String n;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        n = String.valueOf(SEQ.incrementAndGet()) + System.nanoTime() % 100000;
    }

    @AfterEach
    void clearAuthentication() {
        identity.clearAuthentication();
    }

    private String staff(String group) {
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            Group g = identity.newGroup(group);
            g.setName(group);
            identity.saveGroup(g);
        }
        String id = "t." + group + "." + n;
        User u = identity.newUser(id);
        u.setFirstName("Prueba");
        u.setLastName(group);
        u.setEmail(id + "@example.pe");
        u.setPassword("secreto-" + n);
        identity.saveUser(u);
        identity.createMembership(id, group);
        return id;
    }

    private String task(String name, String candidateGroup) {
        Task t = tasks.newTask();
        t.setName(name + " " + n);
        tasks.saveTask(t);
        tasks.addCandidateGroup(t.getId(), candidateGroup);
        return t.getId();
    }

    private boolean sees(String user, String taskId) {
        var r = http.get("/engine-rest/task?taskId=" + taskId, user, "secreto-" + n);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body().contains(taskId);
    }

    @Test
    void theContractGroupsExistWithTheirNames() {
        assertThat(identity.createGroupQuery().groupId("planning").singleResult().getName())
                .isEqualTo("Sub Gerencia de Planeamiento y CTI");
        assertThat(identity.createGroupQuery().groupId("unit-sede-central").singleResult().getName())
                .isEqualTo("Sede Central del Gobierno Regional de Cajamarca");
        for (String g : StaffGroups.NAMES.keySet()) {
            assertThat(identity.createGroupQuery().groupId(g).count()).as(g).isEqualTo(1);
        }
        // no demo users outside the demo profile
        assertThat(identity.createUserQuery().userId("planner").count()).isZero();
        assertThat(filters.createFilterQuery().filterName("Mis tareas").count()).isEqualTo(1);
    }

    @Test
    void theRestApiNeedsStaffCredentials() {
        assertThat(http.get("/engine-rest/task").statusCode()).isEqualTo(401);
        assertThat(http.get("/engine-rest/task").headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Basic"));
        String dni = "5" + String.format("%07d", Integer.parseInt(n) % 10_000_000);
        citizens.create("DNI", dni, "clave-" + n, "c" + n + "@example.pe", "Ana", "Díaz", null);
        assertThat(http.get("/engine-rest/task", dni, "clave-" + n).statusCode()).isEqualTo(401);
        String planner = staff("planning");
        assertThat(http.get("/engine-rest/task", planner, "secreto-" + n).statusCode()).isEqualTo(200);
        // (after a wrong password the engine delays the next login of that user: checked last)
        assertThat(http.get("/engine-rest/task", planner, "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void anExecutingUnitSeesAndCompletesOnlyItsOwnTasks() {
        String unitA = staff("unit-a" + n);
        String unitB = staff("unit-b" + n);
        String planner = staff("planning");
        String taskA = task("Reportar avance", "unit-a" + n);

        assertThat(sees(unitA, taskA)).isTrue();
        assertThat(sees(unitB, taskA)).isFalse();
        assertThat(sees(planner, taskA)).isFalse();
        var refused = http.postJson("/engine-rest/task/" + taskA + "/complete", "{}", unitB, "secreto-" + n);
        assertThat(refused.statusCode()).isIn(403, 404);
        assertThat(tasks.createTaskQuery().taskId(taskA).count()).isEqualTo(1);

        // the same through the Java API with the engine's authentication set
        identity.setAuthentication(unitB, java.util.List.of("unit-b" + n));
        assertThatThrownBy(() -> tasks.complete(taskA)).isInstanceOf(AuthorizationException.class);
        identity.clearAuthentication();

        var done = http.postJson("/engine-rest/task/" + taskA + "/complete", "{}", unitA, "secreto-" + n);
        assertThat(done.statusCode()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(taskA).count()).isZero();
    }

    @Test
    void reportsOfWrongdoingAreInvisibleToAllButTheIntegrityOffice() {
        String integrity = staff("integrity-office");
        String planner = staff("planning");
        String manager = staff("regional-management");
        String report = task("Atender denuncia", "integrity-office");
        assertThat(sees(integrity, report)).isTrue();
        assertThat(sees(planner, report)).isFalse();
        assertThat(sees(manager, report)).isFalse();
        assertThat(http.get("/engine-rest/task/" + report + "/variables", manager, "secreto-" + n).statusCode())
                .isIn(403, 404);
        // a standalone task has no process: its history is not guarded by a definition's grants; gone with it
        tasks.deleteTask(report, true);
    }

    @Test
    void citizensLogInToThePortalWithCsrfButNeverToTheStaffTools() {
        String dni = "6" + String.format("%07d", Integer.parseInt(n) % 10_000_000);
        citizens.create("DNI", dni, "clave-" + n, "p" + n + "@example.pe", "Luis", "Vera", "Soto");
        assertThat(http.get("/").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/open-data/cycles").statusCode()).isEqualTo(200);
        var anonymous = http.get("/mi-cuenta");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        // without the CSRF token: refused
        assertThat(http.postForm("/login", Map.of("username", dni, "password", "clave-" + n)).statusCode())
                .isEqualTo(403);
        // wrong password: back to the form with a Spanish message
        var wrong = http.postForm("/login", Map.of("username", dni, "password", "x",
                "_csrf", http.csrfTokenOf("/login")));
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).contains("/login?error");
        assertThat(http.get("/login?error").body()).contains("El número de documento o la contraseña no son correctos");
        // right password
        var ok = http.postForm("/login", Map.of("username", dni, "password", "clave-" + n,
                "_csrf", http.csrfTokenOf("/login")));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        // logged in (the header offers the account and the exit), and the document number is not on the page
        assertThat(http.get("/").body()).contains("Mi cuenta", ">Salir</button>").doesNotContain(dni);
        // and the portal session opens nothing of the staff tools
        assertThat(http.get("/engine-rest/task").statusCode()).isEqualTo(401);
        var webappLogin = http.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
                Map.of("username", dni, "password", "clave-" + n));
        assertThat(webappLogin.statusCode()).isIn(401, 403);
    }
}
