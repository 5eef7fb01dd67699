package pe.gob.regioncajamarca.participa.ideas;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.cycle.ResultsFormalised;
import pe.gob.regioncajamarca.participa.monitoring.ExecutionStatusChanged;
import pe.gob.regioncajamarca.participa.notification.Notifications;

/**
 * The author of an idea that became a project (its CUI in the portfolio) hears when that project's results are
 * formalised (prioritised or not) and when its execution status changes. Optional notices.
 */
@Component
class IdeaAuthorNotices {

    private final JdbcClient jdbc;
    private final Notifications notifications;

    IdeaAuthorNotices(JdbcClient jdbc, Notifications notifications) {
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    record Authored(String email, String code, String title, String cui, String name, boolean prioritized, String reason) {
    }

    @EventListener
    public void onFormalised(ResultsFormalised event) {
        jdbc.sql("""
                SELECT i.contact_email, i.tracking_code, i.title, p.cui, p.name, p.prioritized, p.reason
                FROM project_idea i JOIN project p ON p.cui = i.assigned_cui AND p.cycle_year = ?
                WHERE i.contact_email IS NOT NULL""").param(event.year())
                .query((rs, i) -> new Authored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getString(7)))
                .list()
                .forEach(a -> notifications.sendOptional("idea-priorizacion:" + event.year() + ":" + a.code(), a.email(),
                        "Su idea " + a.code() + " en el presupuesto participativo " + event.year(), "idea-priorizada",
                        Map.of("year", event.year(), "code", a.code(), "title", a.title(), "cui", a.cui(),
                                "name", a.name(), "prioritized", a.prioritized(),
                                "reason", a.reason() == null ? "" : a.reason())));
    }

    @EventListener
    public void onStatusChanged(ExecutionStatusChanged event) {
        jdbc.sql("""
                SELECT i.contact_email, i.tracking_code, i.title, p.cui, p.name, p.prioritized, p.reason
                FROM project_idea i JOIN project p ON p.cui = i.assigned_cui WHERE p.id = ? AND i.contact_email IS NOT NULL""")
                .param(event.projectId())
                .query((rs, i) -> new Authored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getString(7)))
                .list()
                .forEach(a -> notifications.sendOptional("idea-estado:" + event.projectId() + ":" + event.quarter() + ":"
                                + a.code(), a.email(), "El proyecto de su idea " + a.code() + " cambió de estado",
                        "idea-estado", Map.of("code", a.code(), "title", a.title(), "cui", a.cui(), "name", a.name(),
                                "quarter", event.quarter(), "to", event.to().replace('_', ' ').toLowerCase())));
    }
}
