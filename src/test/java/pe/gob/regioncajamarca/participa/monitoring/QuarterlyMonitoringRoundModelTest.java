package pe.gob.regioncajamarca.participa.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
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

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import pe.gob.regioncajamarca.participa.testsupport.ModelTests;

/**
 * {@code quarterly-monitoring-round} alone: the quarterly timer start and the start by message, the wait for the
 * reports (each project's report is its own {@code quarterly-progress-report}, started by "Preparar ronda"), the close
 * when the last report says all are in or at the closing date, the consolidation and publication, a round without
 * projects, the units' reminder (one for the round) and the consolidation's escalation.
 */
class QuarterlyMonitoringRoundModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTests.extension();

    ModelTests.Beans beans;
    List<Long> reports = List.of(11L, 12L);

    @BeforeEach
    void deploy() {
        clockAt(START);
        ModelTests.deploy(engine, "quarterly-monitoring-round.bpmn");
        beans = new ModelTests.Beans();
        beans.delegate("prepararRonda", e -> {
            e.setVariable("informes", new ArrayList<>(reports));
            e.setVariable("proyectosPorReportar", reports.size());
            e.setVariable("lotesDeReportes", PedirReportes.batches(reports.size()));
            e.setVariable("fechaCierreReportes", beans.plazos.habiles(15));
        });
        beans.delegate("pedirReportes");
        beans.delegate("cerrarReportes");
        beans.delegate("publicarInformeSeguimiento");
        beans.executionListener("recordarReportes");
        beans.executionListener("escalacion");
    }

    private ProcessInstance startByHand() {
        ProcessInstance pi = engine.getRuntimeService().createMessageCorrelation("iniciarRondaSeguimiento")
                .setVariable("trimestre", "2025-Q4").correlateStartMessage();
        assertThat(pi).isWaitingAt("Task_PrepareRound"); // savepoint: the round opens in the background
        runJob(pi, "Task_PrepareRound");
        requestTheReports(pi);
        return pi;
    }

    /** "Pedir un reporte por proyecto": each batch after a savepoint of its own, one after the other. */
    private int requestTheReports(ProcessInstance pi) {
        int batches = 0;
        while (!engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId("Task_RequestReports").list().isEmpty()) {
            runJob(pi, "Task_RequestReports");
            batches++;
        }
        return batches;
    }

    /** What the last report's end ("Avance entregado a la ronda") sends when no report is left. */
    private void allReported(ProcessInstance pi) {
        engine.getRuntimeService().createMessageCorrelation("reportesCompletos").processInstanceId(pi.getId())
                .correlate();
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
        requestTheReports(pi);
        assertThat(pi).isWaitingAt("Task_AwaitReports");
    }

    @Test
    void theRoundWaitsForItsReportsThenPlanningConsolidatesAndTheReportIsPublished() {
        ProcessInstance pi = startByHand();

        assertThat(beans.calls("prepararRonda")).singleElement()
                .satisfies(c -> assertThat(c.variables()).containsEntry("trimestre", "2025-Q4"));
        assertThat(pi).isWaitingAt("Task_AwaitReports");

        allReported(pi);

        assertThat(pi).hasPassed("Task_AwaitReports").isWaitingAt("Task_CloseReporting");
        runJob(pi, "Task_CloseReporting");
        assertThat(pi).isWaitingAt("Task_ConsolidateReport");
        assertThat(task(pi)).hasCandidateGroup("planning").hasDueDate(businessDays(START, 5));
        assertThat(engine.getFormService().getDeployedTaskForm(task(pi).getId())).isNotNull();
        complete(task(pi), withVariables("conclusiones", "Sin novedad"));
        runJob(pi, "Task_PublishReport");

        assertThat(pi).hasPassed("Event_Closed").hasNotPassed("Timer_RoundCloses").isEnded();
        assertThat(beans.calls()).extracting(ModelTests.Call::bean).containsSubsequence("prepararRonda",
                "pedirReportes", "cerrarReportes", "publicarInformeSeguimiento");
    }

    @Test
    void theReportsCloseAtTheClosingDateWhateverIsMissing() {
        ProcessInstance pi = startByHand();
        assertThat(timer(pi, "Timer_RoundCloses").getDuedate()).isEqualTo(businessDays(START, 15));

        fire(pi, "Timer_RoundCloses");

        assertThat(pi).hasPassed("Timer_RoundCloses").isWaitingAt("Task_CloseReporting");
        runJob(pi, "Task_CloseReporting");
        assertThat(pi).isWaitingAt("Task_ConsolidateReport");
        // the last report filed after the close finds nothing waiting
        assertThat(engine.getRuntimeService().createMessageCorrelation("reportesCompletos")
                .processInstanceId(pi.getId()).correlateAllWithResult()).isEmpty();
    }

    @Test
    void theReportsAreRequestedInBatchesOfAHundredEachInItsOwnTransaction() {
        reports = java.util.stream.LongStream.rangeClosed(1, 250).boxed().toList();
        ProcessInstance pi = engine.getRuntimeService().createMessageCorrelation("iniciarRondaSeguimiento")
                .setVariable("trimestre", "2025-Q4").correlateStartMessage();
        runJob(pi, "Task_PrepareRound");

        assertThat(requestTheReports(pi)).isEqualTo(3);

        assertThat(beans.calls("pedirReportes")).extracting(c -> c.variables().get("loopCounter"))
                .containsExactly(0, 1, 2);
        assertThat(pi).hasPassed("Task_RequestReports").isWaitingAt("Task_AwaitReports");
    }

    @Test
    void aRoundWithoutProjectsGoesStraightToTheClose() {
        reports = List.of();
        ProcessInstance pi = startByHand();

        assertThat(pi).hasNotPassed("Task_RequestReports", "Task_AwaitReports").isWaitingAt("Task_CloseReporting");
    }

    @Test
    void theUnitsAreRemindedOnceForTheRoundThreeBusinessDaysBeforeTheDeadlineAndTheConsolidationEscalates() {
        ProcessInstance pi = startByHand();
        assertThat(timers(pi, "Timer_ReportsReminder")).singleElement()
                .satisfies(j -> assertThat(j.getDuedate()).isEqualTo(businessDays(START, 7)));
        verify(beans.plazos).recordatorio(10, 3);

        fire(pi, "Timer_ReportsReminder");

        assertThat(beans.where("recordarReportes")).containsExactly("Timer_ReportsReminder");
        assertThat(pi).hasPassed("Event_ReportsReminded").isWaitingAt("Task_AwaitReports");

        fire(pi, "Timer_RoundCloses");
        runJob(pi, "Task_CloseReporting");
        fire(pi, "Timer_ConsolidateReportOverdue");
        assertThat(beans.escalations()).containsExactly("Timer_ConsolidateReportOverdue → regional-management");
        assertThat(pi).hasPassed("Event_ConsolidateReportEscalated").isWaitingAt("Task_ConsolidateReport");
    }
}
