package pe.gob.regioncajamarca.participa.training;

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
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.now;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.runJob;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.timer;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.timers;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
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
 * {@code training-programme} alone: approval or observation and adjustment, the call's publication, the close of
 * enrolment at its date, one branch per session that creates its attendance task only when the session begins
 * (multi-instance subprocess, a deadline per session), with or without an evaluation, the certificates after a
 * savepoint, and every reminder and escalation.
 */
class TrainingProgrammeModelTest {

    /** The expression bean {@code capacitacion} as the model calls it. */
    public interface TrainingBean {
        void cerrarInscripciones(DelegateExecution execution);

        Date inicioSesion(DelegateExecution execution);

        Date vencimientoAsistencia(DelegateExecution execution);

        void prepararSesion(DelegateExecution execution);

        void prepararEvaluacion(DelegateExecution execution);
    }

    static final Map<Long, LocalDateTime> SESSIONS = Map.of(
            101L, LocalDateTime.of(2026, 3, 23, 9, 0),
            102L, LocalDateTime.of(2026, 3, 30, 9, 0));

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTests.extension();

    ModelTests.Beans beans;
    TrainingBean training;
    boolean evaluationRequired = true;

    @BeforeEach
    void deploy() {
        ModelTests.deploy(engine, "training-programme.bpmn");
        clockAt(START);
        beans = new ModelTests.Beans();
        beans.delegate("registrarEdicion", e -> {
            e.setVariable("edicionId", 9L);
            e.setVariable("inscripcionHasta", "2026-03-20");
            e.setVariable("evaluacionRequerida", evaluationRequired);
        });
        training = beans.bean("capacitacion", TrainingBean.class);
        doAnswer(inv -> {
            inv.<DelegateExecution>getArgument(0).setVariable("idsSesiones", new ArrayList<>(SESSIONS.keySet().stream()
                    .sorted().toList()));
            return null;
        }).when(training).cerrarInscripciones(any());
        doAnswer(inv -> at(SESSIONS.get(session(inv.getArgument(0))))).when(training).inicioSesion(any());
        doAnswer(inv -> ModelTests.endOfWorkday(SESSIONS.get(session(inv.getArgument(0))).toLocalDate().plusDays(2)))
                .when(training).vencimientoAsistencia(any());
        beans.taskListener("programaRevisado");
        beans.taskListener("programaAjustado");
        beans.taskListener("abrirInscripciones");
        beans.taskListener("asistenciaRegistrada");
        beans.taskListener("evaluacionRegistrada");
        beans.delegate("emitirCertificados");
        beans.executionListener("recordarTarea");
        beans.executionListener("escalacion");
    }

    private static long session(DelegateExecution execution) {
        return ((Number) execution.getVariable("sesion")).longValue();
    }

