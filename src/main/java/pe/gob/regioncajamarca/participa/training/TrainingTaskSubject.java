package pe.gob.regioncajamarca.participa.training;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.workflow.TaskSubject;

/**
 * An edition's tasks name the edition ("Aprobar programa de capacitación · CAP-2026-0003 Vigilancia ciudadana");
 * an attendance task, its session too.
 */
@Component
class TrainingTaskSubject implements TaskSubject {

    @Override
    public String processKey() {
        return TrainingEditions.PROCESS_KEY;
    }

    @Override
    public Optional<String> subjectOf(DelegateTask task) {
        Object code = task.getVariable("codigoEdicion");
        Object title = task.getVariable("nombrePrograma");
        if (code == null) {
            return Optional.empty();
        }
        Object session = task.getVariable("sesionNumero");
        return Optional.of(code + (title == null ? "" : " " + title)
                + ("Task_RecordAttendance".equals(task.getTaskDefinitionKey()) && session != null
                        ? ", sesión " + session : ""));
    }
}
