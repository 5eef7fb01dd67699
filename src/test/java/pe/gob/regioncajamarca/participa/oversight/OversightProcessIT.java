package pe.gob.regioncajamarca.participa.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/** Every path of oversight-report: with and without the executing unit's statement, and escalation. */
class OversightProcessIT extends ProcessTest {

    private ProcessInstance start() {
        String code = "VIG-" + unique();
        return runtime.startProcessInstanceByKey("oversight-report", code, Map.of("codigo", code, "cui", "2585850",
                "unidad", "Unidad de prueba", "grupoUnidad", TEST_UNIT_GROUP, "resumen", "Obra paralizada."));
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
}
