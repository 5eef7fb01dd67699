package pe.gob.regioncajamarca.participa.complaints;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.workflow.TaskSubject;

/** A request's tasks name its code and kind ("Clasificar y derivar solicitud · REC-2026-000031 Reclamo"). */
@Component
class ComplaintTaskSubject implements TaskSubject {

    private final ComplaintService complaints;

    ComplaintTaskSubject(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Override
    public String processKey() {
        return ComplaintService.PROCESS_KEY;
    }

    @Override
    public Optional<String> subjectOf(DelegateTask task) {
        String code = task.getExecution().getProcessBusinessKey();
        return complaints.status(code).map(s -> s.trackingCode() + " " + s.kindLabel())
                .or(() -> Optional.ofNullable(code));
    }
}
