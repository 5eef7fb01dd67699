package pe.gob.regioncajamarca.participa.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/** Every path of training-programme: approval after one adjustment, the enrolment timer, escalation. */
class TrainingProcessIT extends ProcessTest {

    static final LocalDate DAY = LocalDate.of(2026, 5, 4);

    private ProcessInstance start() {
        clockAt(DAY);
        return runtime.startProcessInstanceByKey("training-programme", "CAP-" + unique(), Map.of(
                "nombrePrograma", "Vigilancia ciudadana de obras", "modulos", "1. Presupuesto participativo",
                "publicoObjetivo", "Agentes participantes", "modalidad", "MIXTA", "cursoVigilancia", true,
                "inscripcionHasta", DAY.plusDays(20).toString(), "fechaFin", DAY.plusDays(60).toString()));
    }

    @Test
    void aProgrammeAdjustedOnceIsApprovedPublishedTaughtAndCertified() {
        ProcessInstance pi = start();
        Task approve = taskOf(pi.getId(), "Task_ApproveProgramme");
        assertThat(candidateGroupsOf(approve)).containsExactly("regional-management");
        complete(approve, withVariables("decisionPrograma", "observar", "observacionesPrograma", "Más sesiones"));
        Task adjust = taskOf(pi.getId(), "Task_AdjustProgramme");
        assertThat(candidateGroupsOf(adjust)).containsExactly("planning");
        complete(adjust, withVariables("modulos", "1. PP\n2. Vigilancia"));
        complete(taskOf(pi.getId(), "Task_ApproveProgramme"), withVariables("decisionPrograma", "aprobar"));
        Task publish = taskOf(pi.getId(), "Task_PublishCall");
        assertThat(candidateGroupsOf(publish)).containsExactly("communications");
        complete(publish, withVariables("convocatoriaPublicada", true));

        assertThat(pi).isWaitingAt("Timer_EnrolmentCloses");
        clockAt(DAY.plusDays(20));
        assertThat(executeDueJobs(pi.getId())).isZero(); // open until the end of the last day
        clockAt(DAY.plusDays(21));
        executeDueJobs(pi.getId());
        Task attendance = taskOf(pi.getId(), "Task_RecordAttendance");
        assertThat(attendance.getDueDate()).isEqualTo(plazos.finDe(DAY.plusDays(60).toString()));
        complete(attendance, withVariables("participantesInscritos", 40, "participantesAprobados", 31,
                "asistenciaRegistrada", true));
        complete(taskOf(pi.getId(), "Task_IssueCertificates"), withVariables("certificadosEmitidos", true));
        assertThat(pi).isEnded().hasPassed("Event_Concluded");
    }

    @Test
    void anApprovalNotGivenInFiveBusinessDaysIsEscalated() {
        ProcessInstance pi = start();
        passDeadlineOf(taskOf(pi.getId(), "Task_ApproveProgramme"));
        Task approve = taskOf(pi.getId(), "Task_ApproveProgramme");
        assertThat(approve.getPriority()).isEqualTo(90);
        assertThat(escalationsOf(pi.getId())).isEqualTo(1);
    }
}
