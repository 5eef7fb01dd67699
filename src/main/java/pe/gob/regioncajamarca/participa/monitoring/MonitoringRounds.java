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

    private final RuntimeService runtime;

    public MonitoringRounds(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Returns the process instance id of the new round of {@code quarter} (e.g. "2026-Q4"). */
    public String startByHand(String quarter) {
        if (!MonitoringService.isQuarter(quarter)) {
            throw new IllegalArgumentException("El trimestre debe tener la forma AAAA-Qn, por ejemplo 2026-Q4.");
        }
        return runtime.createMessageCorrelation(START_MESSAGE).setVariable("trimestre", quarter)
                .correlateStartMessage().getId();
    }
}
