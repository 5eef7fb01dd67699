package pe.gob.regioncajamarca.participa.cycle;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Completion of "Aprobar resultados y acta de acuerdos": the decision, the observations and who decided go to
 * {@link CycleService#decideResults} (observations required to send back; an approval kept for the acta).
 */
@Component("aprobacionResultados")
class AprobacionResultados implements TaskListener {

    private final CycleService cycles;

    AprobacionResultados(CycleService cycles) {
        this.cycles = cycles;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String by = current != null ? current.getUserId() : task.getAssignee();
        Object decision = task.getVariable(CycleVariables.RESULTADOS_APROBADOS);
        Object note = task.getVariable(CycleVariables.OBSERVACIONES_GERENCIA);
        cycles.decideResults(CycleVariables.year(task), decision == null ? null : decision.toString(),
                note == null ? null : note.toString(), by);
    }
}
