package pe.gob.regioncajamarca.participa.cycle;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a cycle from code (demo data, scripts) exactly as the planning office does from Tasklist's start
 * form: by starting {@code participatory-budget-cycle} with the form's variables.
 */
@Service
public class CycleStarter {

    public static final String PROCESS_KEY = "participatory-budget-cycle";

    private final RuntimeService runtime;

    public CycleStarter(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Starts the cycle process; refused with the Spanish reasons when the command is invalid. */
    @Transactional
    public String start(OpenCycleCommand cmd) {
        List<String> errors = cmd.validate();
        if (!errors.isEmpty()) {
            throw new CycleValidationException(errors);
        }
        ProcessInstance pi = runtime.startProcessInstanceByKey(PROCESS_KEY, String.valueOf(cmd.year()),
                CycleForm.variablesOf(cmd));
        return pi.getId();
    }
}
