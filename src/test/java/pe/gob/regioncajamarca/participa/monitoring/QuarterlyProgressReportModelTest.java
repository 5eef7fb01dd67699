package pe.gob.regioncajamarca.participa.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.START;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.businessDays;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.clockAt;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.fire;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.runJob;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.timers;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import pe.gob.regioncajamarca.participa.testsupport.ModelTests;

/**
 * {@code quarterly-progress-report} alone: one project's report, routed to its unit with its due date; filed, it
 * tells the round ("Avance entregado a la ronda"); overdue, it is escalated to regional management and stays open;
 * when the round closes first, it ends as not filed.
 */
class QuarterlyProgressReportModelTest {

    /** The expression bean {@code seguimiento} as the model calls it. */
    public interface MonitoringBean {
        void prepararTarea(DelegateExecution execution);
    }

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTests.extension();

    ModelTests.Beans beans;
    MonitoringBean seguimiento;

    @BeforeEach
    void deploy() {
        clockAt(START);
        ModelTests.deploy(engine, "quarterly-progress-report.bpmn");
        beans = new ModelTests.Beans();
        seguimiento = beans.bean("seguimiento", MonitoringBean.class);
        doAnswer(inv -> {
            DelegateExecution e = inv.getArgument(0);
            e.setVariableLocal("grupoUnidad", "unit-chota");
            return null;
        }).when(seguimiento).prepararTarea(any());
        beans.taskListener("registrarAvance");
        beans.delegate("entregarReporte");
        beans.executionListener("escalacion");
    }

    private ProcessInstance requested() {
        return engine.getRuntimeService().createProcessInstanceByKey("quarterly-progress-report")
                .businessKey("2025-Q4/unit-chota/2324969")
                .setVariables(Map.of("informe", 12L, "rondaSeguimiento", "ronda-1", "trimestre", "2025-Q4"))
                .execute();
    }

    @Test
    void theUnitReportsItsProjectAndTheRoundIsTold() {
        ProcessInstance pi = requested();

        assertThat(pi).isWaitingAt("Task_ReportProgress");
        assertThat(task(pi)).hasCandidateGroup("unit-chota").hasDueDate(businessDays(START, 10));

        complete(task(pi), withVariables("avanceFisico", 40.0));

        // the unit's completion stores the report; telling the round is a savepoint of its own (no unit waits for
        // another's), and a round closed meanwhile does not stop it
        assertThat(beans.calls("registrarAvance")).singleElement()
                .satisfies(c -> assertThat(c.variables()).containsEntry("informe", 12L));
        assertThat(pi).isWaitingAt("Event_Reported");
        assertThat(beans.calls("entregarReporte")).isEmpty();
        engine.getRuntimeService().createMessageCorrelation("cierreRondaSeguimiento")
                .processInstanceVariableEquals("rondaSeguimiento", "ronda-1").correlateAll();
        runJob(pi, "Event_Reported");

        assertThat(pi).hasPassed("Event_Reported").hasNotPassed("Event_NotReported").isEnded();
        assertThat(beans.calls("entregarReporte")).singleElement()
                .satisfies(c -> assertThat(c.variables()).containsEntry("rondaSeguimiento", "ronda-1"));
    }

    @Test
    void anOverdueReportIsEscalatedToRegionalManagementAndStaysOpen() {
        ProcessInstance pi = requested();
        assertThat(timers(pi, "Timer_ReportProgressOverdue")).singleElement()
                .satisfies(j -> assertThat(j.getDuedate()).isEqualTo(businessDays(START, 10)));

        fire(pi, "Timer_ReportProgressOverdue");

        assertThat(beans.escalations()).containsExactly("Timer_ReportProgressOverdue → regional-management");
        assertThat(pi).hasPassed("Event_ReportProgressEscalated").isWaitingAt("Task_ReportProgress");
    }

    @Test
    void whenTheRoundClosesFirstTheReportEndsNotFiled() {
        ProcessInstance pi = requested();

        engine.getRuntimeService().createMessageCorrelation("cierreRondaSeguimiento")
                .processInstanceVariableEquals("rondaSeguimiento", "ronda-1").correlateAll();

        assertThat(pi).hasPassed("Event_NotReported").hasNotPassed("Event_Reported").isEnded();
        assertThat(beans.calls("registrarAvance")).isEmpty();
        assertThat(beans.calls("entregarReporte")).isEmpty();
        assertThat(timers(pi, "Timer_ReportProgressOverdue")).isEmpty();
    }
}
