package pe.gob.regioncajamarca.participa.workflow;

import pe.gob.regioncajamarca.participa.calendar.Now;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit trail of escalations: each {@link TaskEscalated} is stored in {@code task_escalation}
 * in the engine's transaction (so a rolled-back timer job leaves no row behind).
 */
@Component
class EscalationLog {

    private final JdbcClient jdbc;

    public EscalationLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    public void on(TaskEscalated e) {
        jdbc.sql("""
                INSERT INTO task_escalation (task_id, task_name, process_instance_id, business_key, escalated_to,
                                             due_date, escalated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(e.taskId(), e.taskName(), e.processInstanceId(), e.businessKey(), e.escalatedTo(),
                        e.dueDate() == null ? null : new Timestamp(e.dueDate().getTime()),
                        Now.timestamp())
                .update();
    }

    /** Escalations of a process instance, oldest first. */
    public List<TaskEscalated> ofProcessInstance(String processInstanceId) {
        return jdbc.sql("""
                SELECT task_id, task_name, process_instance_id, business_key, escalated_to, due_date
                FROM task_escalation WHERE process_instance_id = ? ORDER BY id""")
                .param(processInstanceId)
                .query((rs, i) -> new TaskEscalated(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6)))
                .list();
    }

}
