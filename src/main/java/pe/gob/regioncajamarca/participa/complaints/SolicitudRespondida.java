package pe.gob.regioncajamarca.participa.complaints;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of "Responder solicitud": the answer stored and mailed ({@link ComplaintService#answered}). */
@Component("solicitudRespondida")
class SolicitudRespondida implements TaskListener {

    private final ComplaintService complaints;

    SolicitudRespondida(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Override
    public void notify(DelegateTask task) {
        complaints.answered(complaints.codeOfProcess(task.getProcessInstanceId()),
                (String) task.getVariable(ComplaintVariables.RESPUESTA), null);
    }
}
