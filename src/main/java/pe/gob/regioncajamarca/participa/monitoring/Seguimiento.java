package pe.gob.regioncajamarca.participa.monitoring;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.investments.NationalFigures;
import pe.gob.regioncajamarca.participa.workflow.PerTransaction;
import pe.gob.regioncajamarca.participa.workflow.TaskRecords;

/**
 * The expressions of {@code quarterly-progress-report}: {@code ${seguimiento.prepararTarea(execution)}}, the start
 * listener of each "Reportar avance trimestral" (and of the multi-instance tasks of rounds begun on the first model).
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

    /** What the tasks of one round show, read once ({@link #readRoundOnce}), for the transaction that opens them. */
    record RoundData(MonitoringService.RoundTasks tasks, Map<String, NationalFigures.National> national) {
    }

    /** The key of a round's {@link RoundData} in {@link PerTransaction}. */
    record RoundKey(String processInstanceId) {
    }

    /**
     * Reads what the tasks about to open show (the reports from {@code fromId} to {@code toId} of the round, their
     * projects, previous progress and national figures) in a few queries, for the rest of the transaction that
     * creates them (a batch of "Pedir un reporte por proyecto" and the reports it starts run in one job); each task
     * then reads nothing more. Without a transaction each task reads its own, as before, and this returns null.
     */
    RoundData readRoundOnce(String processInstanceId, String quarter, long fromId, long toId) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            MonitoringService.RoundTasks tasks = monitoring.roundTasks(quarter, fromId, toId);
            RoundData data = new RoundData(tasks, nationalComparison.of(
                    tasks.reports().values().stream().map(MonitoringService.Report::cui).toList()));
            PerTransaction.put(new RoundKey(processInstanceId), data);
            return data;
        }
        return null;
    }

    /** Start listener of each "Reportar avance trimestral" instance: routes it to the project's unit. */
    public void prepararTarea(DelegateExecution execution) {
        // the report's id, set by the round as it started this report's instance (on the first model, the element of
        // the round's own multi-instance collection, set by the engine)
        long id = ((Number) execution.getVariable(MonitoringRoundVariables.INFORME)).longValue();
        Object started = execution.getVariable(MonitoringRoundVariables.RONDA);
        String roundId = started != null ? started.toString() : execution.getProcessInstanceId();
        RoundData round = PerTransaction.get(new RoundKey(roundId), RoundData.class);
        MonitoringService.Report read = round == null ? null : round.tasks().reports().get(id);
        MonitoringService.Report r = read != null ? read : monitoring.report(id).orElseThrow();
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
        Optional<MonitoringService.Progress> previous = read != null
                ? Optional.ofNullable(round.tasks().previous().get(id)) : monitoring.previousProgress(id);
        previous.ifPresent(prev -> {
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
        if (read != null) {
            nationalComparison.prefill(r, Optional.ofNullable(round.national().get(r.cui())), execution);
        } else {
            nationalComparison.prefill(r, execution);
        }
    }
}
