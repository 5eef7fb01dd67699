package pe.gob.regioncajamarca.participa.oversight;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The committee's step of {@code participatory-budget-cycle}. */
@Configuration
class CommitteeDelegates {

    /** "Registrar elección del Comité de Vigilancia" completes only once the election is recorded. */
    @Bean("comiteElegido")
    TaskListener comiteElegido(CommitteeElection elections) {
        return (DelegateTask task) -> {
            int year = ((Number) task.getVariable("anio")).intValue();
            if (!elections.held(year)) {
                throw new IllegalArgumentException("Primero registre la elección del Comité de Vigilancia en "
                        + "/personal/ciclos/" + year + "/comite; luego complete esta tarea.");
            }
        };
    }
}
