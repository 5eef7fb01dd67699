package pe.gob.regioncajamarca.participa.accreditation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.START;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.businessDays;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.clockAt;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.fire;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.runJob;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.timer;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import pe.gob.regioncajamarca.participa.testsupport.ModelTests;

/** {@code agent-accreditation} alone on the engine: approval, rejection, the review's deadline and its escalation. */
class AgentAccreditationModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTests.extension();

    ModelTests.Beans beans;
    TaskListener validate;
    JavaDelegate accredit;
    JavaDelegate reject;

    @BeforeEach
    void deploy() {
        ModelTests.deploy(engine, "agent-accreditation.bpmn");
        clockAt(START);
        beans = new ModelTests.Beans();
        validate = beans.taskListener("validarRevisionAcreditacion");
        accredit = beans.delegate("acreditarAgente");
        reject = beans.delegate("rechazarInscripcion");
        beans.executionListener("escalacion");
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("agent-accreditation", "INS-2026-7",
                withVariables("registroId", 7L, "anio", 2026, "documento", "40000001"));
    }

    @Test
    void theReviewGoesToPlanningDueInThreeBusinessDaysWithItsDeadlineTimer() throws Exception {
        ProcessInstance pi = start();

        assertThat(pi).isWaitingAt("Task_ReviewAccreditation");
        assertThat(task(pi)).hasCandidateGroup("planning");
        assertThat(engine.getFormService().getDeployedTaskForm(task(pi).getId())).isNotNull(); // its form, same deployment
        assertThat(task(pi).getDueDate()).isEqualTo(businessDays(START, 3));
        assertThat(timer(pi, "Timer_ReviewAccreditationOverdue").getDuedate()).isEqualTo(businessDays(START, 3));
        verify(beans.plazos, org.mockito.Mockito.times(2)).habiles(3);
    }

    @Test
    void anApprovedRegistrationAccreditsTheAgentAfterASavepoint() throws Exception {
        ProcessInstance pi = start();

        complete(task(pi), withVariables("decision", "aprobar"));

        assertThat(pi).isWaitingAt("Task_Accredit"); // asyncBefore: the reviewer's completion is committed first
        verify(accredit, never()).execute(any());
        runJob(pi, "Task_Accredit");
        assertThat(pi).hasPassed("Task_ReviewAccreditation", "Gateway_Approved", "Task_Accredit")
                .hasNotPassed("Task_Reject").isEnded();
        assertThat(pi).hasPassed("Event_Accredited");
        assertThat(beans.where("validarRevisionAcreditacion")).containsExactly("Task_ReviewAccreditation");
        assertThat(beans.calls("acreditarAgente")).singleElement()
                .satisfies(c -> assertThat(c.variables()).containsEntry("registroId", 7L).containsEntry("decision", "aprobar"));
        verify(reject, never()).execute(any());
    }

    @Test
    void anyOtherDecisionRejectsTheRegistration() throws Exception {
        ProcessInstance pi = start();

        complete(task(pi), withVariables("decision", "rechazar", "motivoRechazo", "DNI no coincide"));
        runJob(pi, "Task_Reject");

        assertThat(pi).hasPassed("Task_Reject", "Event_Rejected").hasNotPassed("Task_Accredit").isEnded();
        assertThat(beans.calls("rechazarInscripcion")).singleElement()
                .satisfies(c -> assertThat(c.variables()).containsEntry("motivoRechazo", "DNI no coincide"));
        verify(accredit, never()).execute(any());
    }

    @Test
    void aRefusalOfTheCompleteListenerKeepsTheTaskOpen() throws Exception {
        beans.taskListener("validarRevisionAcreditacion", t -> {
            throw new IllegalArgumentException("Indique el motivo del rechazo");
        });
        ProcessInstance pi = start();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(task(pi), withVariables("decision", "rechazar")))
                .hasMessageContaining("motivo");

        assertThat(pi).isWaitingAt("Task_ReviewAccreditation");
        verify(reject, never()).execute(any());
    }

    @Test
    void anOverdueReviewIsEscalatedToRegionalManagementAndStaysOpen() throws Exception {
        ProcessInstance pi = start();

        fire(pi, "Timer_ReviewAccreditationOverdue");

        assertThat(beans.escalations()).containsExactly("Timer_ReviewAccreditationOverdue → regional-management");
        assertThat(pi).hasPassed("Event_ReviewAccreditationEscalated").isWaitingAt("Task_ReviewAccreditation");
        // the reviewer can still decide after the escalation
        complete(task(pi), withVariables("decision", "aprobar"));
        runJob(pi, "Task_Accredit");
        assertThat(pi).isEnded();
    }

    @Test
    void aFailingAccreditationRetriesFiveTimesFiveMinutesApart() throws Exception {
        beans.delegate("acreditarAgente", e -> {
            throw new IllegalStateException("servidor de correo caído");
        });
        ProcessInstance pi = start();
        complete(task(pi), withVariables("decision", "aprobar"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runJob(pi, "Task_Accredit"));

        var job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(job.getRetries()).isEqualTo(4); // R5/PT5M: four more tries
        assertThat(job.getDuedate()).isEqualTo(ModelTests.at(START.plusMinutes(5)));
        assertThat(pi).isWaitingAt("Task_Accredit");
    }
}
