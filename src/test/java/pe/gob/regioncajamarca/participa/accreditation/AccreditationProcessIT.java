package pe.gob.regioncajamarca.participa.accreditation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/** Every path of agent-accreditation: approval, rejection with a reason, a rejection without one, escalation. */
class AccreditationProcessIT extends ProcessTest {

    @Autowired AccreditationService accreditation;
    int year;

    @BeforeEach
    void cycle() {
        year = sharedFormalisedCycle();
    }

    private AccreditationService.Registration register(String email) {
        long citizen = citizen(email);
        return accreditation.register(new AgentApplication(year, citizen, "976000111", "F",
                LocalDate.of(1990, 5, 4), "Superior universitaria", "Docente", "Ronda campesina de Bambamarca",
                TEST_PROVINCE, TEST_DISTRICT));
    }

    private ProcessInstance instanceOf(AccreditationService.Registration r) {
        return runtime.createProcessInstanceQuery().processInstanceId(r.processInstanceId()).singleResult();
    }

    @Test
    void anApprovedAgentIsAccreditedAndToldByMail() {
        var r = register("aprobada" + unique() + "@example.pe");
        ProcessInstance pi = instanceOf(r);
        assertThat(pi.getBusinessKey()).isEqualTo(r.fileNumber());
        Task review = taskOf(pi.getId(), "Task_ReviewAccreditation");
        assertThat(candidateGroupsOf(review)).containsExactly("planning");
        assertThat(review.getDueDate()).isEqualTo(plazos.habiles(3));
        assertThat(runtime.getVariable(pi.getId(), "agente")).isEqualTo("Rosa Huamán Cotrina");

        complete(review, withVariables("decision", "aprobar"));
        assertThat(pi).isWaitingAt("Task_Accredit");
        executeDueJobs(pi.getId());
        assertThat(pi).isEnded().hasPassed("Event_Accredited");
        assertThat(accreditation.find(r.id()).orElseThrow().status()).isEqualTo("ACREDITADO");
        assertThat(accreditation.isAccredited(year, r.documentNumber())).isTrue();
        assertThat(mailsTo(r.email())).containsExactly("Su acreditación como agente participante " + year);
    }

    @Test
    void aRejectionCarriesTheReasonTheCitizenReads() {
        var r = register("rechazada" + unique() + "@example.pe");
        ProcessInstance pi = instanceOf(r);
        complete(taskOf(pi.getId(), "Task_ReviewAccreditation"),
                withVariables("decision", "rechazar", "motivoRechazo", "El DNI no coincide con RENIEC."));
        executeDueJobs(pi.getId());
        assertThat(pi).isEnded().hasPassed("Event_Rejected");
        var stored = accreditation.find(r.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo("RECHAZADO");
        assertThat(stored.rejectionReason()).isEqualTo("El DNI no coincide con RENIEC.");
        assertThat(accreditation.isAccredited(year, r.documentNumber())).isFalse();
        String body = jdbc.sql("SELECT body_text FROM mail_outbox WHERE recipient = ?").param(r.email())
                .query(String.class).single();
        assertThat(body).contains("El DNI no coincide con RENIEC.");
    }

    @Test
    void aRejectionWithoutReasonIsRefusedAndTheTaskStaysOpen() {
        var r = register("sinmotivo" + unique() + "@example.pe");
        ProcessInstance pi = instanceOf(r);
        Task review = taskOf(pi.getId(), "Task_ReviewAccreditation");
        assertThatThrownBy(() -> tasks.complete(review.getId(),
                java.util.Map.of("decision", "rechazar", "motivoRechazo", " ")))
                .hasMessageContaining("motivo del rechazo");
        assertThat(pi).isWaitingAt("Task_ReviewAccreditation");
        assertThat(accreditation.find(r.id()).orElseThrow().status()).isEqualTo("PENDIENTE");
    }

    @Test
    void registeringTwiceInTheSameCycleKeepsOneRegistration() {
        long citizen = citizen("doble" + unique() + "@example.pe");
        AgentApplication a = new AgentApplication(year, citizen, "976000111", "M", LocalDate.of(1985, 1, 1),
                "Secundaria", null, null, TEST_PROVINCE, TEST_DISTRICT);
        var first = accreditation.register(a);
        var second = accreditation.register(a);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(first.fileNumber()).count())
                .isEqualTo(1);
    }

    @Test
    void aReviewNotDoneInThreeBusinessDaysIsEscalated() {
        var r = register("escalada" + unique() + "@example.pe");
        ProcessInstance pi = instanceOf(r);
        passDeadlineOf(taskOf(pi.getId(), "Task_ReviewAccreditation"));
        Task review = taskOf(pi.getId(), "Task_ReviewAccreditation");
        assertThat(candidateGroupsOf(review)).containsExactlyInAnyOrder("planning", "regional-management");
        assertThat(escalationsOf(pi.getId())).isEqualTo(1);
        assertThat(pi).isWaitingAt("Task_ReviewAccreditation");
    }
}
