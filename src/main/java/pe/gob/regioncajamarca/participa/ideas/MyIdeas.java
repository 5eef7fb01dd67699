package pe.gob.regioncajamarca.participa.ideas;

import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.accreditation.MyParticipation;

/** "Mis ideas" on Mi cuenta: the ideas submitted with the account's e-mail, with their state. */
@Component
class MyIdeas implements MyParticipation {

    private static final Set<String> STATUS = Set.of("RECIBIDA", "VIABLE", "NO_VIABLE", "FUSIONADA");

    private final JdbcClient jdbc;

    MyIdeas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Section sectionFor(String documentNumber, String email) {
        List<Item> items = email == null || email.isBlank() ? List.of() : jdbc.sql("""
                SELECT tracking_code, title, status FROM project_idea WHERE LOWER(contact_email) = LOWER(?)
                ORDER BY id DESC""").param(email)
                .query((rs, i) -> new Item(rs.getString(2), "/ideas/" + rs.getString(1),
                        "account.idea." + (STATUS.contains(rs.getString(3)) ? rs.getString(3) : "other"))).list();
        return new Section(30, "account.ideas", items, "account.ideas.none");
    }
}
