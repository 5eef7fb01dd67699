package pe.gob.regioncajamarca.participa.accreditation;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.workflow.TaskSubject;

/** A registration's review names its file and the person ("Revisar acreditación · EXP-2026-000012 Rosa Huamán"). */
@Component
class AccreditationTaskSubject implements TaskSubject {

    private final AccreditationService accreditation;

    AccreditationTaskSubject(AccreditationService accreditation) {
        this.accreditation = accreditation;
    }

    @Override
    public String processKey() {
        return AccreditationService.PROCESS_KEY;
    }

    @Override
    public Optional<String> subjectOf(DelegateTask task) {
        String file = task.getExecution().getProcessBusinessKey();
        return accreditation.findByFileNumber(file).map(r -> r.fileNumber() + " " + r.fullName());
    }
}
