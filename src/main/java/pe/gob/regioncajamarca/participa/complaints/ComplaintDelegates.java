package pe.gob.regioncajamarca.participa.complaints;

import java.util.Date;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The task listeners of {@code complaint-handling} and {@code wrongdoing-report} ({@code denunciaAtendida}): the
 * routing and the answers go to the domain tables; each finds its request by the task's process instance. The
 * extension of a request for public information ({@code prorrogaDecidida}, {@code plazoProrrogado}) acts on the
 * request of its own process instance too: the form's three fields are the only thing the office sends.
 */
@Configuration
class ComplaintDelegates {

    static final Set<String> ROUTABLE = Set.of("planning", "technical-team", "communications", "unit-sede-central",
            "unit-proregion", "unit-agricultura", "unit-educacion", "unit-salud", "unit-transportes", "unit-vivienda",
            "unit-ugel-cajamarca", "unit-hospital-regional", "unit-sub-region-chota", "unit-sub-region-cutervo",
            "unit-sub-region-jaen");

    @Bean("solicitudDerivada")
    TaskListener solicitudDerivada(ComplaintService complaints) {
        return (DelegateTask task) -> {
            Object group = task.getVariable("grupoResponsable");
            if (group == null || !ROUTABLE.contains(group.toString())) {
                throw new IllegalArgumentException("Elija la oficina o unidad responsable de la lista.");
            }
            complaints.routed(complaints.codeOfProcess(task.getProcessInstanceId()), group.toString());
        };
    }

    @Bean("solicitudRespondida")
    TaskListener solicitudRespondida(ComplaintService complaints) {
        return (DelegateTask task) -> complaints.answered(complaints.codeOfProcess(task.getProcessInstanceId()),
                (String) task.getVariable("respuesta"), null);
    }

    /** The office decided on the extension: a "yes" is checked now, so that a refusal keeps the task open. */
    @Bean("prorrogaDecidida")
    TaskListener prorrogaDecidida(ComplaintService complaints) {
        return (DelegateTask task) -> {
            Object decision = task.getVariable("prorrogar");
            if (!"SI".equals(decision) && !"NO".equals(decision)) {
                throw new IllegalArgumentException("Indique si se prorroga el plazo (Sí o No).");
            }
            if ("SI".equals(decision)) {
                complaints.checkExtension(complaints.codeOfProcess(task.getProcessInstanceId()),
                        (String) task.getVariable("nuevaFechaLimite"), (String) task.getVariable("motivoProrroga"));
            }
        };
    }

    /**
     * The extension granted: stored and mailed ({@link ComplaintService#extend}); the process's deadline
     * ({@code fechaLimite}) becomes the new date, and when the answering task already exists its due date, its
     * reminder and its escalation timer move to it (the engine's own authorizations aside: the office that extends
     * is not the unit that answers).
     */
    @Bean("plazoProrrogado")
    JavaDelegate plazoProrrogado(ComplaintService complaints, pe.gob.regioncajamarca.participa.calendar.DueDates plazos) {
        return (DelegateExecution execution) -> {
            String pid = execution.getProcessInstanceId();
            ComplaintService.Extension x = complaints.extend(complaints.codeOfProcess(pid),
                    (String) execution.getVariable("nuevaFechaLimite"), (String) execution.getVariable("motivoProrroga"));
            Date due = Date.from(x.newDueAt());
            execution.setVariable("fechaLimite", due);
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
        };
    }

    private static void moveTimers(ManagementService management, String pid, String timer, Date at) {
        for (Job job : management.createJobQuery().processInstanceId(pid).activityId(timer).list()) {
            management.setJobDuedate(job.getId(), at);
        }
    }

    @Bean("denunciaAtendida")
    TaskListener denunciaAtendida(ComplaintService complaints) {
        return (DelegateTask task) -> {
            Object outcome = task.getVariable("resultadoDenuncia");
            if (outcome == null) {
                throw new IllegalArgumentException("Indique el resultado de la denuncia.");
            }
            complaints.answered(complaints.codeOfProcess(task.getProcessInstanceId()), (String) task.getVariable("respuesta"),
                    outcome.toString());
        };
    }
}
