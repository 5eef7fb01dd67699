package pe.gob.regioncajamarca.participa.accreditation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Registrar rechazo y avisar". */
@Component("rechazarInscripcion")
class RechazarInscripcion implements JavaDelegate {

    private final AccreditationService service;

    RechazarInscripcion(AccreditationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.reject(service.registrationOfProcess(execution.getProcessInstanceId()),
                (String) execution.getVariable(AccreditationVariables.MOTIVO_RECHAZO));
    }
}
