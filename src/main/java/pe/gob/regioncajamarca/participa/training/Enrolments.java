package pe.gob.regioncajamarca.participa.training;

import pe.gob.regioncajamarca.participa.calendar.Now;
import pe.gob.regioncajamarca.participa.accreditation.AccreditationService;
import pe.gob.regioncajamarca.participa.projects.Territory;
import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.notification.Notifications;

/**
 * Citizens enrol in an edition on the portal while its enrolment is open: a seat while there is capacity, then the
 * waiting list (in order of arrival). Cancelling a seat moves the first person waiting up, who is told by e-mail.
 * The edition's row is locked while seats are counted, so that two people never take the last seat. The demographic
 * data the indicators need come from the citizen's agent registration when there is one, else from the form.
 */
@Service
class Enrolments {

    public static final Map<String, String> SEXES = ordered("F", "Mujer", "M", "Hombre", "X", "Prefiere no decirlo");
    public static final Map<String, String> AGE_GROUPS = ordered("0-17", "Menos de 18 años", "18-29", "De 18 a 29 años",
            "30-44", "De 30 a 44 años", "45-59", "De 45 a 59 años", "60+", "60 años o más");
    public static final Map<String, String> ORGANIZATION_TYPES = ordered(
            "NINGUNA", "Ninguna (a título personal)",
            "ORGANIZACION_SOCIAL", "Organización social de base (vaso de leche, comedor, club de madres)",
            "COMUNIDAD_RONDA", "Comunidad campesina o ronda campesina",
            "JUNTA_VECINAL", "Junta vecinal o comité de vigilancia",
            "PRODUCTORES", "Asociación de productores o junta de usuarios",
            "GREMIO", "Gremio, sindicato o colegio profesional",
            "ONG", "ONG o fundación",
            "EDUCATIVA", "Institución educativa o universidad",
            "JUVENIL", "Organización juvenil o de mujeres",
            "OTRA", "Otra");

    private final JdbcClient jdbc;
    private final DueDates plazos;
    private final Notifications notifications;
    private final TrainingEditions editions;

    private final CitizenAccounts citizens;

    private final Territory territory;

    private final AccreditationService accreditation;

    public Enrolments(JdbcClient jdbc, DueDates plazos, Notifications notifications, TrainingEditions editions, CitizenAccounts citizens, Territory territory, AccreditationService accreditation) {
        this.accreditation = accreditation;
        this.territory = territory;
        this.citizens = citizens;
        this.editions = editions;
        this.jdbc = jdbc;
        this.plazos = plazos;
        this.notifications = notifications;
    }

    /** What the enrolment form asks (sex, age group and province only when there is no agent registration). */
    public record Demographics(String sex, String ageGroup, String provinceCode, String organizationType) {
    }

    /** A citizen's enrolment as they see it. */
    public record Enrolment(long id, long editionId, String editionCode, String editionTitle, String editionStatus,
                            String status, int waitingRank, Instant enrolledAt, String certificateCode) {
        public String statusLabel() {
            return switch (status) {
                case "INSCRITO" -> "Inscrito";
                case "EN_ESPERA" -> "En lista de espera (puesto " + waitingRank + ")";
                default -> "Inscripción cancelada";
            };
        }
    }

    public record Seats(int capacity, int taken, int waiting) {
        public int free() {
            return Math.max(0, capacity - taken);
        }
    }

    /** The data of the citizen's latest agent registration, if any (sex, age group today, province). */
    public Optional<Demographics> fromRegistration(long citizenId) {
        return accreditation.latestProfile(citizenId).map(p -> new Demographics(sexCode(p.sex()),
                ageGroup(p.birthDate(), plazos.today()), p.provinceCode().strip(), null));
    }

