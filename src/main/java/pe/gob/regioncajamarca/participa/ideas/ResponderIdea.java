package pe.gob.regioncajamarca.participa.ideas;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Publicar respuesta a la idea". */
@Component("responderIdea")
class ResponderIdea implements JavaDelegate {

    private final IdeaService ideas;

    ResponderIdea(IdeaService ideas) {
        this.ideas = ideas;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ideas.answer(ideas.ideaOfProcess(execution.getProcessInstanceId()),
                IdeaService.Outcome.ofForm(execution.getVariable(IdeaVariables.VIABLE)),
                (String) execution.getVariable(IdeaVariables.RESPUESTA_PUBLICA));
    }
}
