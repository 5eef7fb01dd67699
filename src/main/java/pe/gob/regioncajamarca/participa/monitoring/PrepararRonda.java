package pe.gob.regioncajamarca.participa.monitoring;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.calendar.DueDates;

/**
 * "Preparar ronda": the quarter it reports (given by hand, or the one that has just ended, {@link Quarter#reportedBy})
 * and one report per project ({@link MonitoringService#openRound}). "Pedir un reporte por proyecto"
 * ({@link PedirReportes}) then starts their instances in batches. A round of the model before it (version 2.0, which
 * had no such step) starts them all here, as it did.
 */
@Component("prepararRonda")
class PrepararRonda implements JavaDelegate {

    private final MonitoringService monitoring;
    private final DueDates plazos;
    private final PedirReportes pedirReportes;

    PrepararRonda(MonitoringService monitoring, DueDates plazos, PedirReportes pedirReportes) {
        this.monitoring = monitoring;
        this.plazos = plazos;
        this.pedirReportes = pedirReportes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object given = execution.getVariable(MonitoringRoundVariables.TRIMESTRE);
        Quarter reported = given == null || given.toString().isBlank()
                ? Quarter.reportedBy(plazos.today()) : Quarter.parse(given.toString());
        String quarter = reported.toString();
        String round = execution.getProcessInstanceId();
        List<Long> reports = monitoring.openRound(quarter, round);
        execution.setProcessBusinessKey(quarter);
        execution.setVariable(MonitoringRoundVariables.TRIMESTRE, quarter);
        execution.setVariable(MonitoringRoundVariables.PERIODO, reported.months()); // "julio a septiembre de 2026", for the forms
        execution.setVariable(MonitoringRoundVariables.INFORMES, reports);
        execution.setVariable(MonitoringRoundVariables.PROYECTOS_POR_REPORTAR, reports.size());
        execution.setVariable(MonitoringRoundVariables.LOTES_DE_REPORTES, PedirReportes.batches(reports.size()));
        // the reports close 15 business days after the round opens, whatever is missing
        execution.setVariable(MonitoringRoundVariables.FECHA_CIERRE_REPORTES, plazos.habiles(15));
        if (execution.getBpmnModelInstance().getModelElementById(REQUEST_REPORTS) == null) {
            pedirReportes.request(execution, reports);
        }
    }

    /** "Pedir un reporte por proyecto", the step that starts the reports since version 2.1 of the round. */
    static final String REQUEST_REPORTS = "Task_RequestReports";
}
