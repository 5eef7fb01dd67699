package pe.gob.regioncajamarca.participa.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Registrar ciclo y convocatoria": stores the cycle described by the start form. It runs in the
 * transaction that starts the process, so invalid data (a split that does not add up, a year that
 * already has a cycle) refuses the start with the Spanish reasons and nothing is stored.
 */
@Component("registrarCiclo")
class RegistrarCiclo implements JavaDelegate {

    private final CycleService cycles;

    RegistrarCiclo(CycleService cycles) {
        this.cycles = cycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OpenCycleCommand cmd = CycleForm.commandOf(execution.getVariables());
        cycles.open(cmd, execution.getProcessInstanceId());
        execution.setProcessBusinessKey(String.valueOf(cmd.year()));
        execution.setVariable(CycleVariables.FASE, CyclePhase.PREPARACION.name());
    }
}
