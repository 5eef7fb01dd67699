package pe.gob.regioncajamarca.participa.identity;

import pe.gob.regioncajamarca.participa.calendar.Now;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Portal accounts of citizens (separate from the staff identity of Camunda). Passwords are stored hashed. */
@Service
public class CitizenAccounts {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    public CitizenAccounts(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    /** Creates the account, or returns the id of the existing account of the same document number. */
    @Transactional
    public long create(String documentType, String documentNumber, String rawPassword, String email,
                       String givenNames, String firstSurname, String secondSurname) {
        Optional<Long> existing = idOf(documentNumber);
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql("""
                INSERT INTO citizen_account (document_type, document_number, password_hash, email, given_names,
                    first_surname, second_surname, enabled, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, ?)""")
                .params(documentType, documentNumber, encoder.encode(rawPassword), email, givenNames, firstSurname,
                        secondSurname, Now.timestamp())
                .update();
        return idOf(documentNumber).orElseThrow();
    }

    /** True when the account of the document exists and the password is its password. */
    public boolean passwordMatches(String documentNumber, String rawPassword) {
        return rawPassword != null && jdbc.sql("SELECT password_hash FROM citizen_account WHERE document_number = ?")
                .param(documentNumber).query(String.class).optional()
                .map(hash -> encoder.matches(rawPassword, hash)).orElse(false);
    }

    public Optional<Long> idOf(String documentNumber) {
        return jdbc.sql("SELECT id FROM citizen_account WHERE document_number = ?").param(documentNumber)
                .query(Long.class).optional();
    }

    /** Replaces the password of an account (stored as a bcrypt hash). */
    public void changePassword(long citizenId, String rawPassword) {
        jdbc.sql("UPDATE citizen_account SET password_hash = ? WHERE id = ?")
                .params(encoder.encode(rawPassword), citizenId).update();
    }

    /**
     * Records that the account's credentials changed now (a password reset): every portal session of the account that
     * logged in before this instant is ended at its next request ({@link CredentialsChangedFilter}).
     */
    public void credentialsChanged(long citizenId, java.time.Instant at) {
        jdbc.sql("UPDATE citizen_account SET credentials_changed_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(at), citizenId).update();
    }

    /** When the credentials of the account of a document last changed, if they ever did. */
    public Optional<java.time.Instant> credentialsChangedAt(String documentNumber) {
        return jdbc.sql("SELECT credentials_changed_at FROM citizen_account WHERE document_number = ?")
                .param(documentNumber).query((rs, i) -> rs.getTimestamp(1)).optional()
                .filter(t -> t != null).map(java.sql.Timestamp::toInstant);
    }

    /** The e-mail of the account of a document, if it has one. */
    public Optional<String> emailOf(String documentNumber) {
        return jdbc.sql("SELECT email FROM citizen_account WHERE document_number = ?").param(documentNumber)
                .query(String.class).optional().filter(e -> e != null && !e.isBlank());
    }

    /** The holder of an account as the mails about it address them: id, e-mail on file and given names. */
    public record Holder(long id, String email, String givenNames) {
    }

    public Optional<Holder> holder(String documentNumber) {
        return jdbc.sql("SELECT id, email, given_names FROM citizen_account WHERE document_number = ?")
                .param(documentNumber)
                .query((rs, i) -> new Holder(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** The citizen's name as staff may read it ("Rosa Huamán Cotrina"); never the document number. */
    public Optional<String> fullName(String documentNumber) {
        return jdbc.sql("""
                SELECT given_names, first_surname, second_surname FROM citizen_account WHERE document_number = ?""")
                .param(documentNumber)
                .query((rs, i) -> String.join(" ", java.util.stream.Stream.of(rs.getString(1), rs.getString(2),
                        rs.getString(3)).filter(x -> x != null && !x.isBlank()).toList()))
                .optional();
    }

    /** A portal account as other modules read it: never the password. */
    public record Citizen(long id, String documentType, String documentNumber, String email, String givenNames,
                          String firstSurname, String secondSurname) {

        /** "Rosa Huamán Cotrina" (no second surname when there is none). */
        public String fullName() {
            return (givenNames + " " + surnames()).trim();
        }

        public String surnames() {
            return firstSurname + (secondSurname == null ? "" : " " + secondSurname);
        }
    }

    private static final String CITIZEN_SQL = "SELECT id, document_type, document_number, email, given_names, "
            + "first_surname, second_surname FROM citizen_account ";

    private static Citizen mapCitizen(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Citizen(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7));
    }

    public Optional<Citizen> find(long id) {
        return jdbc.sql(CITIZEN_SQL + "WHERE id = ?").param(id).query(CitizenAccounts::mapCitizen).optional();
    }

    /** The accounts with these ids, by id (one query; ids that do not exist are left out). */
    public java.util.Map<Long, Citizen> byIds(java.util.Collection<Long> ids) {
        java.util.Map<Long, Citizen> byId = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        for (List<Long> chunk : chunks(List.copyOf(new java.util.LinkedHashSet<>(ids)))) {
            jdbc.sql(CITIZEN_SQL + "WHERE id IN (:ids)").param("ids", chunk)
                    .query(CitizenAccounts::mapCitizen).list().forEach(c -> byId.put(c.id(), c));
        }
        return byId;
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += 1000) {
            out.add(all.subList(i, Math.min(all.size(), i + 1000)));
        }
        return out;
    }
}
