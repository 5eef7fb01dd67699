package pe.gob.regioncajamarca.participa.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * A task's form fields are the only variables whoever works on the task may set (issue 20).
 *
 * <p>Camunda lets anyone allowed to complete a task send any variable with the completion, and a variable sent
 * that way overwrites the process's own (for instance the id of the record a listener acts on). This engine
 * plugin puts a command interceptor inside every command context that looks at every command that carries
 * variables into a task of a process: completing it ({@code complete}, {@code submit-form}, through
 * {@code /engine-rest}, Tasklist or Java), throwing a BPMN error or escalation from it, and, for a logged-in
 * user, setting, changing or removing its variables. A variable that the task's form does not declare is refused
 * with a {@link FormFieldValidationException} (HTTP 400 in the REST API) naming it, before the command runs, so nothing
 * changes; a field the form only shows (read-only) is dropped from the submission, so it changes nothing either.
 * A field the form declares transient (a file that the task's listener moves to the application's store) reaches
 * the engine as a transient variable: the listeners read it, and neither the engine's variables nor its history
 * ever hold it.
 * A task of a process without a form accepts no variables. Standalone tasks (no process) carry no records and are
 * left to the engine's own authorizations.</p>
 *
 * <p>The fields come from {@link FormFields}: the Camunda Forms and embedded forms the application ships.</p>
 */
@Component
class TaskVariableGuard extends AbstractProcessEnginePlugin {