    private ProcessInstance start() {
        engine.getIdentityService().setAuthenticatedUserId("planner");
        try {
            return engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey("training-programme").singleResult().getId(), withVariables(
                    "nombrePrograma", "Vigilancia ciudadana", "sesiones", "2026-03-23 09:00\n2026-03-30 09:00"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private List<Task> attendance(ProcessInstance pi) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("Task_RecordAttendance").list();
    }

    /** Approved, published, enrolment closed: the sessions wait for their start. */
    private void toSessions(ProcessInstance pi) {
        complete(task(pi), withVariables("decisionPrograma", "aprobar"));
        complete(task(pi), withVariables("convocatoriaPublicada", true));
        fire(pi, "Timer_EnrolmentCloses");
    }

    @Test
    void anApprovedEditionRunsItsSessionsInTimeOrderThenTheEvaluationThenTheCertificates() {
        ProcessInstance pi = start();
        assertThat(pi).hasPassed("Task_RegisterEdition").isWaitingAt("Task_ApproveProgramme")
                .variables().containsEntry("iniciador", "planner");
        assertThat(task(pi)).hasCandidateGroup("regional-management").hasDueDate(businessDays(START, 5));
        complete(task(pi), withVariables("decisionPrograma", "aprobar"));

        assertThat(pi).isWaitingAt("Task_PublishCall");
        assertThat(task(pi)).hasCandidateGroup("communications").hasDueDate(businessDays(START, 3));
        complete(task(pi), withVariables("convocatoriaPublicada", true));

        assertThat(timer(pi, "Timer_EnrolmentCloses").getDuedate())
                .isEqualTo(at(LocalDate.of(2026, 3, 20).atTime(23, 59, 59)));
        fire(pi, "Timer_EnrolmentCloses");
        verify(training).cerrarInscripciones(any());

        // one branch per session, each waiting for its start: nobody sees a task that cannot be done yet
        List<Job> starts = timers(pi, "Timer_SessionStarts");
        assertThat(starts).extracting(Job::getDuedate).containsExactly(at(SESSIONS.get(101L)), at(SESSIONS.get(102L)));
        assertThat(attendance(pi)).isEmpty();

        fire(starts.get(0));
        assertThat(attendance(pi)).singleElement().satisfies(t -> assertThat(t).hasCandidateGroup("planning")
                .hasDueDate(ModelTests.endOfWorkday(LocalDate.of(2026, 3, 25))));
        complete(attendance(pi).get(0), withVariables("ausentes", "", "asistenciaConfirmada", true));
        assertThat(pi).isWaitingAt("Timer_SessionStarts");

        fire(starts.get(1));
        complete(attendance(pi).get(0), withVariables("ausentes", "40000001", "asistenciaConfirmada", true));
        verify(training, times(2)).prepararSesion(any());
        assertThat(beans.calls("asistenciaRegistrada")).extracting(c -> c.variables().get("sesion"))
                .containsExactly(101L, 102L);

        assertThat(pi).hasPassed("Gateway_HasEvaluation").isWaitingAt("Task_RecordEvaluation");
        assertThat(task(pi)).hasCandidateGroup("planning").hasDueDate(businessDays(now(), 5));
        verify(training).prepararEvaluacion(any());
        complete(task(pi), withVariables("notas", "40000001;15"));

        assertThat(pi).isWaitingAt("Task_IssueCertificates"); // savepoint before the PDFs and mails
        runJob(pi, "Task_IssueCertificates");
        assertThat(pi).hasPassed("Event_Concluded").isEnded();
        assertThat(beans.calls()).extracting(ModelTests.Call::bean).containsSubsequence("registrarEdicion",
                "programaRevisado", "abrirInscripciones", "asistenciaRegistrada", "asistenciaRegistrada",
                "evaluacionRegistrada", "emitirCertificados");
        assertThat(beans.escalations()).isEmpty();
    }

    @Test
    void withoutEvaluationTheCertificatesFollowTheLastSession() {
        evaluationRequired = false;
        ProcessInstance pi = start();
        toSessions(pi);
        for (Job start : timers(pi, "Timer_SessionStarts")) {
            fire(start);
            complete(attendance(pi).get(0), withVariables("asistenciaConfirmada", true));
        }

        assertThat(pi).hasNotPassed("Task_RecordEvaluation").isWaitingAt("Task_IssueCertificates");
        runJob(pi, "Task_IssueCertificates");
        assertThat(pi).isEnded();
        verify(training, times(0)).prepararEvaluacion(any());
    }

    @Test
    void anObservedProgrammeIsAdjustedByPlanningAndComesBackForApproval() {
        ProcessInstance pi = start();

        complete(task(pi), withVariables("decisionPrograma", "observar", "observacionesPrograma", "Más sesiones"));
        assertThat(pi).isWaitingAt("Task_AdjustProgramme");
        assertThat(task(pi)).hasCandidateGroup("planning").hasDueDate(businessDays(START, 5));
        complete(task(pi), withVariables("sesiones", "2026-03-23 09:00\n2026-03-30 09:00\n2026-04-06 09:00"));

        assertThat(pi).isWaitingAt("Task_ApproveProgramme");
        complete(task(pi), withVariables("decisionPrograma", "aprobar"));
        assertThat(pi).isWaitingAt("Task_PublishCall");
        assertThat(beans.where("programaRevisado")).hasSize(2);
        assertThat(beans.where("programaAjustado")).containsExactly("Task_AdjustProgramme");
    }

    @Test
    void everyTaskEscalatesWhenOverdueEachSessionOnItsOwn() {
        ProcessInstance pi = start();
        fire(pi, "Timer_ApproveProgrammeOverdue");
        complete(task(pi), withVariables("decisionPrograma", "observar"));
        fire(pi, "Timer_AdjustProgrammeOverdue");
        complete(task(pi));
        complete(task(pi), withVariables("decisionPrograma", "aprobar"));
        fire(pi, "Timer_PublishCallOverdue");
        complete(task(pi));
        fire(pi, "Timer_EnrolmentCloses");

        List<Job> starts = timers(pi, "Timer_SessionStarts");
        fire(starts.get(0));
        // the deadline of the first session's task, inside its own branch
        assertThat(timer(pi, "Timer_RecordAttendanceOverdue").getDuedate())
                .isEqualTo(ModelTests.endOfWorkday(LocalDate.of(2026, 3, 25)));
        fire(pi, "Timer_RecordAttendanceOverdue");
        assertThat(attendance(pi)).hasSize(1);
        complete(attendance(pi).get(0));
        fire(starts.get(1));
        complete(attendance(pi).get(0));

        LocalDateTime created = now();
        assertThat(timer(pi, "Timer_RecordEvaluationReminder").getDuedate()).isEqualTo(businessDays(created, 3));
        fire(pi, "Timer_RecordEvaluationReminder");
        fire(pi, "Timer_RecordEvaluationOverdue");

        assertThat(beans.where("recordarTarea")).containsExactly("Timer_RecordEvaluationReminder");
        assertThat(beans.escalations()).containsExactly(
                "Timer_ApproveProgrammeOverdue → regional-management",
                "Timer_AdjustProgrammeOverdue → regional-management",
                "Timer_PublishCallOverdue → regional-management",
                "Timer_RecordAttendanceOverdue → regional-management",
                "Timer_RecordEvaluationOverdue → regional-management");
        assertThat(pi).isWaitingAt("Task_RecordEvaluation").hasPassed("Event_ApproveProgrammeEscalated",
                "Event_AdjustProgrammeEscalated", "Event_PublishCallEscalated", "Event_RecordAttendanceEscalated",
                "Event_RecordEvaluationReminded", "Event_RecordEvaluationEscalated");
    }
}
