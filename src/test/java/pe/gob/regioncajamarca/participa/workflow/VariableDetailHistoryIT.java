package pe.gob.regioncajamarca.participa.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.accreditation.AccreditationService;
import pe.gob.regioncajamarca.participa.accreditation.AgentApplication;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * ADR 0023: the engine's history keeps every change a person makes to a variable (its detail, with the user
 * operation it came from), and no second copy of a variable the engine itself created (its instance row holds the
 * same value). Runs on H2 and PostgreSQL with the application's engine.
 */
class VariableDetailHistoryIT extends ProcessTest {

    @Autowired AccreditationService accreditation;
    @Autowired HistoryService history;
    @LocalServerPort int port;

    @Test
    void aPersonsChangesKeepTheirDetailAndTheEnginesOwnCreationsDoNot() {
        int year = sharedFormalisedCycle();
        long citizen = citizen("detalle" + unique() + "@example.pe");
        // a citizen registers on the portal: the process and the variables its review task shows are the engine's
        var r = accreditation.register(new AgentApplication(year, citizen, "976000111", "F", LocalDate.of(1990, 5, 4),
                "Superior universitaria", "Docente", "Ronda campesina de Bambamarca", TEST_PROVINCE, TEST_DISTRICT));
        String pi = r.processInstanceId();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName("agente")
                .singleResult().getValue()).isEqualTo("Rosa Huamán Cotrina");
        assertThat(details(pi, "agente")).isEmpty();
        int created = history.createHistoricVariableInstanceQuery().processInstanceId(pi).list().size();
        assertThat(created).isPositive();
        assertThat(history.createHistoricDetailQuery().processInstanceId(pi).count()).isZero();

        // the engine changes one of them (no person): the change is a detail
        runtime.setVariable(pi, "agente", "Rosa Huamán Cotrina de Vargas");
        assertThat(details(pi, "agente")).extracting(HistoricVariableUpdate::getValue)
                .containsExactly("Rosa Huamán Cotrina de Vargas");

        // a planner decides in Tasklist (the REST API Tasklist calls): the decision is a detail, and the operation
        // log names the planner who completed the task
        Task review = taskOf(pi, "Task_ReviewAccreditation");
        String planner = staffUser("planning");
        var done = new Http(port).postJson("/engine-rest/task/" + review.getId() + "/complete",
                "{\"variables\": {\"decision\": {\"value\": \"aprobar\", \"type\": \"String\"}}}", planner,
                "secreto-" + planner);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        List<HistoricVariableUpdate> decision = details(pi, "decision");
        assertThat(decision).extracting(HistoricVariableUpdate::getValue).containsExactly("aprobar");
        UserOperationLogEntry completion = history.createUserOperationLogQuery().taskId(review.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).singleResult();
        assertThat(completion.getUserId()).isEqualTo(planner);
    }

    private List<HistoricVariableUpdate> details(String processInstanceId, String name) {
        return history.createHistoricDetailQuery().processInstanceId(processInstanceId).variableUpdates().list()
                .stream().map(HistoricVariableUpdate.class::cast).filter(d -> d.getVariableName().equals(name))
                .toList();
    }
}
