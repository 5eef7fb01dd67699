package pe.gob.regioncajamarca.participa.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Cerrar votación y contar votos": no more votes (phase PRIORIZACION), final counts stored by the voting module
 * ({@link VoteCounting}), both in the engine's transaction.
 */
@Component("cerrarVotacion")
class CerrarVotacion implements JavaDelegate {

    private final CycleService cycles;
    private final VoteCounting counting;

    CerrarVotacion(CycleService cycles, VoteCounting counting) {
        this.cycles = cycles;
        this.counting = counting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int year = CycleVariables.year(execution);
        cycles.changePhase(year, CyclePhase.PRIORIZACION, null);
        counting.storeFinalCounts(year);
        execution.setVariable(CycleVariables.FASE, CyclePhase.PRIORIZACION.name());
    }
}
