package pe.gob.regioncajamarca.participa.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The "Recordatorio" timers of user tasks (a few business days before the deadline): each candidate of the task
 * with an e-mail gets a reminder right away (a deadline does not wait for the hourly digest).
 */
@Configuration
class TaskReminders {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("America/Lima"));

    @Bean("recordarTarea")
    ExecutionListener recordarTarea(TaskDigests digests, Notifications notifications) {
        return execution -> {
            if (!(execution.getBpmnModelElementInstance() instanceof BoundaryEvent boundary)) {
                return;
            }
            String activity = boundary.getAttachedTo().getId();
            var taskService = execution.getProcessEngineServices().getTaskService();
            List<Task> open = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKey(activity).list();
            for (Task task : open) {
                Set<String> groups = new HashSet<>();
                for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                    if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                        groups.add(link.getGroupId());
                    }
                }
                for (TaskDigests.Member m : digests.membersOf(groups)) {
                    notifications.send("recordatorio:" + task.getId() + ":" + m.userId(), m.email(),
                            "Recordatorio: «" + task.getName() + "» vence el "
                                    + (task.getDueDate() == null ? "—" : DUE.format(task.getDueDate().toInstant())),
                            "recordatorio", Map.of("taskId", task.getId(), "taskName", task.getName(),
                                    "businessKey", execution.getProcessBusinessKey() == null ? "—"
                                            : execution.getProcessBusinessKey(),
                                    "due", task.getDueDate() == null ? "—" : DUE.format(task.getDueDate().toInstant())));
                }
            }
        };
    }
}
