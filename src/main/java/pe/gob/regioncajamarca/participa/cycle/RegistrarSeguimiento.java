package pe.gob.regioncajamarca.participa.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Registrar proyectos priorizados para seguimiento": they enter the quarterly monitoring rounds. */
@Component("registrarSeguimiento")
class RegistrarSeguimiento implements JavaDelegate {

    private final CycleService cycles;

    RegistrarSeguimiento(CycleService cycles) {
        this.cycles = cycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(CycleVariables.PROYECTOS_EN_SEGUIMIENTO,
                cycles.formalise(CycleVariables.year(execution)));
    }
}
