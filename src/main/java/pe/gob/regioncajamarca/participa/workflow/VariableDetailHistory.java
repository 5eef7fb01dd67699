package pe.gob.regioncajamarca.participa.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * The engine's history keeps every change a person makes to a variable, and not a second copy of what the engine
 * itself wrote (docs/adr/0023).
 *
 * <p>At history level {@code full} the engine writes each variable twice into its history: its instance
 * ({@code ACT_HI_VARINST}, the current value) and one detail per change ({@code ACT_HI_DETAIL}, each value with the
 * activity, task and user operation it came from). When a variable is <em>created</em> by the engine's own work, with
 * no person logged in (a job, a timer, the listeners that copy what a task shows from our tables, a citizen's action
 * on the portal, which is recorded in our own tables), that detail repeats its instance row: same value, same
 * moment, no person. This handler writes the history as the engine's default does and leaves out exactly that
 * detail. Every update, every deletion, and every variable created while a person is logged in (a task completed in
 * Tasklist, a variable set in Cockpit or through the REST API) keeps its detail as before.</p>
 *
 * <p>It was measured to be a quarter of the statements of a monitoring round (about 21 of 79 per report) and the most
 * frequent insert of a year (docs/performance.md).</p>
 */
@Component
class VariableDetailHistory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(0, new Handler());
        configuration.setCustomHistoryEventHandlers(handlers);
        // the handler below is the engine's own database handler with one decision changed
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    static final class Handler extends DbHistoryEventHandler {

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            if (!super.shouldWriteHistoricDetail(event)) {
                return false;
            }
            // not for a creation with no person logged in
            CommandContext context = Context.getCommandContext();
            return !event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
                    || context != null && context.getAuthenticatedUserId() != null;
        }
    }
}
