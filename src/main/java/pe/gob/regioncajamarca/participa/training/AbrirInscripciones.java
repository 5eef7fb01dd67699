package pe.gob.regioncajamarca.participa.training;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static pe.gob.regioncajamarca.participa.training.Capacitacion.*;

/** Completion of the publication: the call is published and enrolment opens ({@link TrainingEditions#publish}). */
@Component("abrirInscripciones")
class AbrirInscripciones implements TaskListener {

    private final TrainingEditions editions;

    AbrirInscripciones(TrainingEditions editions) {
        this.editions = editions;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!flag(task, TrainingVariables.CONVOCATORIA_PUBLICADA)) {
            throw new TrainingInvalid("Marque «La convocatoria está publicada» cuando lo esté.");
        }
        editions.publish(editions.editionOfProcess(task.getProcessInstanceId()), text(task, TrainingVariables.MATERIALES), text(task, TrainingVariables.ENLACE_PUBLICACION));
    }
}
