package pe.gob.regioncajamarca.participa.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Names every user task after what it is about (issue 19: five identical "Evaluar idea de proyecto" in a list say
 * nothing): a create listener added to every user task of every model at parse time asks the {@link TaskSubject} of
 * the task's process and appends its answer to the task's name. The models keep their plain names (diagrams,
 * Cockpit's activity names); only the task instances carry the subject.
 */
@Component
class TaskSubjects extends AbstractProcessEnginePlugin {

    static final String SEPARATOR = " · ";
    static final int MAX_NAME = 255;

    private final ObjectProvider<TaskSubject> subjects;
    private volatile Map<String, TaskSubject> byProcess;

    public TaskSubjects(ObjectProvider<TaskSubject> subjects) {
        this.subjects = subjects;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, TaskSubjects.this::name);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    void name(DelegateTask task) {
        ProcessDefinitionEntity definition = (ProcessDefinitionEntity) ((org.camunda.bpm.engine.impl.persistence
                .entity.ExecutionEntity) task.getExecution()).getProcessDefinition();
        TaskSubject subject = subjects().get(definition.getKey());
        if (subject == null || task.getName() == null) {
            return;
        }
        subject.subjectOf(task).map(String::strip).filter(s -> !s.isEmpty()).ifPresent(s -> {
            String name = task.getName() + SEPARATOR + s.replaceAll("\\s+", " ");
            task.setName(name.length() > MAX_NAME ? name.substring(0, MAX_NAME - 1) + "…" : name);
        });
    }

    private Map<String, TaskSubject> subjects() {
        Map<String, TaskSubject> known = byProcess;
        if (known == null) {
            known = new java.util.HashMap<>();
            for (TaskSubject subject : subjects.orderedStream().toList()) {
                for (String key : subject.processKeys()) {
                    known.put(key, subject);
                }
            }
            byProcess = known;
        }
        return known;
    }
}