    /** Enrols the citizen: a seat, or the waiting list when full. A second click returns the same enrolment. */
    @Transactional
    public Enrolment enrol(long editionId, String documentNumber, Demographics form) {
        long citizen = citizenId(documentNumber);
        TrainingEditions.Edition edition = lockedEdition(editionId);
        if (!edition.enrolmentOpen(plazos.today())) {
            throw new TrainingInvalid("Las inscripciones de esta edición no están abiertas.");
        }
        Optional<Enrolment> existing = of(editionId, citizen);
        if (existing.isPresent() && !"CANCELADO".equals(existing.get().status())) {
            return existing.get();
        }
        Demographics d = merge(fromRegistration(citizen), form);
        Seats seats = seats(editionId);
        String status = seats.taken() < edition.capacity() ? "INSCRITO" : "EN_ESPERA";
        int position = jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM training_enrolment WHERE edition_id = ?")
                .param(editionId).query(Integer.class).single();
        Timestamp now = Timestamp.from(now());
        if (existing.isPresent()) {
            jdbc.sql("""
                    UPDATE training_enrolment SET status = ?, position = ?, enrolled_at = ?, cancelled_at = NULL,
                        sex = ?, age_group = ?, province_code = ?, organization_type = ? WHERE id = ?""")
                    .params(status, position, now, d.sex(), d.ageGroup(), d.provinceCode(), d.organizationType(),
                            existing.get().id()).update();
        } else {
            jdbc.sql("""
                    INSERT INTO training_enrolment (edition_id, citizen_id, status, position, enrolled_at, sex, age_group,
                        province_code, organization_type)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(editionId, citizen, status, position, now, d.sex(), d.ageGroup(), d.provinceCode(),
                            d.organizationType()).update();
        }
        Enrolment e = of(editionId, citizen).orElseThrow();
        notifications.send("capacitacion-inscripcion:" + e.id() + ":" + position, emailOf(citizen),
                ("INSCRITO".equals(status) ? "Inscripción confirmada: " : "Lista de espera: ") + edition.title(),
                "capacitacion-inscripcion", Map.of("title", edition.title(), "code", edition.code(),
                        "editionId", editionId, "waiting", "EN_ESPERA".equals(status), "rank", e.waitingRank()));
        return e;
    }

    /** Cancels the citizen's enrolment; a freed seat goes to the first person waiting, who is mailed. */
    @Transactional
    public void cancel(long editionId, String documentNumber) {
        long citizen = citizenId(documentNumber);
        TrainingEditions.Edition edition = lockedEdition(editionId);
        Enrolment e = of(editionId, citizen).filter(x -> !"CANCELADO".equals(x.status()))
                .orElseThrow(() -> new TrainingInvalid("No tiene una inscripción vigente en esta edición."));
        if (!"INSCRIPCION".equals(edition.status())) {
            throw new TrainingInvalid("Las inscripciones ya cerraron: si no podrá asistir, avise a la Sub Gerencia de "
                    + "Planeamiento.");
        }
        jdbc.sql("UPDATE training_enrolment SET status = 'CANCELADO', cancelled_at = ? WHERE id = ?")
                .params(Timestamp.from(now()), e.id()).update();
        if ("INSCRITO".equals(e.status())) {
            jdbc.sql("""
                    SELECT id, citizen_id FROM training_enrolment WHERE edition_id = ? AND status = 'EN_ESPERA'
                    ORDER BY position""").param(editionId)
                    .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).list().stream().findFirst()
                    .ifPresent(next -> {
                        jdbc.sql("UPDATE training_enrolment SET status = 'INSCRITO' WHERE id = ?").param(next[0]).update();
                        notifications.send("capacitacion-cupo:" + next[0] + ":" + e.id(), emailOf(next[1]),
                                "Tiene un cupo en «" + edition.title() + "»", "capacitacion-cupo",
                                Map.of("title", edition.title(), "code", edition.code(), "editionId", editionId));
                    });
        }
    }

    /** At the close of enrolment, the people still waiting are told that no seat was freed for them. */
    @Transactional
    public int tellWaitingListAtClose(long editionId) {
        TrainingEditions.Edition edition = editions.find(editionId).orElseThrow();
        List<long[]> waiting = jdbc.sql("SELECT id, citizen_id FROM training_enrolment WHERE edition_id = ? "
                        + "AND status = 'EN_ESPERA' ORDER BY position").param(editionId)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        for (long[] w : waiting) {
            notifications.send("capacitacion-sin-cupo:" + w[0], emailOf(w[1]), "Sin cupo en «" + edition.title() + "»",
                    "capacitacion-sin-cupo", Map.of("title", edition.title(), "code", edition.code()));
        }
        return waiting.size();
    }

    public Seats seats(long editionId) {
        int capacity = jdbc.sql("SELECT capacity FROM training_edition WHERE id = ?").param(editionId)
                .query(Integer.class).single();
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT status, COUNT(*) FROM training_enrolment WHERE edition_id = ? GROUP BY status")
                .param(editionId).query((rs, i) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        return new Seats(capacity, counts.getOrDefault("INSCRITO", 0), counts.getOrDefault("EN_ESPERA", 0));
    }

    public Optional<Enrolment> of(long editionId, long citizenId) {
        return query("e.edition_id = ? AND e.citizen_id = ?", editionId, citizenId).stream().findFirst();
    }

    public Optional<Enrolment> of(long editionId, String documentNumber) {
        return citizen(documentNumber).flatMap(c -> of(editionId, c));
    }

    /** Every enrolment of the citizen ("Mis cursos"), newest first. */
    public List<Enrolment> mine(String documentNumber) {
        return citizen(documentNumber).map(c -> query("e.citizen_id = ?", c)).orElse(List.of());
    }

    public Optional<Long> citizen(String documentNumber) {
        return documentNumber == null ? Optional.empty()
                : citizens.idOf(documentNumber);
    }

    public Map<String, String> provinces() {
        return territory.provinceNames();
    }

    private List<Enrolment> query(String where, Object... params) {
        return jdbc.sql("""
                SELECT e.id, e.edition_id, d.code, d.title, d.status AS edition_status, e.status, e.enrolled_at,
                    (SELECT COUNT(*) FROM training_enrolment w WHERE w.edition_id = e.edition_id
                        AND w.status = 'EN_ESPERA' AND w.position <= e.position) AS waiting_rank,
                    (SELECT c.verification_code FROM training_certificate c WHERE c.enrolment_id = e.id) AS certificate
                FROM training_enrolment e JOIN training_edition d ON d.id = e.edition_id
                WHERE\s""" + where + " ORDER BY e.edition_id DESC").params(params)
                .query((rs, i) -> new Enrolment(rs.getLong("id"), rs.getLong("edition_id"), rs.getString("code"),
                        rs.getString("title"), rs.getString("edition_status"), rs.getString("status"),
                        rs.getInt("waiting_rank"), rs.getTimestamp("enrolled_at").toInstant(),
                        rs.getString("certificate")))
                .list();
    }

    private Demographics merge(Optional<Demographics> registered, Demographics form) {
        List<String> errors = new ArrayList<>();
        Demographics f = form == null ? new Demographics(null, null, null, null) : form;
        String sex = registered.map(Demographics::sex).orElse(f.sex());
        String age = registered.map(Demographics::ageGroup).orElse(f.ageGroup());
        String province = registered.map(Demographics::provinceCode).orElse(f.provinceCode());
        if (sex == null || !SEXES.containsKey(sex)) {
            errors.add("Indique su sexo (o «Prefiere no decirlo»).");
        }
        if (age == null || !AGE_GROUPS.containsKey(age)) {
            errors.add("Elija su grupo de edad.");
        }
        if (province == null || !provinces().containsKey(province)) {
            errors.add("Elija la provincia donde vive.");
        }
        if (f.organizationType() == null || !ORGANIZATION_TYPES.containsKey(f.organizationType())) {
            errors.add("Elija el tipo de organización que representa (o «Ninguna»).");
        }
        if (!errors.isEmpty()) {
            throw new TrainingInvalid(errors);
        }
        return new Demographics(sex, age, province, f.organizationType());
    }

    private TrainingEditions.Edition lockedEdition(long editionId) {
        jdbc.sql("SELECT id FROM training_edition WHERE id = ? FOR UPDATE").param(editionId).query(Long.class)
                .optional().orElseThrow(() -> new TrainingInvalid("No existe la edición " + editionId + "."));
        return editions.find(editionId).orElseThrow();
    }

    /** The engine clock (tests move it). */
    static Instant now() {
        return Now.instant();
    }

    private long citizenId(String documentNumber) {
        return citizen(documentNumber).orElseThrow(() -> new TrainingInvalid(
                "Inicie sesión con su cuenta del portal para inscribirse."));
    }

    private String emailOf(long citizenId) {
        return citizens.find(citizenId).orElseThrow().email();
    }

    /** The agent registration stores F or M (or words): F, M or X here. */
    static String sexCode(String s) {
        if (s == null) {
            return "X";
        }
        String u = s.strip().toUpperCase(java.util.Locale.ROOT);
        return u.startsWith("F") || u.startsWith("MUJ") ? "F" : u.startsWith("M") || u.startsWith("H") ? "M" : "X";
    }

    /** The age group of a person born on {@code birth} on {@code day}. */
    public static String ageGroup(LocalDate birth, LocalDate day) {
        int age = Period.between(birth, day).getYears();
        return age < 18 ? "0-17" : age < 30 ? "18-29" : age < 45 ? "30-44" : age < 60 ? "45-59" : "60+";
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
