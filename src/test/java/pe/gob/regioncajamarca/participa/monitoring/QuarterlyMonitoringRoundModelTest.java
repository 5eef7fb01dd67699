package pe.gob.regioncajamarca.participa.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.START;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.at;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.businessDays;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.clockAt;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.fire;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.runJob;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.timer;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.timers;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import pe.gob.regioncajamarca.participa.testsupport.ModelTests;

/**
 * {@code quarterly-monitoring-round} alone: the quarterly timer start and the start by message, one report task per
 * project routed to its unit (multi-instance), the close of the reports when all are in or at the closing date, the
 * consolidation and publication, a round without projects, the reports' reminder and escalation (one for the round).
 */
class QuarterlyMonitoringRoundModelTest {

    /** The expression bean {@code seguimiento} as the model calls it. */
    public interface MonitoringBean {
        void prepararTarea(DelegateExecution execution);
    }

    private static final Map<Long, String> UNIT_OF_REPORT = Map.of(11L, "unit-sede-central", 12L, "unit-chota");

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTests.extension();

    ModelTests.Beans beans;
    MonitoringBean seguimiento;
    List<Long> reports = List.of(11L, 12L);

    @BeforeEach
    void deploy() {
        clockAt(START);
        ModelTests.deploy(engine, "quarterly-monitoring-round.bpmn");
        beans = new ModelTests.Beans();
        beans.delegate("prepararRonda", e -> {
            e.setVariable("informes", new ArrayList<>(reports));
            e.setVariable("fechaCierreReportes", beans.plazos.habiles(15));
        });
        seguimiento = beans.bean("seguimiento", MonitoringBean.class);
        doAnswer(inv -> {
            DelegateExecution e = inv.getArgument(0);
            e.setVariableLocal("grupoUnidad", UNIT_OF_REPORT.get(((Number) e.getVariable("informe")).longValue()));
            return null;
        }).when(seguimiento).prepararTarea(any());
        beans.taskListener("registrarAvance");
        beans.delegate("cerrarReportes");
        beans.delegate("publicarInformeSeguimiento");
        beans.executionListener("recordarTarea");
        beans.executionListener("escalacion");
    }

    private ProcessInstance startByHand() {
        ProcessInstance pi = engine.getRuntimeService().createMessageCorrelation("iniciarRondaSeguimiento")
                .setVariable("trimestre", "2025-Q4").correlateStartMessage();
        assertThat(pi).isWaitingAt("Task_PrepareRound"); // savepoint: the round opens in the background
        runJob(pi, "Task_PrepareRound");
        return pi;
    }

