package pe.gob.regioncajamarca.participa.training;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static pe.gob.regioncajamarca.participa.training.Capacitacion.*;

/** Completion of the adjustment: the edition adjusted ({@link TrainingEditions#adjust}) and shown again on the forms. */
@Component("programaAjustado")
class ProgramaAjustado implements TaskListener {

    private final TrainingEditions editions;
    private final Capacitacion capacitacion;

    ProgramaAjustado(TrainingEditions editions, Capacitacion capacitacion) {
        this.editions = editions;
        this.capacitacion = capacitacion;
    }

    @Override
    public void notify(DelegateTask task) {
        TrainingEditions.Edition e = editions.adjust(editions.editionOfProcess(task.getProcessInstanceId()), text(task, TrainingVariables.MODULOS),
                text(task, TrainingVariables.PUBLICO_OBJETIVO), text(task, TrainingVariables.SESIONES),
                integer(task, TrainingVariables.CUPOS, "Indique los cupos: un número entero."), date(task, TrainingVariables.INSCRIPCION_HASTA),
                flag(task, CONFIRM_NON_WORKING), task.getAssignee());
        task.getExecution().removeVariable(CONFIRM_NON_WORKING);
        capacitacion.showEdition(task.getExecution(), e);
    }
}
