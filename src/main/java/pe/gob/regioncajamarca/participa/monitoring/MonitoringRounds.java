package pe.gob.regioncajamarca.participa.monitoring;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * Starts a quarterly round by hand (the planning office, when the quarterly timer start of the model must be
 * anticipated or repeated): correlates the model's start message "iniciarRondaSeguimiento".
 */
@Service
public class MonitoringRounds {

    public static final String START_MESSAGE = "iniciarRondaSeguimiento";
    /** "Reportar avance trimestral", the task of each report. */
    public static final String REPORT_TASK = "Task_ReportProgress";

    /**
     * The "Reportar avance trimestral" tasks of a round still open: each in its report's own instance of
     * {@code quarterly-progress-report}, which holds the round's instance id (ADR 0021).
     */
    public static org.camunda.bpm.engine.task.TaskQuery reportTasks(org.camunda.bpm.engine.TaskService tasks,
                                                                    String roundId) {
        return tasks.createTaskQuery().processVariableValueEquals(MonitoringRoundVariables.RONDA, roundId)
                .taskDefinitionKey(REPORT_TASK);
    }

    private final RuntimeService runtime;

    public MonitoringRounds(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /**
     * Returns the process instance id of the new round that reports {@code quarter} (e.g. "2026-Q3", the quarter whose
     * figures it collects, not the one it is opened in: see {@link Quarter#reportedBy}).
     */
    public String startByHand(String quarter) {
        String reported = Quarter.parse(quarter).toString();
        return runtime.createMessageCorrelation(START_MESSAGE).setVariable(MonitoringRoundVariables.TRIMESTRE, reported)
                .correlateStartMessage().getId();
    }
}
