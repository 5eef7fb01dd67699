package pe.gob.regioncajamarca.participa.complaints;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reports of wrongdoing filed before issue 20 ran in {@code complaint-handling}, which planning and regional
 * management may now read (issue 19), and their kind was in the history of the decision {@code plazo-atencion}.
 * At every start, before the grants are brought up to date, each such report leaves {@code complaint-handling}:
 * an open one continues in {@code wrongdoing-report} at «Atender denuncia» with its due date, assignee and priority
 * (the old instance is deleted); then the old instance's history (tasks, variables, job and operation logs,
 * incidents) and its decision instances are deleted. What the integrity office decided stays in {@code complaint}
 * (status, outcome, answer, dates). Idempotent: a report already in {@code wrongdoing-report}, or whose old history
 * is gone, is left alone; each report moves in one transaction, guarded by its current process instance id, so two
 * nodes starting together move it once.
 */
@Component
class LegacyWrongdoingReports {

    private static final Logger log = LoggerFactory.getLogger(LegacyWrongdoingReports.class);

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;
    private final TransactionTemplate transaction;

    LegacyWrongdoingReports(JdbcClient jdbc, RuntimeService runtime, TaskService tasks, HistoryService history,
                            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.tasks = tasks;
        this.history = history;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(-1) // before identity.IdentityStartup grants complaint-handling to planning and regional management
    void onReady() {
        int moved = run();
        if (moved > 0) {
            log.info("{} denuncias anteriores trasladadas de complaint-handling a wrongdoing-report", moved);
        }
    }

    /** Moves every report of wrongdoing still in complaint-handling; returns how many. */
    int run() {
        record Row(long id, String code, String processInstanceId) {
        }
        List<Row> rows = jdbc.sql("SELECT id, tracking_code, process_instance_id FROM complaint "
                        + "WHERE kind = ? AND process_instance_id IS NOT NULL ORDER BY id")
                .param(ComplaintService.WRONGDOING)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        int moved = 0;
        for (Row r : rows) {
            HistoricProcessInstance old = history.createHistoricProcessInstanceQuery()
                    .processInstanceId(r.processInstanceId()).singleResult();
            if (old == null || !ComplaintService.PROCESS_KEY.equals(old.getProcessDefinitionKey())) {
                continue;
            }
            try {
                if (Boolean.TRUE.equals(transaction.execute(t -> move(r.id(), r.code(), r.processInstanceId())))) {
                    moved++;
                }
            } catch (RuntimeException e) {
                log.warn("No se pudo trasladar la denuncia {} a wrongdoing-report: {}", r.id(), e.getMessage());
            }
        }
        return moved;
    }

    private boolean move(long complaintId, String code, String oldId) {
        String newId = null;
        if (runtime.createProcessInstanceQuery().processInstanceId(oldId).count() > 0) {
            Map<String, Object> old = runtime.getVariables(oldId);
            Map<String, Object> vars = new HashMap<>();
            for (String name : List.of(WrongdoingVariables.CODIGO, WrongdoingVariables.ASUNTO, WrongdoingVariables.DESCRIPCION,
                    WrongdoingVariables.CUI, WrongdoingVariables.FECHA_LIMITE)) {
                if (old.get(name) != null) {
                    vars.put(name, old.get(name));
                }
            }
            Task oldTask = tasks.createTaskQuery().processInstanceId(oldId).taskDefinitionKey("Task_HandleReport")
                    .singleResult();
            newId = runtime.createProcessInstanceByKey(ComplaintService.WRONGDOING_PROCESS_KEY).businessKey(code)
                    .setVariables(vars).startBeforeActivity(vars.containsKey(WrongdoingVariables.FECHA_LIMITE) ? "Task_HandleReport"
                            : "Task_ComputeDueDate").execute().getId();
            if (oldTask != null) {
                Task task = tasks.createTaskQuery().processInstanceId(newId).taskDefinitionKey("Task_HandleReport")
                        .singleResult();
                task.setAssignee(oldTask.getAssignee());
                task.setPriority(oldTask.getPriority());
                tasks.saveTask(task);
            }
            runtime.deleteProcessInstance(oldId, "Denuncia trasladada a wrongdoing-report", true, true);
        }
        int updated = jdbc.sql("UPDATE complaint SET process_instance_id = ? WHERE id = ? AND process_instance_id = ?")
                .params(newId == null ? oldId : newId, complaintId, oldId).update();
        if (updated != 1) {
            throw new IllegalStateException("otro nodo la trasladó");
        }
        history.createHistoricDecisionInstanceQuery().processInstanceId(oldId).list().stream()
                .map(HistoricDecisionInstance::getId).forEach(history::deleteHistoricDecisionInstanceByInstanceId);
        history.deleteHistoricProcessInstance(oldId);
        return true;
    }
}
