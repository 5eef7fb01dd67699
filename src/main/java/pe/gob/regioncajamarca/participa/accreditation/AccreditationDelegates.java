package pe.gob.regioncajamarca.participa.accreditation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin glue between {@code agent-accreditation} and {@link AccreditationService}. */
@Configuration
class AccreditationDelegates {

    /** "Acreditar agente y avisarle". */
    @Bean("acreditarAgente")
    JavaDelegate acreditarAgente(AccreditationService service) {
        return execution -> service.accredit(service.registrationOfProcess(execution.getProcessInstanceId()));
    }

    /** "Registrar rechazo y avisar". */
    @Bean("rechazarInscripcion")
    JavaDelegate rechazarInscripcion(AccreditationService service) {
        return execution -> service.reject(service.registrationOfProcess(execution.getProcessInstanceId()), (String) execution.getVariable("motivoRechazo"));
    }

    /** On completing "Revisar acreditación": a rejection needs a reason, otherwise the task stays open. */
    @Bean("validarRevisionAcreditacion")
    TaskListener validarRevisionAcreditacion() {
        return (DelegateTask task) -> {
            Object decision = task.getVariable("decision");
            Object reason = task.getVariable("motivoRechazo");
            if (!"aprobar".equals(decision) && !"rechazar".equals(decision)) {
                throw new IllegalArgumentException("Elija si acredita o rechaza la inscripción.");
            }
            if ("rechazar".equals(decision) && (reason == null || reason.toString().isBlank())) {
                throw new IllegalArgumentException("Indique el motivo del rechazo: el ciudadano lo leerá.");
            }
        };
    }
}
