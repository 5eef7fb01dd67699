package pe.gob.regioncajamarca.participa.complaints;

import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.calendar.DueDates;

/**
 * The extension granted: stored and mailed ({@link ComplaintService#extend}); the process's deadline
 * ({@code fechaLimite}) becomes the new date, and when the answering task already exists its due date, its
 * reminder and its escalation timer move to it (the engine's own authorizations aside: the office that extends
 * is not the unit that answers).
 */
@Component("plazoProrrogado")
class PlazoProrrogado implements JavaDelegate {

    private final ComplaintService complaints;
    private final DueDates plazos;

    PlazoProrrogado(ComplaintService complaints, DueDates plazos) {
        this.complaints = complaints;
        this.plazos = plazos;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String pid = execution.getProcessInstanceId();
        ComplaintService.Extension x = complaints.extend(complaints.codeOfProcess(pid),
                (String) execution.getVariable(ComplaintVariables.NUEVA_FECHA_LIMITE),
                (String) execution.getVariable(ComplaintVariables.MOTIVO_PRORROGA));
        Date due = Date.from(x.newDueAt());
        execution.setVariable(ComplaintVariables.FECHA_LIMITE, due);
        TaskService taskService = execution.getProcessEngineServices().getTaskService();
        ManagementService management = execution.getProcessEngineServices().getManagementService();
        Context.getCommandContext().runWithoutAuthorization((java.util.concurrent.Callable<Void>) () -> {
            for (Task answer : taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_Answer")
                    .list()) {
                answer.setDueDate(due);
                taskService.saveTask(answer);
            }
            moveTimers(management, pid, "Timer_AnswerOverdue", due);
            moveTimers(management, pid, "Timer_AnswerReminder", plazos.antesDe(due, 2));
            return null;
        });
    }

    private static void moveTimers(ManagementService management, String pid, String timer, Date at) {
        for (Job job : management.createJobQuery().processInstanceId(pid).activityId(timer).list()) {
            management.setJobDuedate(job.getId(), at);
        }
    }
}
