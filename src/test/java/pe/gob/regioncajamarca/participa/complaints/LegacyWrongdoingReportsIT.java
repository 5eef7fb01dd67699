package pe.gob.regioncajamarca.participa.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Reports of wrongdoing filed before issue 20 ran in complaint-handling 1.0 (kept in src/test/resources/legacy):
 * at start they leave it, an open one continuing in wrongdoing-report with its due date and assignee, and the old
 * instance's history and decision instance are deleted, so that the grants of issue 19 on complaint-handling reveal
 * none.
 */
class LegacyWrongdoingReportsIT extends ProcessTest {

    @Autowired RepositoryService repository;
    @Autowired LegacyWrongdoingReports legacy;

    @Test
    void anOldReportMovesToWrongdoingReportAndLeavesNoTraceInComplaintHandling() {
        Deployment old = repository.createDeployment().name("complaint-handling 1.0 (prueba)")
                .addClasspathResource("legacy/complaint-handling-1.0.bpmn")
                .addClasspathResource("legacy/plazo-atencion-1.0.dmn")
                .addClasspathResource("forms/atender-denuncia.form")
                .addClasspathResource("forms/clasificar-solicitud.form")
                .addClasspathResource("forms/responder-solicitud.form").deploy();
        try {
            String open = "SOL-V" + unique();
            String closed = "SOL-C" + unique();
            ProcessInstance openPi = oldReport(open, old);
            ProcessInstance closedPi = oldReport(closed, old);
            Date due = (Date) runtime.getVariable(openPi.getId(), "fechaLimite");
            Task oldTask = taskOf(openPi.getId(), "Task_HandleReport");
            String integrity = staffUser("integrity-office");
            tasks.claim(oldTask.getId(), integrity);
            tasks.complete(taskOf(closedPi.getId(), "Task_HandleReport").getId(),
                    java.util.Map.of("resultadoDenuncia", "ARCHIVADA", "respuesta", "Archivada."));
            assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery()
                    .processInstanceId(openPi.getId()).count()).isEqualTo(1);

            assertThat(legacy.run()).isEqualTo(2);

            for (String pi : new String[] {openPi.getId(), closedPi.getId()}) {
                assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi).count())
                        .isZero();
                assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(pi)
                        .count()).isZero();
                assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(pi).count())
                        .isZero();
            }
            String newPi = jdbc.sql("SELECT process_instance_id FROM complaint WHERE tracking_code = ?").param(open)
                    .query(String.class).single();
            ProcessInstance moved = runtime.createProcessInstanceQuery().processInstanceId(newPi).singleResult();
            assertThat(repository.getProcessDefinition(moved.getProcessDefinitionId()).getKey())
                    .isEqualTo("wrongdoing-report");
            assertThat(moved.getBusinessKey()).isEqualTo(open);
            Task task = taskOf(newPi, "Task_HandleReport");
            assertThat(task.getAssignee()).isEqualTo(integrity);
            assertThat(task.getDueDate()).isEqualTo(due);
            assertThat(candidateGroupsOf(task)).containsExactly("integrity-office");
            assertThat(runtime.getVariable(newPi, "asunto")).isEqualTo("Cobro indebido en la obra");
            // the integrity office closes it in its new home; the complaint row gets the answer
            tasks.complete(task.getId(), java.util.Map.of("resultadoDenuncia", "ARCHIVADA", "respuesta", "Archivada."));
            assertThat(jdbc.sql("SELECT status FROM complaint WHERE tracking_code = ?").param(open).query(String.class)
                    .single()).isEqualTo("ATENDIDA");
            assertThat(legacy.run()).as("a second start moves nothing").isZero();
        } finally {
            repository.deleteDeployment(old.getId(), true);
        }
    }

    /** A report of wrongdoing as the application filed it before issue 20. */
    private ProcessInstance oldReport(String code, Deployment old) {
        String definition = repository.createProcessDefinitionQuery().deploymentId(old.getId())
                .processDefinitionKey("complaint-handling").singleResult().getId();
        ProcessInstance pi = runtime.startProcessInstanceById(definition, code, java.util.Map.of("codigo", code,
                "tipo", "DENUNCIA", "tipoTexto", "Denuncia", "asunto", "Cobro indebido en la obra", "descripcion",
                "El residente de la obra cobra a los vecinos.", "cui", "ninguno"));
        jdbc.sql("""
                INSERT INTO complaint (tracking_code, kind, subject, description, anonymous, status, created_at,
                    process_instance_id)
                VALUES (?, 'DENUNCIA', 'Cobro indebido en la obra', 'El residente de la obra cobra a los vecinos.', TRUE,
                    'RECIBIDA', CURRENT_TIMESTAMP, ?)""").params(code, pi.getId()).update();
        return pi;
    }
}
