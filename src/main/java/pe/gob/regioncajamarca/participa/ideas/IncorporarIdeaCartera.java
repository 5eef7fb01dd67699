package pe.gob.regioncajamarca.participa.ideas;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of "Incorporar idea a la cartera de inversiones": the CUI it got, so that its author hears of it. */
@Component("incorporarIdeaCartera")
class IncorporarIdeaCartera implements TaskListener {

    private final IdeaService ideas;

    IncorporarIdeaCartera(IdeaService ideas) {
        this.ideas = ideas;
    }

    @Override
    public void notify(DelegateTask task) {
        Object cui = task.getVariable(IdeaVariables.CUI_ASIGNADO);
        ideas.incorporated(task.getProcessInstanceId(), cui == null ? null : cui.toString());
    }
}
