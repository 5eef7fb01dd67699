package pe.gob.regioncajamarca.participa.voting;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.accreditation.MyParticipation;

/** "Mis votos" on Mi cuenta: the projects the citizen voted for, per cycle, with their result once published. */
@Component
class MyVotes implements MyParticipation {

    private final JdbcClient jdbc;

    MyVotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Section sectionFor(String documentNumber, String email) {
        List<Item> items = jdbc.sql("""
                SELECT v.cycle_year, p.cui, p.name, p.prioritized, p.execution_status FROM vote v
                JOIN project p ON p.id = v.project_id WHERE v.document_number = ?
                ORDER BY v.cycle_year DESC, p.name""").param(documentNumber)
                .query((rs, i) -> {
                    Object prioritized = rs.getObject(4);
                    String status = prioritized == null ? "account.vote.pending"
                            : Boolean.TRUE.equals(prioritized) ? "account.vote.prioritised" : "account.vote.notPrioritised";
                    return new Item(rs.getInt(1) + " · " + rs.getString(3),
                            "/proyectos/" + rs.getInt(1) + "/" + rs.getString(2), status);
                }).list();
        return new Section(20, "account.votes", items, "account.votes.none");
    }
}
