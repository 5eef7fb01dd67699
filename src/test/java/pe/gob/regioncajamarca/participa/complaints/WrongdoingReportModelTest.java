package pe.gob.regioncajamarca.participa.complaints;

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
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.timer;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import pe.gob.regioncajamarca.participa.testsupport.ModelTests;

/**
 * {@code wrongdoing-report} alone: the due date computed in the model (no decision table), the integrity office's task,
 * its reminder and its escalation within the integrity office, never to regional management.
 */
class WrongdoingReportModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTests.extension();

    ModelTests.Beans beans;

    @BeforeEach
    void deploy() {
        ModelTests.deploy(engine, "wrongdoing-report.bpmn");
        clockAt(START);
        beans = new ModelTests.Beans();
        beans.taskListener("denunciaAtendida");
        beans.executionListener("recordarTarea");
        beans.executionListener("escalacion");
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("wrongdoing-report", "DEN-2026-000003",
                withVariables("solicitudId", 3L, "tipo", "DENUNCIA"));
    }

    @Test
    void theReportGoesToTheIntegrityOfficeAloneDueInTenBusinessDays() throws Exception {
        ProcessInstance pi = start();

        assertThat(pi).hasPassed("Task_ComputeDueDate").isWaitingAt("Task_HandleReport")
                .variables().containsEntry("fechaLimite", businessDays(START, 10));
        verify(beans.plazos).habiles(10);
        assertThat(task(pi)).hasCandidateGroup("integrity-office").hasDueDate(businessDays(START, 10));
        assertThat(engine.getTaskService().getIdentityLinksForTask(task(pi).getId()))
                .allSatisfy(l -> assertThat(l.getGroupId()).isEqualTo("integrity-office"));
        assertThat(engine.getFormService().getDeployedTaskForm(task(pi).getId())).isNotNull();
        // no decision is evaluated for a report of wrongdoing: its history is read by other offices
        assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().count()).isZero();

        complete(task(pi), withVariables("respuesta", "Se abrió una investigación"));

        assertThat(pi).hasPassed("Event_ReportHandled").isEnded();
        assertThat(beans.calls("denunciaAtendida")).singleElement()
                .satisfies(c -> assertThat(c.variables()).containsEntry("respuesta", "Se abrió una investigación"));
    }

    @Test
    void aReminderTwoBusinessDaysBeforeThenAnEscalationWithinTheIntegrityOffice() throws Exception {
        ProcessInstance pi = start();
        assertThat(timer(pi, "Timer_HandleReportReminder").getDuedate()).isEqualTo(businessDays(START, 8));
        assertThat(timer(pi, "Timer_HandleReportOverdue").getDuedate()).isEqualTo(businessDays(START, 10));

        fire(pi, "Timer_HandleReportReminder");

        assertThat(beans.where("recordarTarea")).containsExactly("Timer_HandleReportReminder");
        assertThat(pi).hasPassed("Event_HandleReportReminded").isWaitingAt("Task_HandleReport");
        assertThat(beans.escalations()).isEmpty();

        fire(pi, "Timer_HandleReportOverdue");

        assertThat(beans.escalations()).containsExactly("Timer_HandleReportOverdue → integrity-office");
        assertThat(pi).hasPassed("Event_HandleReportEscalated").isWaitingAt("Task_HandleReport");
        complete(task(pi), withVariables("respuesta", "Archivada"));
        assertThat(pi).isEnded();
    }
}
