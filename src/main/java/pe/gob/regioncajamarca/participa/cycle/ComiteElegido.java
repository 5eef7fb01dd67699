package pe.gob.regioncajamarca.participa.cycle;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Registrar elección del Comité de Vigilancia" completes only once the election is recorded (by the oversight
 * module, {@link CommitteeRecord}).
 */
@Component("comiteElegido")
class ComiteElegido implements TaskListener {

    private final CommitteeRecord committee;

    ComiteElegido(CommitteeRecord committee) {
        this.committee = committee;
    }

    @Override
    public void notify(DelegateTask task) {
        int year = CycleVariables.year(task);
        if (!committee.held(year)) {
            throw new IllegalArgumentException("Primero registre la elección del Comité de Vigilancia en "
                    + "/personal/ciclos/" + year + "/comite; luego complete esta tarea.");
        }
    }
}
