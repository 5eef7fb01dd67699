package pe.gob.regioncajamarca.participa.accreditation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Acreditar agente y avisarle". */
@Component("acreditarAgente")
class AcreditarAgente implements JavaDelegate {

    private final AccreditationService service;

    AcreditarAgente(AccreditationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.accredit(service.registrationOfProcess(execution.getProcessInstanceId()));
    }
}
