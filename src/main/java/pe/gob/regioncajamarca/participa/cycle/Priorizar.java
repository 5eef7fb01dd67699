package pe.gob.regioncajamarca.participa.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Calcular priorización": {@link PrioritisationRun} on the cycle's stored projects. */
@Component("priorizar")
class Priorizar implements JavaDelegate {

    private final PrioritisationRun prioritisation;

    Priorizar(PrioritisationRun prioritisation) {
        this.prioritisation = prioritisation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        prioritisation.run(CycleVariables.year(execution));
    }
}