    private List<Task> reportTasks(ProcessInstance pi) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("Task_ReportProgress").orderByTaskId().asc().list();
    }

    @Test
    void aTimerStartsARoundOnTheFirstDayOfEachQuarterAt7() {
        Job quarterly = engine.getManagementService().createJobQuery().processDefinitionKey("quarterly-monitoring-round")
                .timers().singleResult();
        assertThat(quarterly.getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 4, 1, 7, 0)));

        fire(quarterly);

        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("quarterly-monitoring-round").singleResult();
        assertThat(pi).isWaitingAt("Task_PrepareRound");
        Job next = engine.getManagementService().createJobQuery().processDefinitionKey("quarterly-monitoring-round")
                .timers().singleResult();
        assertThat(next.getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 7, 1, 7, 0)));
        runJob(pi, "Task_PrepareRound");
        assertThat(pi).isWaitingAt("Task_ReportProgress");
    }

    @Test
    void eachProjectIsReportedByItsUnitThenPlanningConsolidatesAndTheReportIsPublished() {
        ProcessInstance pi = startByHand();

        assertThat(beans.calls("prepararRonda")).singleElement()
                .satisfies(c -> assertThat(c.variables()).containsEntry("trimestre", "2025-Q4"));
        List<Task> tasks = reportTasks(pi);
        assertThat(tasks).hasSize(2);
        assertThat(tasks.get(0)).hasCandidateGroup("unit-sede-central").hasDueDate(businessDays(START, 10));
        assertThat(tasks.get(1)).hasCandidateGroup("unit-chota");
        verify(seguimiento, times(2)).prepararTarea(any());

        complete(tasks.get(0), withVariables("avanceFisico", 40.0));
        assertThat(pi).isWaitingAt("Task_ReportProgress");
        complete(tasks.get(1), withVariables("avanceFisico", 10.0));

        assertThat(pi).isWaitingAt("Task_CloseReporting");
        runJob(pi, "Task_CloseReporting");
        assertThat(pi).isWaitingAt("Task_ConsolidateReport");
        assertThat(task(pi)).hasCandidateGroup("planning").hasDueDate(businessDays(START, 5));
        assertThat(engine.getFormService().getDeployedTaskForm(task(pi).getId())).isNotNull();
        complete(task(pi), withVariables("conclusiones", "Sin novedad"));
        runJob(pi, "Task_PublishReport");

        assertThat(pi).hasPassed("Event_Closed").hasNotPassed("Timer_RoundCloses").isEnded();
        assertThat(beans.calls("registrarAvance")).extracting(c -> c.variables().get("informe"))
                .containsExactly(11L, 12L);
        assertThat(beans.calls()).extracting(ModelTests.Call::bean).containsSubsequence("prepararRonda",
                "cerrarReportes", "publicarInformeSeguimiento");
    }

    @Test
    void theReportsCloseAtTheClosingDateWhateverIsMissing() {
        ProcessInstance pi = startByHand();
        complete(reportTasks(pi).get(0), withVariables("avanceFisico", 40.0));
        assertThat(timer(pi, "Timer_RoundCloses").getDuedate()).isEqualTo(businessDays(START, 15));

        fire(pi, "Timer_RoundCloses");

        assertThat(reportTasks(pi)).isEmpty();
        assertThat(pi).hasPassed("Timer_RoundCloses").isWaitingAt("Task_CloseReporting");
        runJob(pi, "Task_CloseReporting");
        assertThat(pi).isWaitingAt("Task_ConsolidateReport");
        assertThat(beans.calls("registrarAvance")).hasSize(1);
    }

    @Test
    void aRoundWithoutProjectsGoesStraightToTheClose() {
        reports = List.of();
        ProcessInstance pi = startByHand();

        assertThat(pi).isWaitingAt("Task_CloseReporting");
        verify(seguimiento, times(0)).prepararTarea(any());
    }

    @Test
    void theReportsAreRemindedThreeBusinessDaysBeforeAndEscalatedAtTheirDeadlineOnceForTheWholeRound() {
        ProcessInstance pi = startByHand();
        // boundary events of a multi-instance task belong to its body: one reminder and one deadline for all the
        // round's reports (the listeners act on every open report task)
        assertThat(timers(pi, "Timer_ReportProgressReminder")).singleElement()
                .satisfies(j -> assertThat(j.getDuedate()).isEqualTo(businessDays(START, 7)));
        verify(beans.plazos).recordatorio(10, 3);
        assertThat(timers(pi, "Timer_ReportProgressOverdue")).singleElement()
                .satisfies(j -> assertThat(j.getDuedate()).isEqualTo(businessDays(START, 10)));

        fire(pi, "Timer_ReportProgressReminder");
        fire(pi, "Timer_ReportProgressOverdue");

        assertThat(beans.where("recordarTarea")).containsExactly("Timer_ReportProgressReminder");
        assertThat(beans.escalations()).containsExactly("Timer_ReportProgressOverdue → regional-management");
        assertThat(reportTasks(pi)).hasSize(2);

        fire(pi, "Timer_RoundCloses");
        runJob(pi, "Task_CloseReporting");
        fire(pi, "Timer_ConsolidateReportOverdue");
        assertThat(beans.escalations()).last().isEqualTo("Timer_ConsolidateReportOverdue → regional-management");
        assertThat(pi).hasPassed("Event_ReportProgressEscalated", "Event_ReportProgressReminded",
                "Event_ConsolidateReportEscalated").isWaitingAt("Task_ConsolidateReport");
    }
}
