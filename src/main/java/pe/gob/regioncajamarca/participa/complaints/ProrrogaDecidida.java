package pe.gob.regioncajamarca.participa.complaints;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of "Decidir prórroga del plazo": {@link ComplaintService#decideExtension} checks a "yes" now, so that a
 * refusal keeps the task open; the form's three fields are the only thing the office sends.
 */
@Component("prorrogaDecidida")
class ProrrogaDecidida implements TaskListener {

    private final ComplaintService complaints;

    ProrrogaDecidida(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Override
    public void notify(DelegateTask task) {
        complaints.decideExtension(task.getProcessInstanceId(), task.getVariable(ComplaintVariables.PRORROGAR),
                (String) task.getVariable(ComplaintVariables.NUEVA_FECHA_LIMITE),
                (String) task.getVariable(ComplaintVariables.MOTIVO_PRORROGA));
    }
}
