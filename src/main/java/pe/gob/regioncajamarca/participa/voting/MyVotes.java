package pe.gob.regioncajamarca.participa.voting;

import pe.gob.regioncajamarca.participa.projects.Projects;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.accreditation.MyParticipation;

/** "Mis votos" on Mi cuenta: the projects the citizen voted for, per cycle, with their result once published. */
@Component
class MyVotes implements MyParticipation {

    private final JdbcClient jdbc;

    private final Projects projects;

    MyVotes(JdbcClient jdbc, Projects projects) {
        this.projects = projects;
        this.jdbc = jdbc;
    }

    @Override
    public Section sectionFor(String documentNumber, String email) {
        List<Long> voted = jdbc.sql("SELECT project_id FROM vote WHERE document_number = ?").param(documentNumber)
                .query(Long.class).list();
        java.text.Collator collator = java.text.Collator.getInstance(new java.util.Locale("es", "PE"));
        List<Item> items = projects.byIds(voted).values().stream()
                .sorted(java.util.Comparator.comparing(Projects.Project::year, java.util.Comparator.reverseOrder())
                        .thenComparing(Projects.Project::name, collator::compare))
                .map(p -> {
                    Boolean prioritized = p.prioritized();
                    String status = prioritized == null ? "account.vote.pending"
                            : Boolean.TRUE.equals(prioritized) ? "account.vote.prioritised" : "account.vote.notPrioritised";
                    return new Item(p.year() + " · " + p.name(), "/proyectos/" + p.year() + "/" + p.cui(), status);
                }).toList();
        return new Section(20, "account.votes", items, "account.votes.none");
    }
}
