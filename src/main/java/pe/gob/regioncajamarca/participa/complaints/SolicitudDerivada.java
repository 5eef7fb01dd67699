package pe.gob.regioncajamarca.participa.complaints;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of "Derivar solicitud": {@link ComplaintService#route} to the chosen office or unit. */
@Component("solicitudDerivada")
class SolicitudDerivada implements TaskListener {

    private final ComplaintService complaints;

    SolicitudDerivada(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Override
    public void notify(DelegateTask task) {
        Object group = task.getVariable(ComplaintVariables.GRUPO_RESPONSABLE);
        complaints.route(task.getProcessInstanceId(), group == null ? null : group.toString());
    }
}
