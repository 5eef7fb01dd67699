package pe.gob.regioncajamarca.participa.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.START;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.at;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.businessDays;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.clockAt;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.fire;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.now;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.runJob;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.timer;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

import pe.gob.regioncajamarca.participa.testsupport.ModelTests;

/**
 * {@code participatory-budget-cycle} alone: each phase opens at its date (five phase timers), the programme, one
 * technical evaluation per scope (multi-instance, none when no scope has projects), the close of voting and the
 * prioritisation (savepoint), review, approval or observation (back to review), the committee's election,
 * publication and registration for monitoring, and the five deadline escalations.
 */
class ParticipatoryBudgetCycleModelTest {

    /** The expression bean {@code fasesCiclo}. */
    public interface CyclePhasesBean {
        void pasar(DelegateExecution execution, String phase);
    }

    /** The bean {@code evaluacionTecnica}: the tasks' complete listener and the scopes to evaluate. */
    public interface TechnicalEvaluationBean extends TaskListener {
        List<String> ambitos(Object year);
    }

    static final Map<String, Object> CALENDAR = Map.ofEntries(
            Map.entry("anio", 2026),
            Map.entry("inscripcionDesde", "2026-03-09"), Map.entry("inscripcionHasta", "2026-03-31"),
            Map.entry("ideasDesde", "2026-03-16"), Map.entry("ideasHasta", "2026-04-10"),
            Map.entry("evaluacionDesde", "2026-04-13"), Map.entry("evaluacionHasta", "2026-04-24"),
            Map.entry("votacionDesde", "2026-04-27"), Map.entry("votacionHasta", "2026-05-08"),
            Map.entry("formalizacionDesde", "2026-05-11"), Map.entry("formalizacionHasta", "2026-05-29"));

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTests.extension();

    ModelTests.Beans beans;
    CyclePhasesBean phases;
    TechnicalEvaluationBean evaluation;

    @BeforeEach
    void deploy() {
        ModelTests.deploy(engine, "participatory-budget-cycle.bpmn");
        clockAt(START);
        beans = new ModelTests.Beans();
        beans.delegate("registrarCiclo");
        phases = beans.bean("fasesCiclo", CyclePhasesBean.class);
        evaluation = beans.bean("evaluacionTecnica", TechnicalEvaluationBean.class);
        when(evaluation.ambitos(any())).thenReturn(List.of("CAJAMARCA", "MULTIPROVINCIAL"));
        beans.taskListener("cargarPrograma");
        beans.delegate("cerrarVotacion");
        beans.delegate("priorizar");
        beans.taskListener("aprobacionResultados");
        beans.taskListener("comiteElegido");
        beans.delegate("registrarSeguimiento");
        beans.executionListener("escalacion");
    }

