package pe.gob.regioncajamarca.participa.voting;

import pe.gob.regioncajamarca.participa.accreditation.AccreditationService;

import pe.gob.regioncajamarca.participa.projects.Projects;

import java.util.ArrayList;
import java.util.HashMap;
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

    private final Projects projects;

    private final AccreditationService accreditation;

    VoterNotices(JdbcClient jdbc, Notifications notifications, Projects projects, AccreditationService accreditation) {
        this.accreditation = accreditation;
        this.projects = projects;
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    /** One of an agent's projects, as the mail lists it. */
    public record VotedProject(String cui, String name, boolean prioritized, String reason) {
    }

    @EventListener
    public void onFormalised(ResultsFormalised event) {
        Map<String, List<VotedProject>> byEmail = new LinkedHashMap<>();
        record Vote(String document, long projectId) {
        }
        List<Vote> votes = jdbc.sql("SELECT document_number, project_id FROM vote WHERE cycle_year = ?")
                .param(event.year()).query((rs, i) -> new Vote(rs.getString(1), rs.getLong(2))).list();
        Map<Long, Projects.Project> voted = projects.byIds(votes.stream().map(Vote::projectId).toList());
        Map<String, String> emails = accreditation.emailsOfRegistered(event.year(),
                votes.stream().map(Vote::document).toList());
        java.util.Comparator<Integer> rank = java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder());
        votes.stream().filter(v -> emails.containsKey(v.document()) && voted.containsKey(v.projectId()))
                .sorted(java.util.Comparator.<Vote, String>comparing(v -> emails.get(v.document()))
                        .thenComparing(v -> voted.get(v.projectId()).scope())
                        .thenComparing(v -> voted.get(v.projectId()).rank(), rank)
                        .thenComparing(v -> voted.get(v.projectId()).cui()))
                .forEach(v -> {
                    Projects.Project p = voted.get(v.projectId());
                    byEmail.computeIfAbsent(emails.get(v.document()), k -> new ArrayList<>()).add(new VotedProject(
                            p.cui(), p.name(), Boolean.TRUE.equals(p.prioritized()), p.reason()));
                });
        // one optional notice per voter; preferences and earlier notices read for all of them at once
        Map<String, String> byKey = new LinkedHashMap<>();
        Map<String, List<VotedProject>> projectsOf = new HashMap<>();
        byEmail.forEach((email, projects) -> {
            String key = "priorizacion:" + event.year() + ":" + email;
            byKey.put(key, email);
            projectsOf.put(key, projects);
        });
        notifications.sendOptionalToAll(byKey, "Resultados del presupuesto participativo " + event.year()
                + ": sus proyectos", "proyectos-priorizados",
                key -> Map.of("year", event.year(), "projects", projectsOf.get(key)));
    }

    @EventListener
    public void onStatusChanged(ExecutionStatusChanged event) {
        record Project(int year, String cui, String name) {
        }
        Project p = projects.find(event.projectId()).map(x -> new Project(x.year(), x.cui(), x.name())).orElseThrow();
        List<String> voters = jdbc.sql("SELECT DISTINCT document_number FROM vote WHERE project_id = ?")
                .param(event.projectId()).query(String.class).list();
        List<String> emails = accreditation.emailsOfRegistered(p.year(), voters).values().stream().distinct()
                .toList();
        // one optional notice per voter; preferences and earlier notices read for all of them at once
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String email : emails) {
            byKey.put("estado:" + event.projectId() + ":" + event.quarter() + ":" + email, email);
        }
        notifications.sendOptionalToAll(byKey,
                "El proyecto " + p.name() + " está " + STATUS.getOrDefault(event.to(), event.to()).toLowerCase(),
                "estado-proyecto", Map.of("year", p.year(), "cui", p.cui(), "name", p.name(), "quarter",
                        event.quarter(), "from", STATUS.getOrDefault(event.from(), event.from()),
                        "to", STATUS.getOrDefault(event.to(), event.to())));
    }
}
