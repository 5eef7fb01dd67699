package pe.gob.regioncajamarca.participa.training;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static pe.gob.regioncajamarca.participa.training.Capacitacion.*;

/** Completion of "Registrar resultados de la evaluación": the marks ({@link TrainingEditions#recordMarks}). */
@Component("evaluacionRegistrada")
class EvaluacionRegistrada implements TaskListener {

    private final TrainingEditions editions;

    EvaluacionRegistrada(TrainingEditions editions) {
        this.editions = editions;
    }

    @Override
    public void notify(DelegateTask task) {
        editions.recordMarks(editions.editionOfProcess(task.getProcessInstanceId()), text(task, TrainingVariables.NOTAS));
    }
}
