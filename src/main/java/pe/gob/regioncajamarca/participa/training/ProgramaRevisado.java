package pe.gob.regioncajamarca.participa.training;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static pe.gob.regioncajamarca.participa.training.Capacitacion.*;

/** Completion of the programme's review: approved, or sent back with observations ({@link TrainingEditions#decide}). */
@Component("programaRevisado")
class ProgramaRevisado implements TaskListener {

    private final TrainingEditions editions;

    ProgramaRevisado(TrainingEditions editions) {
        this.editions = editions;
    }

    @Override
    public void notify(DelegateTask task) {
        editions.decide(editions.editionOfProcess(task.getProcessInstanceId()), text(task, TrainingVariables.DECISION_PROGRAMA),
                text(task, TrainingVariables.OBSERVACIONES_PROGRAMA));
    }
}
