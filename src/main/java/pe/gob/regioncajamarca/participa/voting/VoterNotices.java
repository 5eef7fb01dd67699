package pe.gob.regioncajamarca.participa.voting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.cycle.ResultsFormalised;
import pe.gob.regioncajamarca.participa.monitoring.ExecutionStatusChanged;
import pe.gob.regioncajamarca.participa.notification.Notifications;

/**
 * Agents hear about the projects they voted for: when the results are formalised (one mail per agent with each
 * of their projects, prioritised or not) and when a prioritised project's execution status changes. Optional
 * notices: an agent who turned them off gets none. Queued in the transaction of the event (the formalisation
 * step, the unit's report), so they exist exactly when the change does.
 */
@Component
class VoterNotices {

    static final Map<String, String> STATUS = Map.of("NO_INICIADO", "No iniciado", "EN_EJECUCION", "En ejecución",
            "PARALIZADO", "Paralizado", "CONCLUIDO", "Concluido");

    private final JdbcClient jdbc;
    private final Notifications notifications;

    VoterNotices(JdbcClient jdbc, Notifications notifications) {
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    /** One of an agent's projects, as the mail lists it. */
    public record VotedProject(String cui, String name, boolean prioritized, String reason) {
    }

    @EventListener
    public void onFormalised(ResultsFormalised event) {
        Map<String, List<VotedProject>> byEmail = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT c.email, p.cui, p.name, p.prioritized, p.reason
                FROM vote v JOIN project p ON p.id = v.project_id
                JOIN agent_registration r ON r.cycle_year = v.cycle_year AND r.document_number = v.document_number
                JOIN citizen_account c ON c.id = r.citizen_id
                WHERE v.cycle_year = ? ORDER BY c.email, p.scope, p.scope_rank, p.cui""").param(event.year())
                .query((rs, i) -> byEmail.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new VotedProject(
                        rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5))))
                .list();
        byEmail.forEach((email, projects) -> notifications.sendOptional("priorizacion:" + event.year() + ":" + email,
                email, "Resultados del presupuesto participativo " + event.year() + ": sus proyectos",
                "proyectos-priorizados", Map.of("year", event.year(), "projects", projects)));
    }

    @EventListener
    public void onStatusChanged(ExecutionStatusChanged event) {
        record Project(int year, String cui, String name) {
        }
        Project p = jdbc.sql("SELECT cycle_year, cui, name FROM project WHERE id = ?").param(event.projectId())
                .query((rs, i) -> new Project(rs.getInt(1), rs.getString(2), rs.getString(3))).single();
        List<String> emails = jdbc.sql("""
                SELECT DISTINCT c.email FROM vote v
                JOIN agent_registration r ON r.cycle_year = v.cycle_year AND r.document_number = v.document_number
                JOIN citizen_account c ON c.id = r.citizen_id
                WHERE v.project_id = ?""").param(event.projectId()).query(String.class).list();
        for (String email : emails) {
            notifications.sendOptional("estado:" + event.projectId() + ":" + event.quarter() + ":" + email, email,
                    "El proyecto " + p.name() + " está " + STATUS.getOrDefault(event.to(), event.to()).toLowerCase(),
                    "estado-proyecto", Map.of("year", p.year(), "cui", p.cui(), "name", p.name(), "quarter",
                            event.quarter(), "from", STATUS.getOrDefault(event.from(), event.from()),
                            "to", STATUS.getOrDefault(event.to(), event.to())));
        }
    }
}
