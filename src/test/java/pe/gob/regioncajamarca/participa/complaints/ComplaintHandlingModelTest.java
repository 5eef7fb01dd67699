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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import pe.gob.regioncajamarca.participa.testsupport.ModelTests;

/**
 * {@code complaint-handling} alone (with its decision {@code plazo-atencion}): the legal deadline per kind, triage and
 * answer with their deadlines, reminder and escalations, and for a request for public information the branch that
 * decides the one extension (yes, no, undecided and escalated, window closed, made moot by the answer).
 */
class ComplaintHandlingModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTests.extension();

    ModelTests.Beans beans;

    @BeforeEach
    void deploy() {
        ModelTests.deploy(engine, "complaint-handling.bpmn");
        clockAt(START);
        beans = new ModelTests.Beans();
        beans.taskListener("solicitudDerivada");
        beans.taskListener("solicitudRespondida");
        beans.taskListener("prorrogaDecidida");
        beans.delegate("plazoProrrogado");
        beans.executionListener("recordarTarea");
        beans.executionListener("escalacion");
    }

    private ProcessInstance start(String kind) {
        return runtimeService().startProcessInstanceByKey("complaint-handling", "SOL-2026-000001",
                withVariables("solicitudId", 1L, "tipo", kind));
    }

    @ParameterizedTest
    @CsvSource({"CONSULTA, 10", "RECLAMO, 15"})
    void aQueryOrAComplaintIsTriagedAndAnsweredWithinItsLegalDeadline(String kind, int days) throws Exception {
        ProcessInstance pi = start(kind);

        assertThat(pi).hasPassed("Task_LegalDeadline", "Task_ComputeDueDate", "Gateway_Extensible")
                .hasNotPassed("Task_ExtensionWindow").isWaitingAt("Task_Triage");
        assertThat(pi).variables().containsEntry("plazoDias", days).containsEntry("fechaLimite", businessDays(START, days));
        verify(beans.plazos).habiles(days);
        assertThat(task(pi)).hasCandidateGroup("planning").hasDueDate(businessDays(START, 2));
        assertThat(engine.getFormService().getDeployedTaskForm(task(pi).getId())).isNotNull();

        complete(task(pi), withVariables("grupoResponsable", "unit-sede-central", "notaDerivacion", "Atender"));

        assertThat(pi).isWaitingAt("Task_Answer");
        assertThat(task(pi)).hasCandidateGroup("unit-sede-central").hasDueDate(businessDays(START, days));
        complete(task(pi), withVariables("respuesta", "Respuesta"));

        assertThat(pi).hasPassed("Event_Answered").isEnded();
        assertThat(beans.calls()).extracting(ModelTests.Call::bean)
                .containsExactly("solicitudDerivada", "solicitudRespondida");
    }

    @Test
    void theTriageEscalatesThenTheAnswerIsRemindedTwoBusinessDaysBeforeAndEscalatesAtTheDeadline() {
        ProcessInstance pi = start("RECLAMO");
        assertThat(timer(pi, "Timer_TriageOverdue").getDuedate()).isEqualTo(businessDays(START, 2));
        fire(pi, "Timer_TriageOverdue");
        assertThat(pi).hasPassed("Event_TriageEscalated").isWaitingAt("Task_Triage");

        complete(task(pi), withVariables("grupoResponsable", "planning"));
        assertThat(timer(pi, "Timer_AnswerReminder").getDuedate()).isEqualTo(businessDays(START, 13));
        assertThat(timer(pi, "Timer_AnswerOverdue").getDuedate()).isEqualTo(businessDays(START, 15));
        fire(pi, "Timer_AnswerReminder");
        fire(pi, "Timer_AnswerOverdue");

        assertThat(beans.where("recordarTarea")).containsExactly("Timer_AnswerReminder");
        assertThat(beans.escalations()).containsExactly("Timer_TriageOverdue → regional-management",
                "Timer_AnswerOverdue → regional-management");
        assertThat(pi).hasPassed("Event_AnswerReminded", "Event_AnswerEscalated").isWaitingAt("Task_Answer");
    }

    @Test
    void aRequestForPublicInformationAlsoOpensTheExtensionDecisionForTwoBusinessDays() {
        ProcessInstance pi = start("ACCESO_INFORMACION");

        assertThat(pi).hasPassed("Task_ExtensionWindow").isWaitingAt("Task_Triage", "Task_DecideExtension");
        assertThat(pi).variables().containsEntry("plazoDias", 10)
                .containsEntry("fechaLimiteProrroga", businessDays(START, 2))
                .containsEntry("plazoLegalTexto", "12/03/2026")
                .containsEntry("limiteProrrogaTexto", "04/03/2026");
        assertThat(task("Task_DecideExtension", pi)).hasCandidateGroup("planning").hasDueDate(businessDays(START, 2));
        assertThat(timer(pi, "Timer_ExtensionUndecided").getDuedate()).isEqualTo(businessDays(START, 1));
        assertThat(timer(pi, "Timer_ExtensionWindowClosed").getDuedate()).isEqualTo(businessDays(START, 2));
    }

    @Test
    void anExtensionIsRecordedAndMailedWhileTheTriageGoesOn() {
        ProcessInstance pi = start("ACCESO_INFORMACION");

        complete(task("Task_DecideExtension", pi), withVariables("prorrogar", "SI", "nuevaFechaLimite", "2026-03-26",
                "motivoProrroga", "Información en archivo"));

        assertThat(pi).hasPassed("Gateway_Extended", "Task_ExtendDeadline", "Event_Extended")
                .hasNotPassed("Event_NotExtended").isWaitingAt("Task_Triage");
        assertThat(beans.calls("plazoProrrogado")).singleElement().satisfies(c -> assertThat(c.variables())
                .containsEntry("nuevaFechaLimite", "2026-03-26").containsEntry("motivoProrroga", "Información en archivo"));
        assertThat(beans.where("prorrogaDecidida")).containsExactly("Task_DecideExtension");
        assertThat(timer(pi, "Timer_TriageOverdue")).isNotNull();
    }

    @Test
    void noExtensionKeepsTheLegalDeadline() {
        ProcessInstance pi = start("ACCESO_INFORMACION");

        complete(task("Task_DecideExtension", pi), withVariables("prorrogar", "NO"));

        assertThat(pi).hasPassed("Event_NotExtended").hasNotPassed("Task_ExtendDeadline").isWaitingAt("Task_Triage");
        assertThat(beans.calls("plazoProrrogado")).isEmpty();
    }

    @Test
    void anUndecidedExtensionEscalatesAfterOneDayAndTheWindowClosesAfterTwo() {
        ProcessInstance pi = start("ACCESO_INFORMACION");

        fire(pi, "Timer_ExtensionUndecided");
        assertThat(beans.escalations()).containsExactly("Timer_ExtensionUndecided → regional-management");
        assertThat(pi).hasPassed("Event_ExtensionEscalated").isWaitingAt("Task_Triage", "Task_DecideExtension");

        fire(pi, "Timer_ExtensionWindowClosed");
        assertThat(pi).hasPassed("Event_ExtensionWindowClosed").isNotWaitingAt("Task_DecideExtension")
                .isWaitingAt("Task_Triage");
        assertThat(beans.calls("prorrogaDecidida")).isEmpty();
        assertThat(beans.calls("plazoProrrogado")).isEmpty();
    }

    @Test
    void theAnswerEndsEverythingEvenAnExtensionNotYetDecided() {
        ProcessInstance pi = start("ACCESO_INFORMACION");

        complete(task("Task_Triage", pi), withVariables("grupoResponsable", "planning"));
        complete(task("Task_Answer", pi), withVariables("respuesta", "Adjuntamos la información"));

        assertThat(pi).hasPassed("Event_Answered").hasNotPassed("Event_Extended", "Event_NotExtended").isEnded();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }
}
