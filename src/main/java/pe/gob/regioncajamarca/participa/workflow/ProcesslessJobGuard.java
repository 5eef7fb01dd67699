package pe.gob.regioncajamarca.participa.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * Jobs that belong to no process (the history cleanup, batch jobs) are operated by administrators only.
 *
 * <p>Camunda checks UPDATE on the job's process definition or instance before a job is suspended, activated,
 * retried, rescheduled, reprioritised, executed, unlocked or deleted, and <em>skips the check</em> when the job has
 * no process definition: any staff user could suspend the history cleanup, set its retries to 0 or move its due date
 * to 2099 through {@code /engine-rest/job/{id}/...}, Cockpit or the Java API, and history would grow without
 * limit. This engine plugin puts a command interceptor inside every command context that, for a logged-in user who
 * is not a Camunda administrator ({@code camunda-admin}), refuses those commands with an
 * {@link AuthorizationException} (HTTP 403 in the REST API) when any job they name, or any job definition they
 * name, has no process definition key. The job executor (no logged-in user), administrators, and jobs of processes
 * (left to Camunda's authorizations) pass untouched. Modelled on {@link TaskVariableGuard}.</p>
 */
@Component
class ProcesslessJobGuard extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> post = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        post.add(new Interceptor());
        configuration.setCustomPostCommandInterceptorsTxRequired(post);
    }

    private static final class Interceptor extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof FailedJobListener listener && refusedHere(listener)) {
                // ExecuteJobHelper treats the refusal of an ExecuteJobsCmd as a failure of the job and would take one
                // of its retries: the job never ran, so its failure is not recorded
                return null;
            }
            CommandContext context = Context.getCommandContext();
            if (context != null && context.getAuthenticatedUserId() != null && guarded(command)
                    && !isAdmin(context)) {
                for (String jobId : jobIds(command)) {
                    JobEntity job = jobId == null ? null : context.getJobManager().findJobById(jobId);
                    if (job != null && job.getProcessDefinitionKey() == null) {
                        refuse(context, "el job " + jobId + " (" + job.getJobHandlerType() + ")");
                    }
                }
                for (String definitionId : jobDefinitionIds(command)) {
                    JobDefinitionEntity definition = definitionId == null ? null
                            : context.getJobDefinitionManager().findById(definitionId);
                    if (definition != null && definition.getProcessDefinitionKey() == null) {
                        refuse(context, "la definición de job " + definitionId + " (" + definition.getJobType() + ")");
                    }
                }
            }
            return next.execute(command);
        }

        private static boolean guarded(Command<?> c) {
            return c instanceof SetJobRetriesCmd || c instanceof SetJobDuedateCmd || c instanceof RecalculateJobDuedateCmd
                    || c instanceof SetJobPriorityCmd || c instanceof DeleteJobCmd || c instanceof DeleteJobsCmd
                    || c instanceof ExecuteJobsCmd || c instanceof UnlockJobCmd || c instanceof AbstractSetJobStateCmd
                    || c instanceof AbstractSetJobDefinitionStateCmd || c instanceof SetJobDefinitionPriorityCmd;
        }

        private static boolean isAdmin(CommandContext context) {
            Authentication authentication = context.getAuthentication();
            return authentication != null && context.getAuthorizationManager().isCamundaAdmin(authentication);
        }

        private static List<String> jobIds(Command<?> c) {
            List<String> ids = new ArrayList<>();
            if (c instanceof SetJobRetriesCmd) {
                ids.add(CommandFields.read(c, "jobId"));
                Collection<String> many = CommandFields.read(c, "jobIds");
                if (many != null) {
                    ids.addAll(many);
                }
            } else if (c instanceof DeleteJobsCmd) {
                Collection<String> many = CommandFields.read(c, "jobIds");
                if (many != null) {
                    ids.addAll(many);
                }
            } else if (!(c instanceof AbstractSetJobDefinitionStateCmd) && !(c instanceof SetJobDefinitionPriorityCmd)) {
                ids.add(CommandFields.read(c, "jobId"));
            }
            return ids;
        }

        private static List<String> jobDefinitionIds(Command<?> c) {
            List<String> ids = new ArrayList<>();
            if (c instanceof SetJobRetriesCmd || c instanceof AbstractSetJobStateCmd
                    || c instanceof AbstractSetJobDefinitionStateCmd || c instanceof SetJobDefinitionPriorityCmd) {
                ids.add(CommandFields.read(c, "jobDefinitionId"));
            }
            return ids;
        }

        private static boolean refusedHere(FailedJobListener listener) {
            JobFailureCollector collector = CommandFields.read(listener, "jobFailureCollector");
            for (Throwable t = collector == null ? null : collector.getFailure(); t != null; t = t.getCause()) {
                if (t instanceof Refused) {
                    return true;
                }
                if (t.getCause() == t) {
                    break;
                }
            }
            return false;
        }

        private static void refuse(CommandContext context, String what) {
            throw new Refused("El usuario " + context.getAuthenticatedUserId() + " no puede operar "
                    + what + ": no pertenece a ningún proceso y solo el grupo camunda-admin puede cambiarlo. "
                    + "No se cambió nada.");
        }
    }

    /** The refusal (an {@link AuthorizationException}: 403 in the REST API). */
    static final class Refused extends AuthorizationException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }



    static {
        // fail at start, not at the first refusal, if the engine's commands no longer carry these fields
        for (Class<?> c : List.of(SetJobDuedateCmd.class, RecalculateJobDuedateCmd.class, SetJobPriorityCmd.class,
                DeleteJobCmd.class, ExecuteJobsCmd.class, UnlockJobCmd.class, AbstractSetJobStateCmd.class)) {
            CommandFields.field(c, "jobId");
        }
        CommandFields.field(SetJobRetriesCmd.class, "jobId");
        CommandFields.field(SetJobRetriesCmd.class, "jobIds");
        CommandFields.field(SetJobRetriesCmd.class, "jobDefinitionId");
        CommandFields.field(DeleteJobsCmd.class, "jobIds");
        CommandFields.field(AbstractSetJobStateCmd.class, "jobDefinitionId");
        CommandFields.field(AbstractSetJobDefinitionStateCmd.class, "jobDefinitionId");
        CommandFields.field(SetJobDefinitionPriorityCmd.class, "jobDefinitionId");
        CommandFields.field(FailedJobListener.class, "jobFailureCollector");
    }
}
