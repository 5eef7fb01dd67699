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

import pe.gob.regioncajamarca.participa.calendar.DueDates;

/**
 * "Preparar ronda y pedir un reporte por proyecto": the quarter it reports (given by hand, or the one that has just
 * ended, {@link Quarter#reportedBy}), one report per project ({@link MonitoringService#openRound}) and, for each, its
 * own process instance of {@code quarterly-progress-report} (ADR 0021).
 */
@Component("prepararRonda")
class PrepararRonda implements JavaDelegate {

    private final MonitoringService monitoring;
    private final DueDates plazos;
    private final Seguimiento seguimiento;

    PrepararRonda(MonitoringService monitoring, DueDates plazos, Seguimiento seguimiento) {
        this.monitoring = monitoring;
        this.plazos = plazos;
        this.seguimiento = seguimiento;
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
        // the reports close 15 business days after the round opens, whatever is missing
        execution.setVariable(MonitoringRoundVariables.FECHA_CIERRE_REPORTES, plazos.habiles(15));
        // the reports' tasks are created right after this, in the same transaction: what they show is read once here
        Seguimiento.RoundData data = seguimiento.readRoundOnce(round, quarter);
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        AuthorizationService auth = execution.getProcessEngineServices().getAuthorizationService();
        for (long id : reports) {
            MonitoringService.Report r = data != null && data.tasks().reports().containsKey(id)
                    ? data.tasks().reports().get(id) : monitoring.report(id).orElseThrow();
            // the report's own instance: its task, deadline and escalation are its own, and its completion touches
            // nothing of the round's or of another report's (units filing at the same moment do not collide)
            String pid = runtime.createProcessInstanceByKey(MonitoringService.REPORT_PROCESS_KEY)
                    .businessKey(quarter + "/" + r.unitGroup() + "/" + r.cui())
                    .setVariable(MonitoringRoundVariables.INFORME, id)
                    .setVariable(MonitoringRoundVariables.RONDA, round)
                    .setVariable(MonitoringRoundVariables.TRIMESTRE, quarter)
                    .setVariable(MonitoringRoundVariables.PERIODO, reported.months())
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
