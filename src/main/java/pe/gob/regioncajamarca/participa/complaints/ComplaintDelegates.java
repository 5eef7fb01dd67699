package pe.gob.regioncajamarca.participa.complaints;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The task listeners of {@code complaint-handling} and {@code wrongdoing-report} ({@code denunciaAtendida}): the
 * routing and the answers go to the domain tables; each finds its request by the task's process instance.
 */
@Configuration
class ComplaintDelegates {

    static final Set<String> ROUTABLE = Set.of("planning", "technical-team", "communications", "unit-sede-central",
            "unit-proregion", "unit-agricultura", "unit-educacion", "unit-salud", "unit-transportes", "unit-vivienda",
            "unit-ugel-cajamarca", "unit-hospital-regional", "unit-sub-region-chota", "unit-sub-region-cutervo",
            "unit-sub-region-jaen");

    @Bean("solicitudDerivada")
    TaskListener solicitudDerivada(ComplaintService complaints) {
        return (DelegateTask task) -> {
            Object group = task.getVariable("grupoResponsable");
            if (group == null || !ROUTABLE.contains(group.toString())) {
                throw new IllegalArgumentException("Elija la oficina o unidad responsable de la lista.");
            }
            complaints.routed(complaints.codeOfProcess(task.getProcessInstanceId()), group.toString());
        };
    }

    @Bean("solicitudRespondida")
    TaskListener solicitudRespondida(ComplaintService complaints) {
        return (DelegateTask task) -> complaints.answered(complaints.codeOfProcess(task.getProcessInstanceId()),
                (String) task.getVariable("respuesta"), null);
    }

    @Bean("denunciaAtendida")
    TaskListener denunciaAtendida(ComplaintService complaints) {
        return (DelegateTask task) -> {
            Object outcome = task.getVariable("resultadoDenuncia");
            if (outcome == null) {
                throw new IllegalArgumentException("Indique el resultado de la denuncia.");
            }
            complaints.answered(complaints.codeOfProcess(task.getProcessInstanceId()), (String) task.getVariable("respuesta"),
                    outcome.toString());
        };
    }
}
