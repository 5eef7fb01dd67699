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
        return start(kind, DAY);
    }

    private ProcessInstance start(String kind, LocalDate day) {
        clockAt(day);
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

    private static java.util.Date endOf(LocalDate day) {
        return java.util.Date.from(day.atTime(17, 30).atZone(java.time.ZoneId.of("America/Lima")).toInstant());
    }

    /**
     * Issue 21: requests submitted the day before 1 May, 7 June and 29 June (each on a weekday that year), their
     * exact due dates (17:30 Lima): the holiday is not a business day, nor the weekend.
     */
    @Test
    void deadlinesSkipTheHolidaysOfMayAndJune() {
        // Thu 30 Apr 2026; Fri 1 May is Labour Day: 10 business days = Fri 15 May, 15 = Fri 22 May
        ProcessInstance info = start("ACCESO_INFORMACION", LocalDate.of(2026, 4, 30));
        assertThat(runtime.getVariable(info.getId(), "fechaLimite")).isEqualTo(endOf(LocalDate.of(2026, 5, 15)));
        // the two business days to extend it: Mon 4 and Tue 5 May
        assertThat(runtime.getVariable(info.getId(), "fechaLimiteProrroga")).isEqualTo(endOf(LocalDate.of(2026, 5, 5)));
        ProcessInstance complaint = start("RECLAMO", LocalDate.of(2026, 4, 30));
        assertThat(runtime.getVariable(complaint.getId(), "fechaLimite")).isEqualTo(endOf(LocalDate.of(2026, 5, 22)));

        // Tue 6 Jun 2028; Wed 7 June (Battle of Arica) is a holiday: 10 business days = Wed 21 June, 15 = Wed 28 June
        info = start("ACCESO_INFORMACION", LocalDate.of(2028, 6, 6));
        assertThat(runtime.getVariable(info.getId(), "fechaLimite")).isEqualTo(endOf(LocalDate.of(2028, 6, 21)));
        assertThat(runtime.getVariable(info.getId(), "fechaLimiteProrroga")).isEqualTo(endOf(LocalDate.of(2028, 6, 9)));
        ProcessInstance query = start("CONSULTA", LocalDate.of(2028, 6, 6));
        assertThat(runtime.getVariable(query.getId(), "fechaLimite")).isEqualTo(endOf(LocalDate.of(2028, 6, 21)));
        complaint = start("RECLAMO", LocalDate.of(2028, 6, 6));
        assertThat(runtime.getVariable(complaint.getId(), "fechaLimite")).isEqualTo(endOf(LocalDate.of(2028, 6, 28)));
        // the triage is due in two business days: Fri 9 June
        assertThat(taskOf(complaint.getId(), "Task_Triage").getDueDate()).isEqualTo(endOf(LocalDate.of(2028, 6, 9)));

        // Mon 28 Jun 2027; Tue 29 June (Saint Peter and Saint Paul) is a holiday: 10 = Tue 13 July, 15 = Tue 20 July
        info = start("ACCESO_INFORMACION", LocalDate.of(2027, 6, 28));
        assertThat(runtime.getVariable(info.getId(), "fechaLimite")).isEqualTo(endOf(LocalDate.of(2027, 7, 13)));
        assertThat(runtime.getVariable(info.getId(), "fechaLimiteProrroga")).isEqualTo(endOf(LocalDate.of(2027, 7, 1)));
        complaint = start("RECLAMO", LocalDate.of(2027, 6, 28));
        assertThat(runtime.getVariable(complaint.getId(), "fechaLimite")).isEqualTo(endOf(LocalDate.of(2027, 7, 20)));
        // and what the portal stores and shows is that same instant
        assertThat(complaints.status(complaint.getBusinessKey()).orElseThrow().dueAt())
                .isEqualTo(endOf(LocalDate.of(2027, 7, 20)).toInstant());
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
