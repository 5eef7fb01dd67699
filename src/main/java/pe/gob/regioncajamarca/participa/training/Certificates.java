package pe.gob.regioncajamarca.participa.training;

import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.gob.regioncajamarca.participa.documents.PdfDocuments;
import pe.gob.regioncajamarca.participa.notification.Notifications;

/**
 * The close of an edition: a certificate (with a public verification code) for each person who meets the
 * edition's {@link CompletionRule}, mailed with the link to its PDF; completing the oversight course makes the person
 * a citizen monitor. Issuing twice issues nothing new (one certificate per enrolment, one monitor row per person).
 */
@Service
class Certificates {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final JdbcClient jdbc;
    private final TrainingEditions editions;
    private final Notifications notifications;
    private final PdfDocuments pdf;
    private final String publicUrl;
    private final SecureRandom random = new SecureRandom();

    private final CitizenAccounts citizens;

    public Certificates(JdbcClient jdbc, TrainingEditions editions, Notifications notifications, PdfDocuments pdf,
                        @Value("${participa.public-url}") String publicUrl, CitizenAccounts citizens) {
        this.citizens = citizens;
        this.jdbc = jdbc;
        this.editions = editions;
        this.notifications = notifications;
        this.pdf = pdf;
        this.publicUrl = publicUrl;
    }

    /** What anyone with the code may read: name, edition and date only. */
    public record Verified(String code, String fullName, String editionCode, String editionTitle, Instant issuedAt) {
    }

    /** One enrolled person's result at the close (internal: feeds the issuing). */
    record Outcome(long enrolmentId, long citizenId, int attended, BigDecimal score, boolean met) {
    }

    /** Everyone holding a seat, with the sessions attended and whether they meet the rule. */
    List<Outcome> outcomes(long editionId) {
        TrainingEditions.Edition e = editions.find(editionId).orElseThrow();
        int sessions = editions.sessions(editionId).size();
        return jdbc.sql("""
                SELECT e.id, e.citizen_id, e.score,
                    (SELECT COUNT(*) FROM training_attendance a WHERE a.enrolment_id = e.id AND a.present = TRUE)
                FROM training_enrolment e WHERE e.edition_id = ? AND e.status = 'INSCRITO' ORDER BY e.position""")
                .param(editionId)
                .query((rs, i) -> new Outcome(rs.getLong(1), rs.getLong(2), rs.getInt(4), rs.getBigDecimal(3),
                        e.rule().met(sessions, rs.getInt(4), rs.getBigDecimal(3))))
                .list();
    }

    /** Issues the certificates of the edition, records the citizen monitors, mails each person; returns how many. */
    @Transactional
    public int issue(long editionId) {
        TrainingEditions.Edition edition = editions.find(editionId).orElseThrow();
        requireCourseOver(edition);
        int sessions = editions.sessions(editionId).size();
        Timestamp now = Timestamp.from(Enrolments.now());
        int issued = 0;
        for (Outcome o : outcomes(editionId)) {
            if (!o.met()) {
                continue;
            }
            Optional<Long> existing = jdbc.sql("SELECT id FROM training_certificate WHERE enrolment_id = ?")
                    .param(o.enrolmentId()).query(Long.class).optional();
            long certificateId;
            String code;
            if (existing.isPresent()) {
                certificateId = existing.get();
                code = jdbc.sql("SELECT verification_code FROM training_certificate WHERE id = ?").param(certificateId)
                        .query(String.class).single();
            } else {
                code = newCode();
                jdbc.sql("""
                        INSERT INTO training_certificate (enrolment_id, verification_code, attendance_pct, issued_at)
                        VALUES (?, ?, ?, ?)""")
                        .params(o.enrolmentId(), code, CompletionRule.percent(sessions, o.attended()), now).update();
                certificateId = jdbc.sql("SELECT id FROM training_certificate WHERE verification_code = ?").param(code)
                        .query(Long.class).single();
                issued++;
            }
            if (edition.oversightCourse() && jdbc.sql("SELECT COUNT(*) FROM citizen_monitor WHERE citizen_id = ?")
                    .param(o.citizenId()).query(Integer.class).single() == 0) {
                jdbc.sql("INSERT INTO citizen_monitor (citizen_id, certificate_id, since) VALUES (?, ?, ?)")
                        .params(o.citizenId(), certificateId, now).update();
            }
            String email = citizens.find(o.citizenId()).orElseThrow().email();
            notifications.send("capacitacion-certificado:" + code, email,
                    "Su certificado de «" + edition.title() + "»", "capacitacion-certificado",
                    Map.of("title", edition.title(), "code", code, "monitor", edition.oversightCourse(),
                            "verifyUrl", publicUrl + "/capacitacion/certificados/" + code));
        }
        jdbc.sql("UPDATE training_edition SET status = 'CONCLUIDO', concluded_at = ? WHERE id = ?")
                .params(now, editionId).update();
        return issued;
    }

