package pe.gob.regioncajamarca.participa.complaints;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of "Atender denuncia" ({@code wrongdoing-report}): {@link ComplaintService#wrongdoingHandled}. */
@Component("denunciaAtendida")
class DenunciaAtendida implements TaskListener {

    private final ComplaintService complaints;

    DenunciaAtendida(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(WrongdoingVariables.RESULTADO_DENUNCIA);
        complaints.wrongdoingHandled(task.getProcessInstanceId(), outcome == null ? null : outcome.toString(),
                (String) task.getVariable(WrongdoingVariables.RESPUESTA));
    }
}
