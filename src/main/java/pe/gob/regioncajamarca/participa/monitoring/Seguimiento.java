package pe.gob.regioncajamarca.participa.monitoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.workflow.TaskRecords;

/**
 * The expressions of {@code quarterly-monitoring-round}: {@code ${seguimiento.prepararTarea(execution)}}, the start
 * listener of each "Reportar avance trimestral".
 */
@Component("seguimiento")
public class Seguimiento {

    /** What a "Reportar avance trimestral" task acts on, in {@link TaskRecords}. */
    static final String REPORT = "monitoring_report";

    private final MonitoringService monitoring;
    private final TaskRecords taskRecords;
    private final NationalComparison nationalComparison;

    Seguimiento(MonitoringService monitoring, TaskRecords taskRecords, NationalComparison nationalComparison) {
        this.monitoring = monitoring;
        this.taskRecords = taskRecords;
        this.nationalComparison = nationalComparison;
    }

    /** Start listener of each "Reportar avance trimestral" instance: routes it to the project's unit. */
    public void prepararTarea(DelegateExecution execution) {
        // the element of the round's own collection, set by the engine as this instance starts
        long id = ((Number) execution.getVariable(MonitoringRoundVariables.INFORME)).longValue();
        MonitoringService.Report r = monitoring.report(id).orElseThrow();
        taskRecords.bind(execution, REPORT, id);
        execution.setVariableLocal(MonitoringRoundVariables.GRUPO_UNIDAD, r.unitGroup());
        execution.setVariableLocal(MonitoringRoundVariables.CUI, r.cui());
        execution.setVariableLocal(MonitoringRoundVariables.PROYECTO, r.projectName());
        execution.setVariableLocal(MonitoringRoundVariables.AMBITO, r.scope());
        execution.setVariableLocal(MonitoringRoundVariables.UNIDAD, r.unitName());
        execution.setVariableLocal(MonitoringRoundVariables.ANIO_CICLO, r.cycleYear()); // the link to the project's public page
        // the last figures reported, shown on the form so that the unit starts from them; the PIM and the updated
        // total cost (which seldom change) are filled in (a form field takes the value of the variable of its name);
        // without a report before, the updated cost starts at the project's cost
        if (r.cost() != null) {
            execution.setVariableLocal(MonitoringRoundVariables.COSTO_ACTUALIZADO, r.cost().doubleValue());
        }
        monitoring.previousProgress(id).ifPresent(prev -> {
            execution.setVariableLocal(MonitoringRoundVariables.TRIMESTRE_ANTERIOR, prev.quarter());
            execution.setVariableLocal(MonitoringRoundVariables.AVANCE_ANTERIOR, prev.physicalProgress() == null ? null
                    : prev.physicalProgress().doubleValue());
            execution.setVariableLocal(MonitoringRoundVariables.EJECUCION_ANTERIOR, prev.financialExecution() == null ? null
                    : prev.financialExecution().doubleValue());
            if (prev.currentBudget() != null) {
                execution.setVariableLocal(MonitoringRoundVariables.PIM, prev.currentBudget().doubleValue());
            }
            if (prev.updatedCost() != null) {
                execution.setVariableLocal(MonitoringRoundVariables.COSTO_ACTUALIZADO, prev.updatedCost().doubleValue());
            }
        });
        // what the national investment system says of the project: shown, and prefilled (the unit confirms it or
        // corrects it with a reason)
        nationalComparison.prefill(r, execution);
    }
}
