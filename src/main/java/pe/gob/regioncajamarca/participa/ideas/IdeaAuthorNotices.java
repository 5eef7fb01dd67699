package pe.gob.regioncajamarca.participa.ideas;

import pe.gob.regioncajamarca.participa.projects.Projects;

import java.util.List;
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

    private final Projects projects;

    IdeaAuthorNotices(JdbcClient jdbc, Notifications notifications, Projects projects) {
        this.projects = projects;
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    record Authored(String email, String code, String title, String cui, String name, boolean prioritized, String reason) {
    }

    @EventListener
    public void onFormalised(ResultsFormalised event) {
        record Idea(String email, String code, String title, String cui) {
        }
        List<Idea> ideas = jdbc.sql("""
                SELECT i.contact_email, i.tracking_code, i.title, i.assigned_cui FROM project_idea i
                WHERE i.contact_email IS NOT NULL AND i.assigned_cui IS NOT NULL""")
                .query((rs, i) -> new Idea(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        Map<String, Projects.Project> byCui = projects.byCuis(event.year(), ideas.stream().map(Idea::cui).toList());
        ideas.stream().filter(i -> byCui.containsKey(i.cui()))
                .map(i -> {
                    Projects.Project p = byCui.get(i.cui());
                    return new Authored(i.email(), i.code(), i.title(), p.cui(), p.name(),
                            Boolean.TRUE.equals(p.prioritized()), p.reason());
                })
                .forEach(a -> notifications.sendOptional("idea-priorizacion:" + event.year() + ":" + a.code(), a.email(),
                        "Su idea " + a.code() + " en el presupuesto participativo " + event.year(), "idea-priorizada",
                        Map.of("year", event.year(), "code", a.code(), "title", a.title(), "cui", a.cui(),
                                "name", a.name(), "prioritized", a.prioritized(),
                                "reason", a.reason() == null ? "" : a.reason())));
    }

    @EventListener
    public void onStatusChanged(ExecutionStatusChanged event) {
        Projects.Project p = projects.find(event.projectId()).orElse(null);
        if (p == null) {
            return;
        }
        jdbc.sql("""
                SELECT i.contact_email, i.tracking_code, i.title FROM project_idea i
                WHERE i.assigned_cui = ? AND i.contact_email IS NOT NULL""")
                .param(p.cui())
                .query((rs, i) -> new Authored(rs.getString(1), rs.getString(2), rs.getString(3), p.cui(), p.name(),
                        Boolean.TRUE.equals(p.prioritized()), p.reason()))
                .list()
                .forEach(a -> notifications.sendOptional("idea-estado:" + event.projectId() + ":" + event.quarter() + ":"
                                + a.code(), a.email(), "El proyecto de su idea " + a.code() + " cambió de estado",
                        "idea-estado", Map.of("code", a.code(), "title", a.title(), "cui", a.cui(), "name", a.name(),
                                "quarter", event.quarter(), "to", event.to().replace('_', ' ').toLowerCase())));
    }
}
