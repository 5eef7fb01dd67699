package pe.gob.regioncajamarca.participa.ideas;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.workflow.TaskSubject;

/** An idea's tasks name the idea ("Evaluar idea de proyecto · IDEA-2026-000012 Canal de riego Llaucán"). */
@Component
class IdeaTaskSubject implements TaskSubject {

    private final IdeaService ideas;

    IdeaTaskSubject(IdeaService ideas) {
        this.ideas = ideas;
    }

    @Override
    public String processKey() {
        return IdeaService.PROCESS_KEY;
    }

    @Override
    public Optional<String> subjectOf(DelegateTask task) {
        // (display only: the code is stored with the idea once its process has started)
        String code = task.getExecution().getProcessBusinessKey();
        Object id = task.getVariable(IdeaVariables.IDEA_ID);
        return (id instanceof Number n ? ideas.find(n.longValue()) : Optional.<IdeaService.Idea>empty())
                .map(i -> code + " " + i.title()).or(() -> Optional.ofNullable(code));
    }
}
