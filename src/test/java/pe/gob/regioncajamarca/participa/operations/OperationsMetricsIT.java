package pe.gob.regioncajamarca.participa.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;
import pe.gob.regioncajamarca.participa.identity.StaffGroups;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * The operators' metrics at /actuator/prometheus: closed to anonymous requests, citizens (session or their DNI as
 * HTTP Basic) and staff of other groups; open to a user of {@code operations} (and {@code camunda-admin}); the
 * gauges count what was just created (tasks of a group, an overdue one, a failed job and its incident, mails
 * waiting and failed, votes), and the request latencies carry page patterns, never a DNI or a code.
 */
class OperationsMetricsIT extends ProcessTest {

    static final String PATH = "/actuator/prometheus";

    @Autowired OperationsMetrics metrics;
    @Autowired IdentityService identity;
    @Autowired CitizenAccounts citizens;
    @LocalServerPort int port;

    @Test
    void operatorsScrapeCachedFiguresAndNobodyElseDoes() {
        int n = unique();
        String operator = "operador" + n;
        String planner = "planificador" + n;
        staff(operator, StaffGroups.OPERATIONS);
        staff(planner, StaffGroups.PLANNING);
        String dni = String.format("4%07d", n % 10_000_000);
        citizens.create("DNI", dni, "clave-ciudadana", "metricas" + n + "@example.pe", "Ana", "Díaz", null);

        // who may scrape
        Http anonymous = new Http(port);
        assertThat(anonymous.get(PATH).statusCode()).as("anonymous").isEqualTo(401);
        Http citizen = new Http(port);
        citizen.postForm("/login", Map.of("username", dni, "password", "clave-ciudadana",
                "_csrf", citizen.csrfTokenOf("/login")));
        assertThat(citizen.get("/mi-cuenta").statusCode()).as("the citizen is logged in").isEqualTo(200);
        assertThat(citizen.get(PATH).statusCode()).as("citizen's session").isEqualTo(401);
        assertThat(citizen.get(PATH, dni, "clave-ciudadana").statusCode()).as("citizen's DNI as Basic").isEqualTo(401);
        assertThat(new Http(port).get(PATH, planner, "clave-larga-metricas").statusCode()).as("planning")
                .isEqualTo(403);
        assertThat(new Http(port).get(PATH, operator, "mala-clave").statusCode()).as("wrong password")
                .isEqualTo(401);
        assertThat(new Http(port).get(PATH, "test-admin", "test-admin-secreto").statusCode()).as("camunda-admin")
                .isEqualTo(200);

        // what they count: two tasks of a group of their own, one overdue
        String group = "grupo-metricas-" + n;
        Task open = tasks.newTask();
        open.setName("Tarea de métricas");
        open.setDueDate(Date.from(Instant.now().plus(3, ChronoUnit.DAYS)));
        tasks.saveTask(open);
        tasks.addCandidateGroup(open.getId(), group);
        Task overdue = tasks.newTask();
        overdue.setName("Tarea vencida de métricas");
        overdue.setDueDate(Date.from(Instant.now().minus(1, ChronoUnit.HOURS)));
        tasks.saveTask(overdue);
        tasks.addCandidateGroup(overdue.getId(), group);
        // a failed job (retries 0) with its incident
        String instance = runtime.startProcessInstanceByKey("agent-accreditation", "metricas-" + n).getId();
        Job timer = management.createJobQuery().processInstanceId(instance).timers().list().get(0);
        management.setJobRetries(timer.getId(), 0);
        // a mail waiting for 10 minutes and one that became an incident
        Timestamp tenMinutesAgo = Timestamp.from(Instant.now().minus(10, ChronoUnit.MINUTES));
        for (String status : new String[] {"PENDIENTE", "INCIDENTE"}) {
            jdbc.sql("INSERT INTO mail_outbox (dedup_key, recipient, subject, body_text, status, attempts, "
                    + "next_attempt_at, created_at) VALUES (?, ?, 'Aviso', 'Texto', ?, 0, ?, ?)")
                    .params("metricas-" + status + "-" + n, "metricas" + n + "@example.pe", status, tenMinutesAgo,
                            tenMinutesAgo).update();
        }
        // a vote of a cycle in VOTACION
        int year = freeYear();
        formalisedCycle(year);
        String cui = String.valueOf(7300000 + n % 10000);
        jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit) "
                + "VALUES (?, ?, 'Canal de riego de métricas', 'CAJAMARCA', 500000, 'Agricultura', ?)")
                .params(year, cui, TEST_UNIT).update();
        jdbc.sql("INSERT INTO ballot (cycle_year, document_number, votes_left, created_at) VALUES (?, ?, 4, ?)")
                .params(year, dni, Timestamp.from(Instant.now())).update();
        jdbc.sql("INSERT INTO vote (cycle_year, document_number, project_id, cast_at) "
                + "SELECT ?, ?, id, ? FROM project WHERE cycle_year = ? AND cui = ?")
                .params(year, dni, Timestamp.from(Instant.now()), year, cui).update();
        String phase = jdbc.sql("SELECT phase FROM cycle WHERE cycle_year = ?").param(year).query(String.class)
                .single();
        // pages with identifiers in their paths
        citizen.get("/proyectos/" + year + "/" + cui);
        anonymous.get("/reclamos/RC-METRICAS-" + n);
        try {
            jdbc.sql("UPDATE cycle SET phase = 'VOTACION' WHERE cycle_year = ?").param(year).update();
            metrics.refresh();
            String scrape = new Http(port).get(PATH, operator, "clave-larga-metricas").body();

            assertThat(value(scrape, "participa_tasks_open{group=\"" + group + "\"}")).isEqualTo(2);
            assertThat(value(scrape, "participa_tasks_overdue{group=\"" + group + "\"}")).isEqualTo(1);
            assertThat(value(scrape, "participa_jobs_failed")).isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "participa_jobs_due")).isGreaterThanOrEqualTo(0);
            assertThat(value(scrape, "participa_incidents_open{type=\"failedJob\"}")).isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "participa_mail_outbox{status=\"PENDIENTE\"}")).isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "participa_mail_outbox{status=\"INCIDENTE\"}")).isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "participa_mail_outbox_oldest_pending_seconds")).isBetween(590.0, 86_400.0 * 365);
            assertThat(value(scrape, "participa_votes{cycle=\"" + year + "\"}")).isEqualTo(1);
            assertThat(value(scrape, "participa_metrics_refresh_timestamp_seconds"))
                    .isGreaterThan(Instant.now().getEpochSecond() - 60);
            // latency by page: the pattern, never the CUI, the code or the DNI
            assertThat(scrape).contains("http_server_requests_seconds_bucket{")
                    .contains("uri=\"/proyectos/{year}/{cui}\"").contains("uri=\"/reclamos/{code}\"")
                    .doesNotContain(cui).doesNotContain("RC-METRICAS-" + n).doesNotContain(dni);
        } finally {
            jdbc.sql("UPDATE cycle SET phase = ? WHERE cycle_year = ?").params(phase, year).update();
            runtime.deleteProcessInstance(instance, "prueba de métricas");
            tasks.deleteTask(open.getId(), true);
            tasks.deleteTask(overdue.getId(), true);
            jdbc.sql("DELETE FROM mail_outbox WHERE dedup_key LIKE ?").param("metricas-%-" + n).update();
        }
    }

    private void staff(String id, String group) {
        User u = identity.newUser(id);
        u.setFirstName("Persona");
        u.setLastName("De Operaciones");
        u.setPassword("clave-larga-metricas");
        identity.saveUser(u);
        identity.createMembership(id, group);
    }

    /** The value of one series (name with its labels, exactly as scraped). */
    static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        assertThat(m.find()).as(series + " in the scrape").isTrue();
        return Double.parseDouble(m.group(1));
    }
}
