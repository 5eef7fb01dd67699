package pe.gob.regioncajamarca.participa.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Every path of complaint-handling (legal deadlines by kind from the DMN, triage and answer) and of
 * wrongdoing-report (a report of wrongdoing: its own process, its due date without any decision, escalated within
 * the integrity office).
 */
class ComplaintProcessIT extends ProcessTest {

    static final LocalDate DAY = LocalDate.of(2026, 7, 20); // Monday before the national holidays of 23, 28, 29 July

    @org.springframework.beans.factory.annotation.Autowired ComplaintService complaints;

    /** A request of {@code kind} as the portal submits it. */
    private ProcessInstance start(String kind) {
        clockAt(DAY);
        String code = complaints.submit(new ComplaintService.Submission(kind, "Consulta de prueba",
                "Una descripción suficientemente larga del pedido.", null, false, "Ana Díaz Vera", null,
                "ana" + unique() + "@example.pe", null), null);
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult();
    }

    @Test
    void aComplaintHasFifteenBusinessDaysAndIsAnsweredByTheGroupItIsRoutedTo() {
        ProcessInstance pi = start("RECLAMO");
        assertThat(runtime.getVariable(pi.getId(), "plazoDias")).isEqualTo(15);
        // 15 business days from Mon 20 July 2026 skipping 23, 28, 29 July and weekends: Fri 14 August (6 August is a holiday too)
        assertThat(runtime.getVariable(pi.getId(), "fechaLimite"))
                .isEqualTo(java.util.Date.from(LocalDate.of(2026, 8, 14).atTime(17, 30)
                        .atZone(java.time.ZoneId.of("America/Lima")).toInstant()));
        Task triage = taskOf(pi.getId(), "Task_Triage");
        assertThat(candidateGroupsOf(triage)).containsExactly("planning");
        complete(triage, withVariables("grupoResponsable", "unit-sede-central"));
        Task answer = taskOf(pi.getId(), "Task_Answer");
        assertThat(candidateGroupsOf(answer)).containsExactly("unit-sede-central");
        assertThat(answer.getDueDate()).isEqualTo(runtime.getVariable(pi.getId(), "fechaLimite"));
        complete(answer, withVariables("respuesta", "La obra se reanuda el lunes."));
        assertThat(pi).isEnded().hasPassed("Event_Answered");
    }

    @Test
    void aRequestForPublicInformationHasTenBusinessDays() {
        ProcessInstance pi = start("ACCESO_INFORMACION");
        assertThat(runtime.getVariable(pi.getId(), "plazoDias")).isEqualTo(10);
        assertThat(runtime.getVariable(pi.getId(), "fechaLimite")).isEqualTo(plazos.habiles(10));
    }

    @Test
    void aReportOfWrongdoingGoesOnlyToTheIntegrityOfficeAndEscalatesWithinIt() {
        ProcessInstance pi = start("DENUNCIA");
        assertThat(engine.getRepositoryService().getProcessDefinition(pi.getProcessDefinitionId()).getKey())
                .isEqualTo("wrongdoing-report");
        assertThat(pi).isWaitingAt("Task_HandleReport");
        // ten business days, computed in the model: no decision is evaluated for a report of wrongdoing
        assertThat(runtime.getVariable(pi.getId(), "fechaLimite")).isEqualTo(plazos.habiles(10));
        assertThat(runtime.getVariable(pi.getId(), "tipo")).isNull();
        assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(pi.getId())
                .count()).isZero();
        Task handle = taskOf(pi.getId(), "Task_HandleReport");
        assertThat(candidateGroupsOf(handle)).containsExactly("integrity-office");
        assertThat(handle.getDueDate()).isEqualTo(plazos.habiles(10));
        passDeadlineOf(handle);
        Task escalated = taskOf(pi.getId(), "Task_HandleReport");
        assertThat(candidateGroupsOf(escalated)).containsExactly("integrity-office");
        assertThat(escalated.getPriority()).isEqualTo(90);
        complete(escalated, withVariables("resultadoDenuncia", "ARCHIVADA", "respuesta", "Archivada"));
        assertThat(pi).isEnded().hasPassed("Event_ReportHandled");
        assertThat(jdbc.sql("SELECT status FROM complaint WHERE process_instance_id = ?").param(pi.getId())
                .query(String.class).single()).isEqualTo("ATENDIDA");
    }

    @Test
    void theOtherKindsRunInComplaintHandlingAndNeverMeetTheIntegrityOffice() {
        for (String kind : new String[] {"CONSULTA", "RECLAMO", "ACCESO_INFORMACION"}) {
            ProcessInstance pi = start(kind);
            assertThat(engine.getRepositoryService().getProcessDefinition(pi.getProcessDefinitionId()).getKey())
                    .as(kind).isEqualTo("complaint-handling");
            assertThat(pi).isWaitingAt("Task_Triage");
        }
        String latest = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("complaint-handling").latestVersion().singleResult().getId();
        Object handleReport = engine.getRepositoryService().getBpmnModelInstance(latest)
                .getModelElementById("Task_HandleReport");
        assertThat(handleReport).as("complaint-handling has no task for reports of wrongdoing").isNull();
    }

    @Test
    void anUnansweredQueryIsEscalatedToRegionalManagement() {
        ProcessInstance pi = start("CONSULTA");
        complete(taskOf(pi.getId(), "Task_Triage"), withVariables("grupoResponsable", "technical-team"));
        passDeadlineOf(taskOf(pi.getId(), "Task_Answer"));
        assertThat(candidateGroupsOf(taskOf(pi.getId(), "Task_Answer")))
                .containsExactlyInAnyOrder("technical-team", "regional-management");
    }
}
