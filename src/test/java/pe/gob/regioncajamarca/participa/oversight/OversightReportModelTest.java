package pe.gob.regioncajamarca.participa.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.verify;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.START;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.businessDays;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.clockAt;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.fire;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.now;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.timer;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import pe.gob.regioncajamarca.participa.testsupport.ModelTests;

/**
 * {@code oversight-report} alone: review, the executing unit's statement when required (its reminder and deadline),
 * the answer to the committee, and the three deadlines' escalations.
 */
class OversightReportModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTests.extension();

    ModelTests.Beans beans;

    @BeforeEach
    void deploy() {
        ModelTests.deploy(engine, "oversight-report.bpmn");
        clockAt(START);
        beans = new ModelTests.Beans();
        beans.taskListener("reporteRevisado");
        beans.taskListener("descargoPresentado");
        beans.taskListener("reporteRespondido");
        beans.executionListener("recordarTarea");
        beans.executionListener("escalacion");
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("oversight-report", "VIG-2026-0001",
                withVariables("reporteId", 1L, "grupoUnidad", "unit-sede-central"));
    }

    @Test
    void aReportThatNeedsTheUnitGoesToItsUnitThenIsAnswered() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("Task_ReviewReport");
        assertThat(task(pi)).hasCandidateGroup("planning").hasDueDate(businessDays(START, 5));

        complete(task(pi), withVariables("requiereDescargo", "si", "analisis", "Visitar la obra"));

        assertThat(pi).isWaitingAt("Task_UnitStatement");
        assertThat(task(pi)).hasCandidateGroup("unit-sede-central").hasDueDate(businessDays(START, 10));
        complete(task(pi), withVariables("descargo", "La obra sigue"));

        assertThat(pi).isWaitingAt("Task_AnswerCommittee");
        assertThat(task(pi)).hasCandidateGroup("planning");
        complete(task(pi), withVariables("respuesta", "Respondido"));

        assertThat(pi).hasPassed("Task_UnitStatement", "Event_Answered").isEnded();
        assertThat(beans.calls()).extracting(ModelTests.Call::bean)
                .containsExactly("reporteRevisado", "descargoPresentado", "reporteRespondido");
    }

    @Test
    void aReportThatDoesNotNeedTheUnitIsAnsweredDirectly() {
        ProcessInstance pi = start();

        complete(task(pi), withVariables("requiereDescargo", "no"));

        assertThat(pi).isWaitingAt("Task_AnswerCommittee");
        complete(task(pi), withVariables("respuesta", "Respondido"));
        assertThat(pi).hasNotPassed("Task_UnitStatement").hasPassed("Event_Answered").isEnded();
        assertThat(beans.calls("descargoPresentado")).isEmpty();
    }

    @Test
    void eachTaskEscalatesWhenOverdueAndTheUnitIsRemindedFirst() {
        ProcessInstance pi = start();
        fire(pi, "Timer_ReviewReportOverdue");
        assertThat(pi).hasPassed("Event_ReviewReportEscalated").isWaitingAt("Task_ReviewReport");

        complete(task(pi), withVariables("requiereDescargo", "si"));
        var created = now();
        assertThat(timer(pi, "Timer_UnitStatementReminder").getDuedate()).isEqualTo(businessDays(created, 8));
        assertThat(timer(pi, "Timer_UnitStatementOverdue").getDuedate()).isEqualTo(businessDays(created, 10));
        verify(beans.plazos).recordatorio(10, 2);
        fire(pi, "Timer_UnitStatementReminder");
        assertThat(beans.where("recordarTarea")).containsExactly("Timer_UnitStatementReminder");
        fire(pi, "Timer_UnitStatementOverdue");
        assertThat(pi).hasPassed("Event_UnitStatementReminded", "Event_UnitStatementEscalated")
                .isWaitingAt("Task_UnitStatement");

        complete(task(pi), withVariables("descargo", "Tarde"));
        fire(pi, "Timer_AnswerCommitteeOverdue");
        assertThat(pi).hasPassed("Event_AnswerCommitteeEscalated").isWaitingAt("Task_AnswerCommittee");

        assertThat(beans.escalations()).containsExactly("Timer_ReviewReportOverdue → regional-management",
                "Timer_UnitStatementOverdue → regional-management",
                "Timer_AnswerCommitteeOverdue → regional-management");
    }
}
