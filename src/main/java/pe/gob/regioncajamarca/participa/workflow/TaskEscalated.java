package pe.gob.regioncajamarca.participa.workflow;

import java.util.Date;

/** Published when an overdue task is escalated (see {@link EscalationListener}). */
public record TaskEscalated(String taskId, String taskName, String processInstanceId, String businessKey,
                            String escalatedTo, Date dueDate) {
}
