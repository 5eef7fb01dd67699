package pe.gob.regioncajamarca.participa.voting;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.CycleService;

/** The voting steps of {@code participatory-budget-cycle}. */
@Configuration
class VotingDelegates {

    /** "Cerrar votación y contar votos": no more votes (phase PRIORIZACION), final counts stored. */
    @Bean("cerrarVotacion")
    JavaDelegate cerrarVotacion(VotingService voting, CycleService cycles) {
        return execution -> {
            int year = ((Number) execution.getVariable("anio")).intValue();
            cycles.changePhase(year, CyclePhase.PRIORIZACION, null);
            voting.storeFinalCounts(year);
            execution.setVariable("fase", CyclePhase.PRIORIZACION.name());
        };
    }
}
