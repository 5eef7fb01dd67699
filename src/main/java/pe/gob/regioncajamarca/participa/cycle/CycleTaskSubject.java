package pe.gob.regioncajamarca.participa.cycle;

import pe.gob.regioncajamarca.participa.projects.Scopes;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.workflow.TaskSubject;

/** A cycle's tasks name their cycle; a scope's evaluation, its scope ("Evaluar proyectos técnicamente · Chota 2027"). */
@Component
class CycleTaskSubject implements TaskSubject {

    @Override
    public String processKey() {
        return CycleStarter.PROCESS_KEY;
    }

    @Override
    public Optional<String> subjectOf(DelegateTask task) {
        Object year = task.getVariable(CycleVariables.ANIO);
        Object scope = task.getVariable(CycleVariables.AMBITO);
        String cycle = year == null ? "" : "ciclo " + year;
        return Optional.of("Task_EvaluateProjects".equals(task.getTaskDefinitionKey()) && scope != null
                ? Scopes.label(scope.toString()) + ", " + cycle : cycle);
    }
}
