package pe.gob.regioncajamarca.participa.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;


import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/** Every path of oversight-report: with and without the executing unit's statement, and escalation. */
class OversightProcessIT extends ProcessTest {

    @org.springframework.beans.factory.annotation.Autowired OversightReports reports;

    /** A report filed by a committee member about a monitored project of the test unit, as the staff page does. */
    private ProcessInstance start() {
        int year = freeYear();
        formalisedCycle(year);
        String cui = String.valueOf(5_000_000 + unique());
        jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, prioritized, "
                + "monitored_since) VALUES (?, ?, 'Canal de riego', 'CHOTA', 900000, 'Riego', ?, TRUE, CURRENT_DATE)")
                .params(year, cui, TEST_UNIT).update();
        String code = reports.file(new OversightReports.Draft("INFORME", null, "La obra está paralizada desde hace dos meses.",
                java.util.List.of(cui), java.util.Set.of(), false), java.util.List.of(), staffUser("oversight-committee"));
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult();
    }

    @Test
    void aReportNeedingTheUnitsStatementGoesToThatUnitThenIsAnswered() {
        ProcessInstance pi = start();
        Task review = taskOf(pi.getId(), "Task_ReviewReport");
        assertThat(candidateGroupsOf(review)).containsExactly("planning");
        complete(review, withVariables("requiereDescargo", "si", "analisis", "Se pide descargo."));
        Task statement = taskOf(pi.getId(), "Task_UnitStatement");
        assertThat(candidateGroupsOf(statement)).containsExactly(TEST_UNIT_GROUP);
        assertThat(statement.getDueDate()).isEqualTo(plazos.habiles(10));
        complete(statement, withVariables("descargo", "Falta de expediente de adicional."));
        complete(taskOf(pi.getId(), "Task_AnswerCommittee"), withVariables("respuesta", "Se reanuda en junio.",
                "alertaConfirmada", "si"));
        assertThat(pi).isEnded().hasPassed("Task_UnitStatement", "Event_Answered");
    }

    @Test
    void aReportThePlanningOfficeCanAnswerSkipsTheUnit() {
        ProcessInstance pi = start();
        complete(taskOf(pi.getId(), "Task_ReviewReport"), withVariables("requiereDescargo", "no", "analisis", "Ok"));
        complete(taskOf(pi.getId(), "Task_AnswerCommittee"), withVariables("respuesta", "Atendido.",
                "alertaConfirmada", "no"));
        assertThat(pi).isEnded().hasNotPassed("Task_UnitStatement");
    }

    @Test
    void aUnitStatementNotGivenInTenBusinessDaysIsEscalated() {
        ProcessInstance pi = start();
        complete(taskOf(pi.getId(), "Task_ReviewReport"), withVariables("requiereDescargo", "si", "analisis", "x"));
        passDeadlineOf(taskOf(pi.getId(), "Task_UnitStatement"));
        assertThat(candidateGroupsOf(taskOf(pi.getId(), "Task_UnitStatement")))
                .containsExactlyInAnyOrder(TEST_UNIT_GROUP, "regional-management");
    }

    @Test
    void theUnitIsRemindedTwoBusinessDaysBeforeItsStatementIsDue() {
        String unitMember = staffUser(TEST_UNIT_GROUP);
        clockAt(java.time.LocalDate.of(2026, 7, 20)); // across the July and August holidays
        ProcessInstance pi = start();
        complete(taskOf(pi.getId(), "Task_ReviewReport"), withVariables("requiereDescargo", "si", "analisis", "x"));
        Task statement = taskOf(pi.getId(), "Task_UnitStatement");
        // 10 business days from Mon 20 Jul skipping 23, 28, 29 Jul and 6 Aug: Fri 7 Aug; reminder 2 before: Tue 4 Aug
        assertThat(statement.getDueDate()).isEqualTo(java.util.Date.from(java.time.LocalDate.of(2026, 8, 7)
                .atTime(17, 30).atZone(java.time.ZoneId.of("America/Lima")).toInstant()));
        clockAt(java.time.LocalDate.of(2026, 8, 4)); // noon: not yet
        executeDueJobs(pi.getId());
        assertThat(mailsTo(unitMember + "@example.pe")).isEmpty();
        clockAt(java.time.LocalDate.of(2026, 8, 5));
        executeDueJobs(pi.getId());
        assertThat(pi).hasPassed("Event_UnitStatementReminded").isWaitingAt("Task_UnitStatement");
        assertThat(mailsTo(unitMember + "@example.pe")).singleElement().satisfies(s -> assertThat(s)
                .startsWith("Recordatorio: «Presentar descargo de la unidad ejecutora · ").contains("» vence el 07/08/2026"));
    }
}