    private final FormFields forms = FormFields.fromClasspath();
    private ProcessEngineConfigurationImpl engine;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.engine = configuration;
        List<CommandInterceptor> post = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        post.add(new Interceptor());
        configuration.setCustomPostCommandInterceptorsTxRequired(post);
    }

    /** The fields the form of a task declares (what a submission for it may carry). */
    public FormFields.Declared fieldsOf(String taskId) {
        return engine.getCommandExecutorTxRequired().execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                throw new BadUserRequestException("No existe la tarea " + taskId + ".");
            }
            return declaredOf(task);
        });
    }

    /** The declared fields of a task's form; empty when the task has no form. */
    FormFields.Declared declaredOf(TaskEntity task) {
        task.initializeFormKey();
        CamundaFormRef ref = task.getCamundaFormRef();
        if (ref == null) {
            return forms.embeddedForm(task.getFormKey()).orElse(NONE);
        }
        // the Camunda Form the engine itself resolves for the task (deployment, latest or version binding), read
        // once per process definition and task
        return deployedForms.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
                k -> {
                    CommandContext context = Context.getCommandContext();
                    boolean checking = context.isAuthorizationCheckEnabled();
                    context.disableAuthorizationCheck();
                    try (java.io.InputStream in = new GetDeployedTaskFormCmd(task.getId()).execute(context)) {
                        return FormFields.camundaForm(in);
                    } catch (java.io.IOException | RuntimeException e) {
                        return forms.camundaForm(ref.getKey()).orElse(NONE);
                    } finally {
                        if (checking) {
                            context.enableAuthorizationCheck();
                        }
                    }
                });
    }

    private static final FormFields.Declared NONE = new FormFields.Declared(java.util.Set.of(), java.util.Set.of());
    private final Map<String, FormFields.Declared> deployedForms = new java.util.concurrent.ConcurrentHashMap<>();

    private final class Interceptor extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof CompleteTaskCmd || command instanceof HandleTaskBpmnErrorCmd
                    || command instanceof HandleTaskEscalationCmd) {
                filter(command, CommandFields.read(command, "taskId"), "variables");
            } else if (command instanceof SubmitTaskFormCmd) {
                filter(command, CommandFields.read(command, "taskId"), "properties");
            } else if (loggedIn() && (command instanceof SetTaskVariablesCmd
                    || command instanceof PatchTaskVariablesCmd)) {
                filter(command, CommandFields.read(command, "entityId"), "variables");
                if (command instanceof AbstractPatchVariablesCmd) {
                    refuseUndeclared(CommandFields.read(command, "entityId"), CommandFields.read(command, "deletions"));
                }
            } else if (loggedIn() && command instanceof RemoveTaskVariablesCmd) {
                refuseUndeclared(CommandFields.read(command, "entityId"), CommandFields.read(command, "variableNames"));
            }
            if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd
                    || command instanceof org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd) {
                try {
                    return next.execute(command);
                } catch (RuntimeException e) {
                    throw asRefusal(e);
                }
            }
            return next.execute(command);
        }

        /**
         * A listener's (or a start form's delegate's) refusal ("El avance físico no puede...") is the person's to fix,
         * not a server error: the engine wraps it twice ("ENGINE-03051 ... Exception while invoking TaskListener:
         * ..."), and its REST API answers 500. As a form validation error it is answered 400 with the application's
         * sentence alone. Refusals are the application's own exceptions and IllegalArgumentException; anything else (a
         * bug, the database) stays what it was.
         */
        private RuntimeException asRefusal(RuntimeException e) {
            if (e instanceof FormFieldValidationException
                    || e instanceof org.camunda.bpm.engine.AuthorizationException) {
                return e;
            }
            // a start form's delegate throws the application's exception as it is; a listener's comes wrapped
            for (Throwable c = e; c != null; c = c.getCause()) {
                boolean ours = c.getClass().getName().startsWith("pe.gob.regioncajamarca.participa.");
                if ((ours || c instanceof IllegalArgumentException) && c instanceof RuntimeException
                        && c.getMessage() != null) {
                    return new FormFieldValidationException("formulario", c.getMessage(), c);
                }
            }
            return e;
        }

        private boolean loggedIn() {
            CommandContext context = Context.getCommandContext();
            return context != null && context.getAuthenticatedUserId() != null;
        }

        private void filter(Command<?> command, String taskId, String field) {
            Map<String, Object> submitted = CommandFields.read(command, field);
            if (submitted == null || submitted.isEmpty()) {
                return;
            }
            TaskEntity task = processTask(taskId);
            if (task == null) {
                return;
            }
            FormFields.Declared declared = declaredOf(task);
            // typed values as sent (a file keeps its name and type), when the command carries a VariableMap
            org.camunda.bpm.engine.variable.VariableMap typed =
                    submitted instanceof org.camunda.bpm.engine.variable.VariableMap m ? m : null;
            Map<String, Object> kept = new LinkedHashMap<>();
            List<String> refused = new ArrayList<>();
            boolean changed = false;
            for (String name : submitted.keySet()) {
                if (declared.writable().contains(name)) {
                    Object value = typed != null ? typed.getValueTyped(name) : submitted.get(name);
                    if (declared.transients().contains(name)) {
                        value = TransientValues.of(value);
                        changed = true;
                    }
                    kept.put(name, value);
                } else if (!declared.shown().contains(name)) {
                    refused.add(name);
                }
            }
            refuse(task, refused);
            if (changed || kept.size() != submitted.size()) {
                Map<String, Object> replacement = typed != null
                        ? org.camunda.bpm.engine.variable.Variables.fromMap(kept) : kept;
                CommandFields.write(command, field, replacement);
            }
        }

        private void refuseUndeclared(String taskId, Collection<String> names) {
            if (names == null || names.isEmpty()) {
                return;
            }
            TaskEntity task = processTask(taskId);
            if (task == null) {
                return;
            }
            FormFields.Declared declared = declaredOf(task);
            refuse(task, names.stream().filter(n -> !declared.writable().contains(n)).toList());
        }

        private TaskEntity processTask(String taskId) {
            if (taskId == null) {
                return null;
            }
            TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
            return task == null || task.getProcessDefinitionId() == null ? null : task;
        }

        private void refuse(TaskEntity task, List<String> refused) {
            if (!refused.isEmpty()) {
                // a form validation error: the REST API answers it 400 (a BadUserRequestException would be a 500
                // when completing a task) and Tasklist shows the message
                throw new FormFieldValidationException("variables", "La tarea «" + task.getName() + "» solo recibe "
                        + "los campos de su formulario; no se aceptan: " + String.join(", ", refused)
                        + ". No se guardó ningún cambio.");
            }
        }
    }




    static {
        // fail at start, not at the first completion, if the engine's commands no longer carry these fields
        CommandFields.field(CompleteTaskCmd.class, "variables");
        CommandFields.field(SubmitTaskFormCmd.class, "properties");
        CommandFields.field(HandleTaskBpmnErrorCmd.class, "variables");
        CommandFields.field(HandleTaskEscalationCmd.class, "variables");
        CommandFields.field(AbstractVariableCmd.class, "entityId");
        CommandFields.field(SetTaskVariablesCmd.class, "variables");
        CommandFields.field(PatchTaskVariablesCmd.class, "deletions");
        CommandFields.field(RemoveTaskVariablesCmd.class, "variableNames");
    }
}
