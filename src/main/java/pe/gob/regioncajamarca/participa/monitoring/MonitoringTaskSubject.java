package pe.gob.regioncajamarca.participa.monitoring;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.workflow.TaskSubject;

/**
 * A unit's report names its project ("Reportar avance trimestral · 2324969 La Colpa"); the consolidation, its quarter.
 * The report's task is in {@code quarterly-progress-report}, and in the round itself on its first model.
 */
@Component
class MonitoringTaskSubject implements TaskSubject {

    @Override
    public String processKey() {
        return MonitoringService.PROCESS_KEY;
    }

    /** The round's consolidation, and each report's own process (ADR 0021). */
    @Override
    public java.util.Set<String> processKeys() {
        return java.util.Set.of(MonitoringService.PROCESS_KEY, MonitoringService.REPORT_PROCESS_KEY);
    }

    @Override
    public Optional<String> subjectOf(DelegateTask task) {
        if (MonitoringRounds.REPORT_TASK.equals(task.getTaskDefinitionKey())) {
            // set on the task's execution by its start listener (Seguimiento); read there, since a task being
            // created has no variables of its own yet and asking the task would query them, once per task
            var source = task.getExecution() != null ? task.getExecution() : task;
            Object cui = source.getVariable(MonitoringRoundVariables.CUI);
            Object project = source.getVariable(MonitoringRoundVariables.PROYECTO);
            return cui == null ? Optional.empty() : Optional.of(cui + (project == null ? "" : " " + project));
        }
        return Optional.ofNullable(task.getVariable(MonitoringRoundVariables.TRIMESTRE)).map(Object::toString);
    }
}
