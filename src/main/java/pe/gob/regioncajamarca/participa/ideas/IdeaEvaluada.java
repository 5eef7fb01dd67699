package pe.gob.regioncajamarca.participa.ideas;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of "Evaluar idea de proyecto": {@link IdeaService#assessed} (a merged idea names its project). */
@Component("ideaEvaluada")
class IdeaEvaluada implements TaskListener {

    private final IdeaService ideas;

    IdeaEvaluada(IdeaService ideas) {
        this.ideas = ideas;
    }

    @Override
    public void notify(DelegateTask task) {
        Object answer = task.getVariable(IdeaVariables.RESPUESTA_PUBLICA);
        Object cui = task.getVariable(IdeaVariables.CUI_FUSION);
        ideas.assessed(task.getProcessInstanceId(), task.getVariable(IdeaVariables.VIABLE),
                answer == null ? null : answer.toString(), cui == null ? null : cui.toString());
    }
}
