package pe.gob.regioncajamarca.participa.oversight;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of "Responder al comité": {@link OversightReports#respond}. */
@Component("reporteRespondido")
class ReporteRespondido implements TaskListener {

    private final OversightReports reports;

    ReporteRespondido(OversightReports reports) {
        this.reports = reports;
    }

    @Override
    public void notify(DelegateTask task) {
        Object response = task.getVariable(OversightReportVariables.RESPUESTA);
        reports.respond(task.getProcessInstanceId(), response == null ? null : response.toString(),
                "si".equals(task.getVariable(OversightReportVariables.ALERTA_CONFIRMADA)));
    }
}
