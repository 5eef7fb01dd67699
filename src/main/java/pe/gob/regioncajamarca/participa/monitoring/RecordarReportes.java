package pe.gob.regioncajamarca.participa.monitoring;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.notification.RecordarTarea;

/**
 * "Recordatorio a las unidades" of a round: the reports still open, each in its own instance, reminded together, so
 * that each person of a unit gets one mail that lists all the projects the unit has yet to report.
 */
@Component("recordarReportes")
class RecordarReportes implements ExecutionListener {

    private final RecordarTarea reminders;

    RecordarReportes(RecordarTarea reminders) {
        this.reminders = reminders;
    }

    @Override
    public void notify(DelegateExecution execution) {
        List<Task> open = MonitoringRounds.reportTasks(execution.getProcessEngineServices().getTaskService(),
                execution.getProcessInstanceId()).orderByTaskId().asc().list();
        reminders.remind(execution, open, "Reportar avance trimestral");
    }
}
