package pe.gob.regioncajamarca.participa.training;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static pe.gob.regioncajamarca.participa.training.Capacitacion.*;

/** "Emitir certificados y enviarlos" (after a savepoint): certificates, citizen monitors, mails. */
@Component("emitirCertificados")
class EmitirCertificados implements JavaDelegate {

    private final Certificates certificates;
    private final TrainingEditions editions;

    EmitirCertificados(Certificates certificates, TrainingEditions editions) {
        this.certificates = certificates;
        this.editions = editions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(TrainingVariables.CERTIFICADOS_EMITIDOS,
                certificates.issue(editions.editionOfProcess(execution.getProcessInstanceId())));
    }
}
