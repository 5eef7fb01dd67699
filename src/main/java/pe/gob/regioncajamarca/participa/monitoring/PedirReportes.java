package pe.gob.regioncajamarca.participa.monitoring;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Pedir un reporte por proyecto": for each report of the round, its own process instance of
 * {@code quarterly-progress-report} (ADR 0021), a batch of {@link #BATCH} reports at a time. The activity is a
 * sequential multi-instance of {@code lotesDeReportes} batches, each after a savepoint of its own: one transaction per
 * batch. The engine orders the inserts of a transaction by their references, in time that grows with the square of
 * their number; a round of 1,000 projects started in one transaction spent most of its time there (ADR 0022).
 */
@Component("pedirReportes")
class PedirReportes implements JavaDelegate {

    /** Reports started per transaction. */
    static final int BATCH = 100;

    private final MonitoringService monitoring;
    private final Seguimiento seguimiento;

    PedirReportes(MonitoringService monitoring, Seguimiento seguimiento) {
        this.monitoring = monitoring;
        this.seguimiento = seguimiento;
    }

    /** How many batches the round's reports make. */
    static int batches(int reports) {
        return (reports + BATCH - 1) / BATCH;
    }

    @Override
    public void execute(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        List<Number> reports = (List<Number>) execution.getVariable(MonitoringRoundVariables.INFORMES);
        int batch = ((Number) execution.getVariable("loopCounter")).intValue();
        int from = batch * BATCH;
        request(execution, reports.subList(Math.min(from, reports.size()),
                Math.min(from + BATCH, reports.size())).stream().map(Number::longValue).toList());
    }

    /**
     * Starts the report instances of {@code ids} (ids of the round's reports, in their order) in the current
     * transaction; what their tasks show is read once for all of them.
     */
    void request(DelegateExecution execution, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        String quarter = (String) execution.getVariable(MonitoringRoundVariables.TRIMESTRE);
        String months = (String) execution.getVariable(MonitoringRoundVariables.PERIODO);
        String round = execution.getProcessInstanceId();
        Seguimiento.RoundData data = seguimiento.readRoundOnce(round, quarter, ids.get(0), ids.get(ids.size() - 1));
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        AuthorizationService auth = execution.getProcessEngineServices().getAuthorizationService();
        for (long id : ids) {
            MonitoringService.Report r = data != null && data.tasks().reports().containsKey(id)
                    ? data.tasks().reports().get(id) : monitoring.report(id).orElseThrow();
            // the report's own instance: its task, deadline and escalation are its own, and its completion touches
            // nothing of the round's or of another report's (units filing at the same moment do not collide)
            String pid = runtime.createProcessInstanceByKey(MonitoringService.REPORT_PROCESS_KEY)
                    .businessKey(quarter + "/" + r.unitGroup() + "/" + r.cui())
                    .setVariable(MonitoringRoundVariables.INFORME, id)
                    .setVariable(MonitoringRoundVariables.RONDA, round)
                    .setVariable(MonitoringRoundVariables.TRIMESTRE, quarter)
                    .setVariable(MonitoringRoundVariables.PERIODO, months)
                    .execute().getId();
            letTheUnitReadItsReport(auth, r.unitGroup(), pid);
        }
    }

    /**
     * The project's executing unit may read its report's variables (READ on the report's process instance): Tasklist
     * shows the project and CUI of every task in the list from them. No unit reads another unit's report.
     */
    private static void letTheUnitReadItsReport(AuthorizationService auth, String group, String pid) {
        Authorization a = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        a.setGroupId(group);
        a.setResource(Resources.PROCESS_INSTANCE);
        a.setResourceId(pid);
        a.addPermission(Permissions.READ);
        auth.saveAuthorization(a);
    }
}
