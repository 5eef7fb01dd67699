package pe.gob.regioncajamarca.participa.training;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.workflow.TaskRecords;

import static pe.gob.regioncajamarca.participa.training.Capacitacion.*;

/** Completion of "Registrar asistencia de la sesión": the absentees of its session ({@link TrainingEditions#recordAttendance}). */
@Component("asistenciaRegistrada")
class AsistenciaRegistrada implements TaskListener {

    private final TrainingEditions editions;
    private final TaskRecords taskRecords;

    AsistenciaRegistrada(TrainingEditions editions, TaskRecords taskRecords) {
        this.editions = editions;
        this.taskRecords = taskRecords;
    }

    @Override
    public void notify(DelegateTask task) {
        // the session this task was created for (server-side), never a variable sent with the completion
        editions.recordAttendance(taskRecords.of(task, SESSION),
                text(task, TrainingVariables.AUSENTES), task.getAssignee());
    }
}
