package pe.gob.regioncajamarca.participa.complaints;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.accreditation.MyParticipation;

/**
 * "Mis consultas y reclamos" on Mi cuenta: queries, complaints and information requests made with the account's
 * document or e-mail. Reports of wrongdoing are never listed (they are followed by their tracking code only).
 */
@Component
class MyRequests implements MyParticipation {

    private static final Map<String, String> STATUS = Map.of("RECIBIDA", "Recibida", "DERIVADA", "En atención",
            "RESPONDIDA", "Respondida", "ATENDIDA", "Atendida");

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
                        STATUS.getOrDefault(rs.getString(3), rs.getString(3)))).list();
        return new Section(40, "Mis consultas y reclamos", items, "No tiene consultas ni reclamos.");
    }
}
