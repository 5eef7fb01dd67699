package pe.gob.regioncajamarca.participa.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.springframework.stereotype.Component;

/**
 * The "Recordatorio" timers of user tasks (a few business days before the deadline): each candidate of the task
 * with an e-mail gets a reminder right away (a deadline does not wait for the hourly digest).
 */
@Component("recordarTarea")
public class RecordarTarea implements ExecutionListener {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("America/Lima"));

    private final TaskDigests digests;
    private final Notifications notifications;

    RecordarTarea(TaskDigests digests, Notifications notifications) {
        this.digests = digests;
        this.notifications = notifications;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (!(execution.getBpmnModelElementInstance() instanceof BoundaryEvent boundary)) {
            return;
        }
        String activity = boundary.getAttachedTo().getId();
        var taskService = execution.getProcessEngineServices().getTaskService();
        List<Task> open = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(activity).list();
        String activityName = boundary.getAttachedTo().getName();
        remind(execution, open, activityName);
    }

    /**
     * Reminds each candidate of the {@code open} tasks, one mail per person: a person with several of them (a unit
     * with many projects in a monitoring round) gets one mail that lists them all, titled with the activity's name.
     * Sent once for the reminder timer {@code execution} (a retried job sends nothing twice).
     */
    public void remind(DelegateExecution execution, List<Task> open, String activityName) {
        var taskService = execution.getProcessEngineServices().getTaskService();
        Map<TaskDigests.Member, List<Task>> byPerson = new java.util.LinkedHashMap<>();
        for (Task task : open) {
            Set<String> groups = new HashSet<>();
            for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                }
            }
            for (TaskDigests.Member m : digests.membersOf(groups)) {
                byPerson.computeIfAbsent(m, k -> new java.util.ArrayList<>()).add(task);
            }
        }
        String businessKey = execution.getProcessBusinessKey() == null ? "—" : execution.getProcessBusinessKey();
        byPerson.forEach((m, tasks) -> {
            Task first = tasks.get(0);
            String due = first.getDueDate() == null ? "—" : DUE.format(first.getDueDate().toInstant());
            if (tasks.size() == 1) {
                notifications.send("recordatorio:" + first.getId() + ":" + m.userId(), m.email(),
                        "Recordatorio: «" + first.getName() + "» vence el " + due, "recordatorio",
                        Map.of("taskId", first.getId(), "taskName", first.getName(), "businessKey", businessKey,
                                "due", due));
            } else {
                List<Map<String, String>> items = tasks.stream().map(t -> {
                    Map<String, Object> v = taskService.getVariables(t.getId(), List.of("cui", "proyecto"));
                    String about = v.get("proyecto") == null ? t.getName()
                            : (v.get("cui") == null ? "" : "CUI " + v.get("cui") + " · ") + v.get("proyecto");
                    return Map.of("taskId", t.getId(), "about", about, "due", t.getDueDate() == null ? "—"
                            : DUE.format(t.getDueDate().toInstant()));
                }).toList();
                // several tasks of one activity: the activity's own name (each task's name says its subject)
                String name = activityName == null ? first.getName() : activityName;
                notifications.send("recordatorios:" + execution.getId() + ":" + m.userId(), m.email(),
                        "Recordatorio: " + tasks.size() + " tareas «" + name + "» vencen el " + due,
                        "recordatorios", Map.of("taskName", name, "businessKey", businessKey,
                                "due", due, "tasks", items));
            }
        });
    }
}
