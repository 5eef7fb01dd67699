package pe.gob.regioncajamarca.participa.oversight;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of "Presentar descargo": {@link OversightReports#statement}. */
@Component("descargoPresentado")
class DescargoPresentado implements TaskListener {

    private final OversightReports reports;

    DescargoPresentado(OversightReports reports) {
        this.reports = reports;
    }

    @Override
    public void notify(DelegateTask task) {
        Object statement = task.getVariable(OversightReportVariables.DESCARGO);
        reports.statement(task.getProcessInstanceId(), statement == null ? null : statement.toString());
    }
}
