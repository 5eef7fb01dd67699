package pe.gob.regioncajamarca.participa.monitoring;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Cerrar reportes y evaluar alertas": unreported projects are marked and their reports ended ("Reporte no presentado
 * al cierre"), the DMN raises the alerts, the committee hears.
 */
@Component("cerrarReportes")
class CerrarReportes implements JavaDelegate {

    static final String ROUND_CLOSED = "cierreRondaSeguimiento";

    private final MonitoringService monitoring;
    private final MonitoringAlerts alerts;
    private final RoundNotices notices;

    CerrarReportes(MonitoringService monitoring, MonitoringAlerts alerts, RoundNotices notices) {
        this.monitoring = monitoring;
        this.alerts = alerts;
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String quarter = (String) execution.getVariable(MonitoringRoundVariables.TRIMESTRE);
        int unreported = monitoring.markUnreported(quarter);
        // the reports still open end as not filed: their tasks leave the units' lists
        execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(ROUND_CLOSED)
                .processInstanceVariableEquals(MonitoringRoundVariables.RONDA, execution.getProcessInstanceId())
                .correlateAll();
        int raised = alerts.evaluate(quarter);
        List<MonitoringService.Report> reports = monitoring.reports(quarter);
        execution.setVariable(MonitoringRoundVariables.PROYECTOS_RONDA, reports.size());
        execution.setVariable(MonitoringRoundVariables.PROYECTOS_NO_REPORTADOS, unreported);
        execution.setVariable(MonitoringRoundVariables.PROYECTOS_REPORTADOS, reports.size() - unreported);
        execution.setVariable(MonitoringRoundVariables.ALERTAS_RONDA, raised);
        notices.alertsRaised(quarter);
    }
}
