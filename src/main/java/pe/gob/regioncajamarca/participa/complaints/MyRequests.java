package pe.gob.regioncajamarca.participa.complaints;

import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.accreditation.MyParticipation;

/**
 * "Mis consultas y reclamos" on Mi cuenta: queries, complaints and information requests made with the account's
 * document or e-mail. Reports of wrongdoing are never listed (they are followed by their tracking code only).
 */
@Component
class MyRequests implements MyParticipation {

    private static final Set<String> STATUS = Set.of("RECIBIDA", "DERIVADA", "RESPONDIDA", "ATENDIDA");

    private final JdbcClient jdbc;

    MyRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Section sectionFor(String documentNumber, String email) {
        List<Item> items = jdbc.sql("""
                SELECT tracking_code, subject, status FROM complaint
                WHERE kind <> 'DENUNCIA' AND (document_number = ? OR LOWER(email) = LOWER(?)) ORDER BY id DESC""")
                .params(documentNumber, email == null ? "" : email)
                .query((rs, i) -> new Item(rs.getString(1) + " · " + rs.getString(2), "/reclamos/" + rs.getString(1),
                        "account.request." + (STATUS.contains(rs.getString(3)) ? rs.getString(3) : "other"))).list();
        return new Section(40, "account.requests", items, "account.requests.none");
    }
}
