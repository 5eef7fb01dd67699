package pe.gob.regioncajamarca.participa.monitoring;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.calendar.DueDates;

/**
 * "Preparar ronda de seguimiento": the quarter it reports (given by hand, or the one that has just ended,
 * {@link Quarter#reportedBy}) and one report per project ({@link MonitoringService#openRound}).
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
        List<Long> reports = monitoring.openRound(quarter, execution.getProcessInstanceId());
        execution.setProcessBusinessKey(quarter);
        execution.setVariable(MonitoringRoundVariables.TRIMESTRE, quarter);
        execution.setVariable(MonitoringRoundVariables.PERIODO, reported.months()); // "julio a septiembre de 2026", for the forms
        execution.setVariable(MonitoringRoundVariables.INFORMES, reports);
        execution.setVariable(MonitoringRoundVariables.PROYECTOS_POR_REPORTAR, reports.size());
        // the reports close 15 business days after the round opens, whatever is missing
        execution.setVariable(MonitoringRoundVariables.FECHA_CIERRE_REPORTES, plazos.habiles(15));
        letUnitsReadTheRound(execution, quarter);
        // the tasks are created right after this, in the same transaction: what they show is read once here
        seguimiento.readRoundOnce(execution.getProcessInstanceId(), quarter);
    }

    /**
     * Each executing unit of the round may read the round's variables (READ on this process instance): Tasklist
     * shows the project and CUI of every task in the list from them. A unit still sees only its own tasks (task
     * grants are per candidate group); the round's variables are the projects' public data.
     */
    private void letUnitsReadTheRound(DelegateExecution execution, String quarter) {
        org.camunda.bpm.engine.AuthorizationService auth = execution.getProcessEngineServices()
                .getAuthorizationService();
        String pid = execution.getProcessInstanceId();
        for (String group : monitoring.unitGroupsOf(quarter)) {
            if (auth.createAuthorizationQuery().groupIdIn(group)
                    .resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE)
                    .resourceId(pid).count() == 0) {
                org.camunda.bpm.engine.authorization.Authorization a = auth.createNewAuthorization(
                        org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
                a.setGroupId(group);
                a.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE);
                a.setResourceId(pid);
                a.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
                auth.saveAuthorization(a);
            }
        }
    }
}