    /**
     * Certificates (and with them citizen-monitor status) only once the course is over: the last session has begun,
     * every session's attendance is recorded and, where the edition has an evaluation, its marks are recorded.
     * The process reaches the issuing only so; this refuses any other way (a job retried by hand, an old instance).
     */
    void requireCourseOver(TrainingEditions.Edition edition) {
        List<TrainingEditions.SessionRow> sessions = editions.sessions(edition.id());
        List<String> problems = new java.util.ArrayList<>();
        if (sessions.isEmpty()) {
            problems.add("la edición no tiene sesiones");
        } else {
            TrainingEditions.SessionRow last = sessions.get(sessions.size() - 1);
            if (TrainingEditions.nowInLima().isBefore(last.startsAt())) {
                problems.add("la última sesión es el " + SessionLines.SHOWN.format(last.startsAt()));
            }
            List<String> missing = sessions.stream().filter(r -> r.attendanceTakenAt() == null)
                    .map(r -> String.valueOf(r.seq())).toList();
            if (!missing.isEmpty()) {
                problems.add("falta la asistencia de " + (missing.size() == 1 ? "la sesión " : "las sesiones ")
                        + String.join(", ", missing));
            }
        }
        if (edition.rule().evaluationRequired() && edition.evaluationRecordedAt() == null) {
            problems.add("faltan los resultados de la evaluación");
        }
        if (!problems.isEmpty()) {
            throw new TrainingInvalid("Los certificados de " + edition.code() + " se emiten al terminar el curso: "
                    + String.join("; ", problems) + ". No se emitió ninguno.");
        }
    }

    public Optional<Verified> verify(String code) {
        if (code == null || !code.strip().toUpperCase(Locale.ROOT).matches("CERT-[A-Z0-9]{4}-[A-Z0-9]{4}")) {
            return Optional.empty();
        }
        record Issued(String code, long citizenId, String editionCode, String title, java.time.Instant issuedAt) {
        }
        return jdbc.sql("""
                SELECT t.verification_code, e.citizen_id, d.code, d.title, t.issued_at
                FROM training_certificate t JOIN training_enrolment e ON e.id = t.enrolment_id
                JOIN training_edition d ON d.id = e.edition_id
                WHERE t.verification_code = ?""").param(code.strip().toUpperCase(Locale.ROOT))
                .query((rs, i) -> new Issued(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .optional()
                .flatMap(t -> citizens.find(t.citizenId()).map(c -> new Verified(t.code(), TrainingEditions.fullName(
                        c.givenNames(), c.firstSurname(), c.secondSurname()), t.editionCode(), t.title(),
                        t.issuedAt())));
    }

    /** The certificate as a PDF (name, edition, modules, date and verification code). */
    public Optional<byte[]> pdf(String code) {
        return verify(code).map(v -> {
            TrainingEditions.Edition e = editions.findByCode(v.editionCode()).orElseThrow();
            return pdf.render("certificado-capacitacion", "Certificado " + v.code(), Map.of("c", v, "edition", e,
                    "sessions", editions.sessions(e.id()).size(),
                    "verifyUrl", publicUrl + "/capacitacion/certificados/" + v.code()));
        });
    }

    private String newCode() {
        for (int attempt = 0; attempt < 10; attempt++) {
            StringBuilder b = new StringBuilder("CERT-");
            for (int i = 0; i < 8; i++) {
                if (i == 4) {
                    b.append('-');
                }
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String code = b.toString();
            if (jdbc.sql("SELECT COUNT(*) FROM training_certificate WHERE verification_code = ?").param(code)
                    .query(Integer.class).single() == 0) {
                return code;
            }
        }
        throw new IllegalStateException("No se pudo generar un código de verificación");
    }
}
