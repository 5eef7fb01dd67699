package pe.gob.regioncajamarca.participa.ideas;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creation of "Evaluar idea de proyecto": what the citizen wrote and how many agents support it, on the form. */
@Component("prepararEvaluacionIdea")
class PrepararEvaluacionIdea implements TaskListener {

    private final IdeaService ideas;
    private final IdeaSupport support;

    PrepararEvaluacionIdea(IdeaService ideas, IdeaSupport support) {
        this.ideas = ideas;
        this.support = support;
    }

    @Override
    public void notify(DelegateTask task) {
        // display only (the record a completion acts on comes from ideaOfProcess): while the process starts,
        // the idea's row does not know its process yet
        Object ideaId = task.getVariable(IdeaVariables.IDEA_ID);
        if (!(ideaId instanceof Number n)) {
            return;
        }
        long id = n.longValue();
        ideas.assessment(id).ifPresent(a -> {
            task.setVariableLocal(IdeaVariables.DESCRIPCION, a.description());
            task.setVariableLocal(IdeaVariables.TEMA, a.theme());
            task.setVariableLocal(IdeaVariables.EJE, a.pdrcAxis());
            task.setVariableLocal(IdeaVariables.DISTRITO, a.district());
            task.setVariableLocal(IdeaVariables.BENEFICIARIOS, a.beneficiaries());
            task.setVariableLocal(IdeaVariables.MONTO, a.approximateAmount() == null ? null
                    : a.approximateAmount().doubleValue());
        });
        task.setVariableLocal(IdeaVariables.APOYOS, support.count(id));
    }
}