    private ProcessInstance start() {
        engine.getIdentityService().setAuthenticatedUserId("planner");
        try {
            return engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey("participatory-budget-cycle").singleResult().getId(), "CICLO-2026", CALENDAR);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static java.util.Date startOf(String day) {
        return at(LocalDate.parse(day).atStartOfDay());
    }

    private static java.util.Date endOf(String day) {
        return at(LocalDate.parse(day).atTime(23, 59, 59));
    }

    /** From the start to the technical evaluation (programme loaded, ideas and evaluation opened). */
    private void toEvaluation(ProcessInstance pi) {
        fire(pi, "Timer_RegistrationOpens");
        complete(task(pi), withVariables("programaCargado", true));
        fire(pi, "Timer_IdeasOpen");
        fire(pi, "Timer_EvaluationOpens");
    }

    private List<Task> tasks(ProcessInstance pi, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
                .orderByTaskId().asc().list();
    }

    /** From the evaluation to the review of the prioritisation matrix. */
    private void toReview(ProcessInstance pi) {
        tasks(pi, "Task_EvaluateProjects").forEach(t -> complete(t));
        fire(pi, "Timer_VotingOpens");
        fire(pi, "Timer_VotingCloses");
        runJob(pi, "Task_Prioritise");
    }

    @Test
    void eachPhaseOpensAtItsDateAndTheCycleEndsFormalised() {
        ProcessInstance pi = start();

        assertThat(pi).hasPassed("Task_OpenCycle").isWaitingAt("Timer_RegistrationOpens")
                .variables().containsEntry("iniciador", "planner");
        assertThat(beans.calls("registrarCiclo")).singleElement()
                .satisfies(c -> assertThat(c.variables()).containsAllEntriesOf(CALENDAR));
        assertThat(timer(pi, "Timer_RegistrationOpens").getDuedate()).isEqualTo(startOf("2026-03-09"));

        fire(pi, "Timer_RegistrationOpens");
        assertThat(pi).isWaitingAt("Task_LoadInvestmentProgramme");
        assertThat(task(pi)).hasCandidateGroup("planning").hasDueDate(businessDays(now(), 10))
                .hasFormKey("embedded:/forms/cargar-programa-inversiones.html");
        complete(task(pi), withVariables("programaCargado", true));

        assertThat(timer(pi, "Timer_IdeasOpen").getDuedate()).isEqualTo(startOf("2026-03-16"));
        fire(pi, "Timer_IdeasOpen");
        assertThat(timer(pi, "Timer_EvaluationOpens").getDuedate()).isEqualTo(startOf("2026-04-13"));
        fire(pi, "Timer_EvaluationOpens");

        List<Task> evaluations = tasks(pi, "Task_EvaluateProjects");
        assertThat(evaluations).hasSize(2).allSatisfy(t -> assertThat(t).hasCandidateGroup("technical-team")
                .hasDueDate(endOf("2026-04-24")));
        assertThat(evaluations).extracting(t -> engine.getTaskService().getVariable(t.getId(), "ambito"))
                .containsExactlyInAnyOrder("CAJAMARCA", "MULTIPROVINCIAL");
        verify(evaluation, org.mockito.Mockito.atLeastOnce()).ambitos(2026);
        evaluations.forEach(t -> complete(t, withVariables("matrizEvaluacion", "cui,puntaje")));
        assertThat(beans.where("evaluacionTecnica")).containsExactly("Task_EvaluateProjects", "Task_EvaluateProjects");

        assertThat(timer(pi, "Timer_VotingOpens").getDuedate()).isEqualTo(startOf("2026-04-27"));
        fire(pi, "Timer_VotingOpens");
        assertThat(timer(pi, "Timer_VotingCloses").getDuedate()).isEqualTo(endOf("2026-05-08"));
        fire(pi, "Timer_VotingCloses");
        assertThat(pi).hasPassed("Task_CloseVoting").isWaitingAt("Task_Prioritise"); // savepoint after the count
        runJob(pi, "Task_Prioritise");

        assertThat(pi).isWaitingAt("Task_ReviewPrioritisation");
        assertThat(task(pi)).hasCandidateGroup("planning").hasDueDate(businessDays(now(), 5));
        complete(task(pi));
        assertThat(pi).isWaitingAt("Task_ApproveResults");
        assertThat(task(pi)).hasCandidateGroup("regional-management");
        complete(task(pi), withVariables("resultadosAprobados", "si"));
        assertThat(pi).isWaitingAt("Task_ElectCommittee");
        assertThat(task(pi)).hasCandidateGroup("planning").hasDueDate(businessDays(now(), 10));
        complete(task(pi), withVariables("comiteRegistrado", true));
        runJob(pi, "Task_PublishResults");

        assertThat(pi).hasPassed("Task_RegisterMonitoring", "Event_Formalised").isEnded();
        ArgumentCaptor<String> phase = ArgumentCaptor.forClass(String.class);
        verify(phases, times(6)).pasar(any(), phase.capture());
        assertThat(phase.getAllValues()).containsExactly("INSCRIPCION", "IDEAS", "EVALUACION", "VOTACION",
                "FORMALIZACION", "FORMALIZADO");
        assertThat(beans.where("fasesCiclo.pasar")).containsExactly("Task_OpenRegistration", "Task_OpenIdeas",
                "Task_OpenEvaluation", "Task_OpenVoting", "Task_ApproveResults", "Task_PublishResults");
        assertThat(beans.calls()).extracting(ModelTests.Call::bean).containsSubsequence("registrarCiclo",
                "cargarPrograma", "cerrarVotacion", "priorizar", "aprobacionResultados", "comiteElegido",
                "registrarSeguimiento");
        assertThat(beans.escalations()).isEmpty();
    }

    @Test
    void observedResultsGoBackToTheReviewOfTheMatrix() {
        ProcessInstance pi = start();
        toEvaluation(pi);
        toReview(pi);

        complete(task(pi));
        complete(task(pi), withVariables("resultadosAprobados", "no", "observacionesGerencia", "Revisar empate"));

        assertThat(pi).hasPassed("Gateway_ResultsApproved").isWaitingAt("Task_ReviewPrioritisation");
        complete(task(pi));
        complete(task(pi), withVariables("resultadosAprobados", "si"));
        assertThat(pi).isWaitingAt("Task_ElectCommittee");
        assertThat(beans.calls("aprobacionResultados")).hasSize(2);
        verify(phases, times(2)).pasar(any(), eq("FORMALIZACION"));
    }

    @Test
    void withoutScopesToEvaluateTheCycleGoesOnToTheVoting() {
        when(evaluation.ambitos(any())).thenReturn(List.of());
        ProcessInstance pi = start();
        toEvaluation(pi);

        assertThat(pi).isWaitingAt("Timer_VotingOpens");
        assertThat(tasks(pi, "Task_EvaluateProjects")).isEmpty();
    }

    @Test
    void everyStaffTaskEscalatesToRegionalManagementWhenOverdue() {
        ProcessInstance pi = start();
        fire(pi, "Timer_RegistrationOpens");
        LocalDateTime opened = now();
        assertThat(timer(pi, "Timer_LoadInvestmentProgrammeOverdue").getDuedate()).isEqualTo(businessDays(opened, 10));
        fire(pi, "Timer_LoadInvestmentProgrammeOverdue");
        assertThat(pi).isWaitingAt("Task_LoadInvestmentProgramme");
        complete(task(pi));
        fire(pi, "Timer_IdeasOpen");
        fire(pi, "Timer_EvaluationOpens");

        // one deadline for all the scopes' evaluations: the boundary belongs to the multi-instance body
        assertThat(timer(pi, "Timer_EvaluateProjectsOverdue").getDuedate()).isEqualTo(endOf("2026-04-24"));
        fire(pi, "Timer_EvaluateProjectsOverdue");
        assertThat(tasks(pi, "Task_EvaluateProjects")).hasSize(2);
        toReview(pi);

        fire(pi, "Timer_ReviewPrioritisationOverdue");
        complete(task(pi));
        fire(pi, "Timer_ApproveResultsOverdue");
        complete(task(pi), withVariables("resultadosAprobados", "si"));
        fire(pi, "Timer_ElectCommitteeOverdue");

        assertThat(pi).isWaitingAt("Task_ElectCommittee").hasPassed("Event_LoadInvestmentProgrammeEscalated",
                "Event_EvaluateProjectsEscalated", "Event_ReviewPrioritisationEscalated",
                "Event_ApproveResultsEscalated", "Event_ElectCommitteeEscalated");
        assertThat(beans.escalations()).containsExactly(
                "Timer_LoadInvestmentProgrammeOverdue → regional-management",
                "Timer_EvaluateProjectsOverdue → regional-management",
                "Timer_ReviewPrioritisationOverdue → regional-management",
                "Timer_ApproveResultsOverdue → regional-management",
                "Timer_ElectCommitteeOverdue → regional-management");
    }

    @Test
    void aFailingPrioritisationStaysAtItsSavepointAndRetries() {
        beans.delegate("priorizar", e -> {
            throw new IllegalStateException("sin proyectos");
        });
        ProcessInstance pi = start();
        toEvaluation(pi);
        tasks(pi, "Task_EvaluateProjects").forEach(t -> complete(t));
        fire(pi, "Timer_VotingOpens");
        fire(pi, "Timer_VotingCloses");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runJob(pi, "Task_Prioritise"));

        assertThat(pi).hasPassed("Task_CloseVoting").isWaitingAt("Task_Prioritise");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult()
                .getRetries()).isEqualTo(4);
        assertThat(beans.calls("cerrarVotacion")).hasSize(1); // the count is not rolled back nor repeated
    }
}
