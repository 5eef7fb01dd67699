package pe.gob.regioncajamarca.participa.staffexperience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/** The managers' view of deadlines: overdue and soon-due tasks per office and unit, one click to each task. */
class DeadlinesPageIT extends ProcessTest {

    @LocalServerPort int port;

    private Http as(String group) {
        String user = staffUser(group);
        Http http = new Http(port);
        http.staffLogin(user, "secreto-" + user);
        return http;
    }

    @Test
    void managersSeeOverdueTasksPerUnitAndAUnitCannotSeeThePage() {
        Task late = tasks.newTask();
        late.setName("Reportar avance trimestral (prueba de plazos)");
        late.setDueDate(new Date(System.currentTimeMillis() - 86_400_000L));
        tasks.saveTask(late);
        tasks.addCandidateGroup(late.getId(), TEST_UNIT_GROUP);
        // a task on time, far ahead: listed too (a unit with one open task used to read "no hay tareas")
        Task onTime = tasks.newTask();
        onTime.setName("Responder al ciudadano (prueba de plazos)");
        onTime.setDueDate(Date.from(java.time.Instant.parse("2099-01-15T15:00:00Z")));
        tasks.saveTask(onTime);
        tasks.addCandidateGroup(onTime.getId(), TEST_UNIT_GROUP);
        try {
            Http manager = as("regional-management");
            String overview = manager.get("/personal/plazos").body();
            assertThat(overview).contains("Plazos por oficina y unidad ejecutora", "Unidad de prueba",
                    "Sub Gerencia de Planeamiento y CTI").doesNotContain("Oficina de Integridad");
            String unit = manager.get("/personal/plazos/" + TEST_UNIT_GROUP).body();
            assertThat(unit).contains("Reportar avance trimestral (prueba de plazos)", "vencida",
                    "/camunda/app/tasklist/default/#/?task=" + late.getId());
            assertThat(unit).as("every open task, in Lima time whatever the server's zone")
                    .contains("Responder al ciudadano (prueba de plazos)", "15/01/2099 10:00", "sin reclamar", "hoy");
            assertThat(unit.indexOf("Reportar avance trimestral (prueba de plazos)"))
                    .as("the late one first").isLessThan(unit.indexOf("Responder al ciudadano (prueba de plazos)"));
            assertThat(as(TEST_UNIT_GROUP).get("/personal/plazos").statusCode()).isEqualTo(403);
            assertThat(manager.get("/personal/plazos/no-existe").statusCode()).isEqualTo(404);
        } finally {
            tasks.deleteTask(late.getId(), true);
            tasks.deleteTask(onTime.getId(), true);
        }
    }
}
