package pe.gob.regioncajamarca.participa.monitoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Avance entregado a la ronda" (the end of a filed {@code quarterly-progress-report}): when it is the round's last
 * report, the round stops waiting ("Esperar los reportes de las unidades") and closes its reports at once instead of
 * at its closing date.
 */
@Component("entregarReporte")
class EntregarReporte implements JavaDelegate {

    static final String ALL_REPORTED = "reportesCompletos";

    private final MonitoringService monitoring;

    EntregarReporte(MonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String quarter = (String) execution.getVariable(MonitoringRoundVariables.TRIMESTRE);
        String round = (String) execution.getVariable(MonitoringRoundVariables.RONDA);
        // since version 1.1 this end runs after a savepoint, once the report's filing has committed; on 1.0 it runs
        // in the filing's own transaction, where only the lock makes the last two filings see each other
        boolean afterFiling = execution.getBpmnModelElementInstance() instanceof org.camunda.bpm.model.bpmn.instance.FlowNode node
                && node.isCamundaAsyncBefore();
        if (afterFiling ? monitoring.allReportedOnceFiled(quarter) : monitoring.allReportedAfterLock(quarter)) {
            // the round may have closed at its date already: then nothing waits for the message, and nothing is done
            execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(ALL_REPORTED)
                    .processInstanceId(round).correlateAll();
        }
    }
}
