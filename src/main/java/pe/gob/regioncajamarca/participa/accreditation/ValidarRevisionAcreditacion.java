package pe.gob.regioncajamarca.participa.accreditation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Revisar acreditación": {@link AccreditationService#checkReview}; a refusal keeps the task open. */
@Component("validarRevisionAcreditacion")
class ValidarRevisionAcreditacion implements TaskListener {

    private final AccreditationService service;

    ValidarRevisionAcreditacion(AccreditationService service) {
        this.service = service;
    }

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(AccreditationVariables.DECISION);
        Object reason = task.getVariable(AccreditationVariables.MOTIVO_RECHAZO);
        service.checkReview(decision == null ? null : decision.toString(), reason == null ? null : reason.toString());
    }
}
