package pe.gob.regioncajamarca.participa.accreditation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.Journey;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;
import pe.gob.regioncajamarca.participa.testsupport.Tasklist;
import pe.gob.regioncajamarca.participa.testsupport.WebDriver;

/**
 * Issue 19: the planning office reviews an agent's registration in Tasklist's own screens, in a real Chromium:
 * accredits one (the agent is accredited for the cycle and told by mail) and rejects another, first told in Spanish
 * that a rejection needs its reason, then with the reason the citizen reads in the mail.
 */
class AccreditationJourneysBrowserIT extends ProcessTest {

    @LocalServerPort int port;
    @Autowired AccreditationService accreditation;
    int year;
    String planner;

    @BeforeEach
    void cycle() {
        year = sharedFormalisedCycle();
        planner = staffUser("planning");
    }

    private AccreditationService.Registration register(String email) {
        long citizen = citizen(email);
        return accreditation.register(new AgentApplication(year, citizen, "976000111", "F",
                LocalDate.of(1990, 5, 4), "Superior universitaria", "Docente", "Ronda campesina de Bambamarca",
                TEST_PROVINCE, TEST_DISTRICT));
    }

    private boolean gone(String taskId) {
        return tasks.createTaskQuery().taskId(taskId).count() == 0;
    }

    @Test
    @Journey(process = "agent-accreditation", task = "Task_ReviewAccreditation")
    void thePlanningOfficeAccreditsAnAgentThroughTasklist() throws Exception {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        var r = register("acreditada" + unique() + "@example.pe");
        Task review = taskOf(r.processInstanceId(), "Task_ReviewAccreditation");
        try (Tasklist tasklist = Tasklist.login(port, planner, "secreto-" + planner)) {
            tasklist.openAndClaim(review.getId(), "Expediente " + r.fileNumber());
            assertThat(tasklist.shown("Representa a")).isEqualTo("Ronda campesina de Bambamarca");
            tasklist.choose("Acreditar")
                    .screenshot("journey-revisar-acreditacion")
                    .complete();
            assertThat(Tasklist.waitUntil(() -> gone(review.getId()))).as("completed through Tasklist").isTrue();
        }
        executeDueJobs(r.processInstanceId()); // the accreditation runs after the task, asynchronously
        assertThat(accreditation.find(r.id()).orElseThrow().status()).isEqualTo("ACREDITADO");
        assertThat(accreditation.isAccredited(year, r.documentNumber())).isTrue();
        assertThat(mailsTo(r.email())).contains("Su acreditación como agente participante " + year);
    }

    @Test
    @Journey(process = "agent-accreditation", task = "Task_ReviewAccreditation")
    void thePlanningOfficeRejectsARegistrationWithItsReasonThroughTasklist() throws Exception {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        var r = register("rechazada" + unique() + "@example.pe");
        Task review = taskOf(r.processInstanceId(), "Task_ReviewAccreditation");
        String reason = "El DNI no coincide con RENIEC: acérquese a la Sub Gerencia de Planeamiento.";
        try (Tasklist tasklist = Tasklist.login(port, planner, "secreto-" + planner)) {
            tasklist.openAndClaim(review.getId(), "Expediente " + r.fileNumber())
                    .choose("Rechazar")
                    .complete();
            assertThat(tasklist.browser().waitForText("Indique el motivo del rechazo")).as("refused, in Spanish")
                    .isTrue();
            assertThat(gone(review.getId())).as("the task stays").isFalse();
            tasklist.browser().execute("document.querySelectorAll('.notifications .close').forEach(b => b.click());");
            tasklist.type("Motivo del rechazo", reason)
                    .screenshot("journey-revisar-acreditacion-rechazo")
                    .complete();
            assertThat(Tasklist.waitUntil(() -> gone(review.getId()))).as("completed through Tasklist").isTrue();
        }
        executeDueJobs(r.processInstanceId());
        var stored = accreditation.find(r.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo("RECHAZADO");
        assertThat(stored.rejectionReason()).isEqualTo(reason);
        assertThat(accreditation.isAccredited(year, r.documentNumber())).isFalse();
        assertThat(jdbc.sql("SELECT body_text FROM mail_outbox WHERE recipient = ?").param(r.email())
                .query(String.class).list()).anySatisfy(body -> assertThat(body).contains(reason));
    }
}
