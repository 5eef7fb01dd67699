package pe.gob.regioncajamarca.participa.cycle;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The formalisation steps of {@code participatory-budget-cycle}. */
@Configuration
class FormalisationDelegates {

    /**
     * "Aprobar resultados y acta de acuerdos": observations are required to send the results back; an approval
     * is kept with the cycle (who, when, note) for the acta de acuerdos y compromisos.
     */
    @Bean("aprobacionResultados")
    TaskListener aprobacionResultados(CycleService cycles) {
        return (DelegateTask task) -> {
            Object decision = task.getVariable("resultadosAprobados");
            Object note = task.getVariable("observacionesGerencia");
            String text = note == null ? null : note.toString().strip();
            if (!"si".equals(decision) && !"no".equals(decision)) {
                throw new IllegalArgumentException("Indique si aprueba los resultados.");
            }
            if ("no".equals(decision) && (text == null || text.isEmpty())) {
                throw new IllegalArgumentException("Escriba las observaciones: Planeamiento las necesita para revisar la matriz.");
            }
            if ("si".equals(decision)) {
                Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
                String by = current != null ? current.getUserId() : task.getAssignee();
                cycles.recordApproval(((Number) task.getVariable(CycleForm.YEAR)).intValue(),
                        by == null ? "regional-management" : by, text == null || text.isEmpty() ? null : text);
            }
        };
    }

    /** "Registrar proyectos priorizados para seguimiento": they enter the quarterly monitoring rounds. */
    @Bean("registrarSeguimiento")
    JavaDelegate registrarSeguimiento(CycleService cycles, org.springframework.context.ApplicationEventPublisher events) {
        return execution -> {
            int year = ((Number) execution.getVariable(CycleForm.YEAR)).intValue();
            execution.setVariable("proyectosEnSeguimiento", cycles.registerForMonitoring(year));
            events.publishEvent(new ResultsFormalised(year)); // voters hear of their projects (voting module)
        };
    }
}
