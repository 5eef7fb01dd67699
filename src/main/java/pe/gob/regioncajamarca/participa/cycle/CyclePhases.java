package pe.gob.regioncajamarca.participa.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Moves the cycle of a {@code participatory-budget-cycle} instance to a phase, used in the model as
 * {@code ${fasesCiclo.pasar(execution, 'VOTACION')}}. The phase is kept in the cycle table (portal,
 * open data) and in the process variable {@code fase} (Cockpit).
 */
@Component("fasesCiclo")
public class CyclePhases {

    private final CycleService cycles;

    public CyclePhases(CycleService cycles) {
        this.cycles = cycles;
    }

    public void pasar(DelegateExecution execution, String phase) {
        CyclePhase target = CyclePhase.valueOf(phase);
        int year = ((Number) execution.getVariable(CycleForm.YEAR)).intValue();
        cycles.changePhase(year, target, null);
        execution.setVariable("fase", target.name());
    }
}
