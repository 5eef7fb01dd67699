package pe.gob.regioncajamarca.participa.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Moves the cycle of a {@code participatory-budget-cycle} instance to a phase, used in the model as
 * {@code ${fasesCiclo.pasar(execution, 'VOTACION')}}. The phase is kept in the cycle table (portal,
 * open data) and in the process variable {@code fase} (Cockpit).
 */
@Component("fasesCiclo")
public class FasesCiclo {

    private final CycleService cycles;

    FasesCiclo(CycleService cycles) {
        this.cycles = cycles;
    }

    public void pasar(DelegateExecution execution, String phase) {
        CyclePhase target = CyclePhase.valueOf(phase);
        cycles.changePhase(CycleVariables.year(execution), target, null);
        execution.setVariable(CycleVariables.FASE, target.name());
    }
}
