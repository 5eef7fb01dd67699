package pe.gob.regioncajamarca.participa.workflow;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Escalation of an overdue user task, used as {@code camunda:executionListener event="start"
 * delegateExpression="${escalacion}"} on the non-interrupting deadline timer attached to the task.
 * The task stays open; the group named by the timer's extension property {@code escalarA}
 * (default {@code regional-management}) becomes a candidate too, the priority rises, and a
 * {@link TaskEscalated} event is published (recorded and mailed by other modules).
 */
@Component("escalacion")
public class EscalationListener implements ExecutionListener {

    public static final String DEFAULT_GROUP = "regional-management";
    public static final int ESCALATED_PRIORITY = 90;
    private static final Logger log = LoggerFactory.getLogger(EscalationListener.class);

    private final TaskService taskService;
    private final ApplicationEventPublisher events;

    public EscalationListener(TaskService taskService, ApplicationEventPublisher events) {
        this.taskService = taskService;
        this.events = events;
    }

    @Override
    public void notify(DelegateExecution execution) {
        FlowElement element = execution.getBpmnModelElementInstance();
        if (!(element instanceof BoundaryEvent boundary)) {
            throw new IllegalStateException("${escalacion} belongs on a boundary timer, not on " + element.getId());
        }
        String taskKey = boundary.getAttachedTo().getId();
        String group = property(boundary, "escalarA", DEFAULT_GROUP);
        List<Task> tasks = taskService.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskKey)
                .list();
        for (Task task : tasks) {
            // a boundary inside a multi-instance subprocess only escalates the task of its own scope
            if (!isSameScope(execution, task)) {
                continue;
            }
            boolean alreadyCandidate = taskService.getIdentityLinksForTask(task.getId()).stream()
                    .anyMatch(l -> "candidate".equals(l.getType()) && group.equals(l.getGroupId()));
            if (!alreadyCandidate) {
                taskService.addCandidateGroup(task.getId(), group);
            }
            task.setPriority(ESCALATED_PRIORITY);
            taskService.saveTask(task);
            log.info("Tarea {} ({}) del proceso {} escalada a {}", task.getId(), task.getName(),
                    execution.getProcessInstanceId(), group);
            events.publishEvent(new TaskEscalated(task.getId(), task.getName(), task.getProcessInstanceId(),
                    execution.getProcessBusinessKey(), group, task.getDueDate()));
        }
    }

    /**
     * A boundary timer inside a multi-instance subprocess must escalate the task of its own instance only:
     * the task qualifies when its execution descends from the timer's nearest scope execution.
     */
    private static boolean isSameScope(DelegateExecution execution, Task task) {
        ExecutionEntity scope = ((ExecutionEntity) execution).getParent();
        while (scope != null && !scope.isScope()) {
            scope = scope.getParent();
        }
        if (scope == null || scope.isProcessInstanceExecution()) {
            return true;
        }
        ExecutionEntity e = Context.getCommandContext().getExecutionManager().findExecutionById(task.getExecutionId());
        while (e != null) {
            if (e.getId().equals(scope.getId())) {
                return true;
            }
            e = e.getParent();
        }
        return false;
    }

    static String property(BoundaryEvent boundary, String name, String fallback) {
        if (boundary.getExtensionElements() == null) {
            return fallback;
        }
        return boundary.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
                .stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> name.equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .findFirst()
                .orElse(fallback);
    }
}
