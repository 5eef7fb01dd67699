package pe.gob.regioncajamarca.participa.workflow;

import pe.gob.regioncajamarca.participa.calendar.Now;

import java.sql.Timestamp;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The record each task of a multi-instance activity acts on (a project's quarterly report, a training session),
 * kept in {@code task_record} by the server when the task's execution starts, from the multi-instance collection
 * the process itself computed. A task's listeners read it back by the task's execution id: whatever variables a
 * client sends with a completion, a task acts only on the record it was created for.
 *
 * <p>Tasks of processes with one record per instance (a complaint, an idea, a registration...) need no row here:
 * their listeners find the record by the process instance id stored in the record's own table.</p>
 */
@Component
public class TaskRecords {

    private final JdbcClient jdbc;

    public TaskRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Binds the execution that will hold the task (a start listener of the task's activity) to its record. */
    public void bind(DelegateExecution execution, String kind, long recordId) {
        int updated = jdbc.sql("UPDATE task_record SET record_id = ?, bound_at = ? WHERE execution_id = ? "
                        + "AND record_kind = ?")
                .params(recordId, Now.timestamp(), execution.getId(), kind).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO task_record (execution_id, record_kind, record_id, bound_at) VALUES (?, ?, ?, ?)")
                    .params(execution.getId(), kind, recordId, Now.timestamp()).update();
        }
    }

    /** The record the task was created for. */
    public long of(DelegateTask task, String kind) {
        return jdbc.sql("SELECT record_id FROM task_record WHERE execution_id = ? AND record_kind = ?")
                .params(task.getExecutionId(), kind).query(Long.class).optional()
                .orElseThrow(() -> new IllegalStateException("Task " + task.getId() + " has no " + kind
                        + " bound to its execution " + task.getExecutionId()));
    }
}
