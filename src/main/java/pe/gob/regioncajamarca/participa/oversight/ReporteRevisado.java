package pe.gob.regioncajamarca.participa.oversight;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of "Revisar reporte": {@link OversightReports#review}. */
@Component("reporteRevisado")
class ReporteRevisado implements TaskListener {

    private final OversightReports reports;

    ReporteRevisado(OversightReports reports) {
        this.reports = reports;
    }

    @Override
    public void notify(DelegateTask task) {
        Object analysis = task.getVariable(OversightReportVariables.ANALISIS);
        reports.review(task.getProcessInstanceId(), Boolean.TRUE.equals(task.getVariable(OversightReportVariables.ALERTA)),
                "si".equals(task.getVariable(OversightReportVariables.REQUIERE_DESCARGO)),
                analysis == null ? null : analysis.toString());
    }
}
