package pe.gob.regioncajamarca.participa.training;

import pe.gob.regioncajamarca.participa.calendar.Now;
import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.gob.regioncajamarca.participa.calendar.DueDates;

/**
 * The editions of the training programme (one {@code training-programme} instance each): design, approval or
 * sending back, adjustment, publication with its materials, the close of enrolment, attendance per session and the
 * evaluation marks. Enrolment is {@link Enrolments}; certificates are {@link Certificates}.
 */
@Service
public class TrainingEditions {

    public static final String PROCESS_KEY = "training-programme";
    public static final Map<String, String> MODALITIES = Map.of("PRESENCIAL", "Presencial", "VIRTUAL", "Virtual",
            "MIXTA", "Mixta");
    public static final Map<String, String> STATUSES = Map.of("DISENO", "En aprobación", "OBSERVADO",
            "Observada, en ajuste", "APROBADO", "Aprobada", "INSCRIPCION", "Inscripciones abiertas", "EN_CURSO",
            "En curso", "CONCLUIDO", "Concluida");
    /** The statuses an edition is shown on the portal in. */
    static final Set<String> PUBLIC = Set.of("INSCRIPCION", "EN_CURSO", "CONCLUIDO");

    private final JdbcClient jdbc;
    private final DueDates plazos;

    private final CitizenAccounts citizens;

    public TrainingEditions(JdbcClient jdbc, DueDates plazos, CitizenAccounts citizens) {
        this.citizens = citizens;
        this.jdbc = jdbc;
        this.plazos = plazos;
    }

    /** What the planning office designs in the start form (and partly adjusts when sent back). */
    public record Design(String title, String modules, String audience, String modality, String sessionLines,
                         int capacity, LocalDate enrolmentDeadline, CompletionRule rule, boolean oversightCourse,
                         boolean nonWorkingDaysConfirmed) {
    }

    /** The label of the check box that confirms sessions on non-working days (start and adjustment forms). */
    public static final String CONFIRM_NON_WORKING = "Confirmo las sesiones en días no laborables";

    public record Edition(long id, String code, String title, String modules, String audience, String modality,
                          boolean oversightCourse, CompletionRule rule, int capacity, LocalDate enrolmentDeadline,
                          String status, String observations, String publicationLink, String processInstanceId,
                          Instant concludedAt, String nonWorkingConfirmedBy, Instant nonWorkingConfirmedAt,
                          Instant evaluationRecordedAt) {
        public String statusLabel() {
            return STATUSES.getOrDefault(status, status);
        }

        public String modalityLabel() {
            return MODALITIES.getOrDefault(modality, modality);
        }

        /** Enrolment is open on the portal: published and the deadline (inclusive) not passed. */
        public boolean enrolmentOpen(LocalDate today) {
            return "INSCRIPCION".equals(status) && !today.isAfter(enrolmentDeadline);
        }

        public boolean isPublic() {
            return PUBLIC.contains(status);
        }
    }

    public record SessionRow(long id, int seq, LocalDateTime startsAt, String place, String onlineLink,
                             String facilitator, Instant attendanceTakenAt) {
        public String where() {
            return onlineLink != null ? onlineLink : place;
        }

        public boolean online() {
            return onlineLink != null;
        }

        public String shown() {
            return SessionLines.SHOWN.format(startsAt) + " · " + where() + " · " + facilitator;
        }
    }

    public record Material(String title, String url) {
    }

    /** An enrolled person as staff see them in the Tasklist forms: the number is the enrolment's id. */
    public record Participant(long number, String fullName) {
    }

    /** Validates the design, stores the edition and its sessions (status DISENO); the code is CAP-year-id. */
    @Transactional
    public Edition design(Design d, String processInstanceId, String createdBy) {
        List<SessionLines.Session> sessions = validate(d);
        boolean flagged = !SessionLines.onNonWorkingDays(sessions, plazos.calendar()).isEmpty();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO training_edition (code, title, modules, audience, modality, oversight_course,
                    min_attendance_pct, evaluation_required, pass_mark, capacity, enrolment_deadline, status,
                    process_instance_id, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DISENO', ?, ?, ?)""")
                .params("CAP-TMP-" + processInstanceId, d.title().strip(), d.modules().strip(), d.audience().strip(),
                        d.modality(), d.oversightCourse(), d.rule().minAttendancePct(), d.rule().evaluationRequired(),
                        d.rule().evaluationRequired() ? d.rule().passMark() : null, d.capacity(), d.enrolmentDeadline(),
                        processInstanceId, createdBy, Now.timestamp())
                .update(key, "id");
        long id = key.getKey().longValue();
        String code = String.format("CAP-%d-%04d", plazos.today().getYear(), id);
        jdbc.sql("UPDATE training_edition SET code = ? WHERE id = ?").params(code, id).update();
        storeSessions(id, sessions);
        confirmNonWorking(id, flagged, createdBy);
        return find(id).orElseThrow();
    }

    /** Who confirmed the sessions on non-working days (null when none is on such a day). */
    private void confirmNonWorking(long id, boolean flagged, String by) {
        jdbc.sql("UPDATE training_edition SET non_working_confirmed_by = ?, non_working_confirmed_at = ? WHERE id = ?")
                .params(flagged ? (by == null ? "planning" : by) : null,
                        flagged ? Timestamp.from(Enrolments.now()) : null, id).update();
    }

    /**
     * The sessions of the edition on non-working days, one Spanish line each (empty when none): shown to regional
     * management in the approval form and on the staff page, with who confirmed them.
     */
    public List<String> sessionsOnNonWorkingDays(long editionId) {
        return SessionLines.onNonWorkingDays(sessions(editionId).stream().map(r -> new SessionLines.Session(
                r.startsAt(), r.place(), r.onlineLink(), r.facilitator())).toList(), plazos.calendar());
    }

    /** Regional management's decision: approved, or sent back with observations (required). */
    @Transactional
    public void decide(long id, String decision, String observations) {
        if (!"aprobar".equals(decision) && !"observar".equals(decision)) {
            throw new TrainingInvalid("Elija si aprueba u observa el programa.");
        }
        if ("observar".equals(decision) && (observations == null || observations.isBlank())) {
            throw new TrainingInvalid("Escriba las observaciones: Planeamiento ajustará el programa según ellas.");
        }
        jdbc.sql("UPDATE training_edition SET status = ?, observations = ? WHERE id = ?")
                .params("aprobar".equals(decision) ? "APROBADO" : "OBSERVADO",
                        observations == null || observations.isBlank() ? null : observations.strip(), id).update();
    }

    /** The planning office's adjustment after observations: modules, audience, sessions, capacity, deadline. */
    @Transactional
    public Edition adjust(long id, String modules, String audience, String sessionLines, int capacity,
                          LocalDate enrolmentDeadline, boolean nonWorkingDaysConfirmed, String adjustedBy) {
        Edition e = find(id).orElseThrow();
        List<SessionLines.Session> sessions = validate(new Design(e.title(), modules, audience, e.modality(),
                sessionLines, capacity, enrolmentDeadline, e.rule(), e.oversightCourse(), nonWorkingDaysConfirmed));
        jdbc.sql("""
                UPDATE training_edition SET modules = ?, audience = ?, capacity = ?, enrolment_deadline = ?,
                    status = 'DISENO' WHERE id = ?""")
                .params(modules.strip(), audience.strip(), capacity, enrolmentDeadline, id).update();
        jdbc.sql("DELETE FROM training_session WHERE edition_id = ?").param(id).update();
        storeSessions(id, sessions);
        confirmNonWorking(id, !SessionLines.onNonWorkingDays(sessions, plazos.calendar()).isEmpty(), adjustedBy);
        return find(id).orElseThrow();
    }

    /** Communications published the call: materials stored, enrolment opens on the portal. */
    @Transactional
    public void publish(long id, String materialLines, String publicationLink) {
        List<TaskLines.Material> materials = TaskLines.materials(materialLines);
        String link = publicationLink == null || publicationLink.isBlank() ? null : publicationLink.strip();
        if (link != null && !link.matches("(?i)^https?://[^\\s\"'<>]+$")) {
            throw new TrainingInvalid("El enlace de la publicación no es válido; escríbalo completo, con https://.");
        }
        jdbc.sql("DELETE FROM training_material WHERE edition_id = ?").param(id).update();
        int seq = 0;
        for (TaskLines.Material m : materials) {
            jdbc.sql("INSERT INTO training_material (edition_id, seq, title, url) VALUES (?, ?, ?, ?)")
                    .params(id, ++seq, m.title(), m.url()).update();
        }
        jdbc.sql("UPDATE training_edition SET status = 'INSCRIPCION', publication_link = ? WHERE id = ?")
                .params(link, id).update();
    }

    /** The enrolment deadline passed: the edition is under way; returns its sessions' ids (one attendance task each). */
    @Transactional
    public List<Long> closeEnrolment(long id) {
        jdbc.sql("UPDATE training_edition SET status = 'EN_CURSO' WHERE id = ?").param(id).update();
        return sessions(id).stream().map(SessionRow::id).toList();
    }

    /** The attendance of a session: every enrolled person is present except {@code absentText}'s numbers. */
    @Transactional
    public int recordAttendance(long sessionId, String absentText, String recordedBy) {
        long editionId = jdbc.sql("SELECT edition_id FROM training_session WHERE id = ?").param(sessionId)
                .query(Long.class).single();
        SessionRow session = session(sessionId).orElseThrow();
        if (nowInLima().isBefore(session.startsAt())) {
            throw new TrainingInvalid("La sesión " + session.seq() + " empieza el "
                    + SessionLines.SHOWN.format(session.startsAt()) + ": su asistencia se registra desde esa hora, "
                    + "no antes. No se guardó nada.");
        }
        List<Participant> people = participants(editionId);
        Set<Long> absent = TaskLines.absentNumbers(absentText,
                people.stream().map(Participant::number).collect(java.util.stream.Collectors.toSet()));
        jdbc.sql("DELETE FROM training_attendance WHERE session_id = ?").param(sessionId).update();
        for (Participant p : people) {
            jdbc.sql("INSERT INTO training_attendance (session_id, enrolment_id, present, recorded_by) VALUES (?, ?, ?, ?)")
                    .params(sessionId, p.number(), !absent.contains(p.number()), recordedBy).update();
        }
        jdbc.sql("UPDATE training_session SET attendance_taken_at = ? WHERE id = ?")
                .params(Now.timestamp(), sessionId).update();
        return people.size() - absent.size();
    }

    /** The evaluation marks ({@code número | nota} lines); people without a line keep no mark. */
    @Transactional
    public int recordMarks(long editionId, String markLines) {
        List<String> missing = sessions(editionId).stream().filter(r -> r.attendanceTakenAt() == null)
                .map(r -> String.valueOf(r.seq())).toList();
        if (!missing.isEmpty()) {
            throw new TrainingInvalid("La evaluación se registra después de la última sesión: falta la asistencia de "
                    + (missing.size() == 1 ? "la sesión " : "las sesiones ") + String.join(", ", missing)
                    + ". No se guardó nada.");
        }
        Map<Long, BigDecimal> marks = TaskLines.marks(markLines, participants(editionId).stream()
                .map(Participant::number).collect(java.util.stream.Collectors.toSet()));
        jdbc.sql("UPDATE training_enrolment SET score = NULL WHERE edition_id = ?").param(editionId).update();
        marks.forEach((enrolment, mark) -> jdbc.sql("UPDATE training_enrolment SET score = ? WHERE id = ?")
                .params(mark, enrolment).update());
        jdbc.sql("UPDATE training_edition SET evaluation_recorded_at = ? WHERE id = ?")
                .params(Timestamp.from(Enrolments.now()), editionId).update();
        return marks.size();
    }

    /** How many people were present at a session (0 until its attendance is recorded). */
    public int presentAt(long sessionId) {
        return jdbc.sql("SELECT COUNT(*) FROM training_attendance WHERE session_id = ? AND present = TRUE")
                .param(sessionId).query(Integer.class).single();
    }

    public Optional<Edition> find(long id) {
        return jdbc.sql("SELECT * FROM training_edition WHERE id = ?").param(id).query(TrainingEditions::edition)
                .optional();
    }

    public Optional<Edition> findByCode(String code) {
        return jdbc.sql("SELECT * FROM training_edition WHERE code = ?").param(code).query(TrainingEditions::edition)
                .optional();
    }

    /** The editions shown on the portal: open for enrolment first, then under way, then concluded; newest first. */
    public List<Edition> published() {
        return jdbc.sql("""
                SELECT * FROM training_edition WHERE status IN ('INSCRIPCION', 'EN_CURSO', 'CONCLUIDO')
                ORDER BY CASE status WHEN 'INSCRIPCION' THEN 0 WHEN 'EN_CURSO' THEN 1 ELSE 2 END, id DESC""")
                .query(TrainingEditions::edition).list();
    }

    public List<SessionRow> sessions(long editionId) {
        return jdbc.sql("SELECT * FROM training_session WHERE edition_id = ? ORDER BY seq").param(editionId)
                .query((rs, i) -> new SessionRow(rs.getLong("id"), rs.getInt("seq"),
                        rs.getTimestamp("starts_at").toLocalDateTime(), rs.getString("place"),
                        rs.getString("online_link"), rs.getString("facilitator"),
                        rs.getTimestamp("attendance_taken_at") == null ? null
                                : rs.getTimestamp("attendance_taken_at").toInstant()))
                .list();
    }

    public Optional<SessionRow> session(long sessionId) {
        long edition = jdbc.sql("SELECT edition_id FROM training_session WHERE id = ?").param(sessionId)
                .query(Long.class).single();
        return sessions(edition).stream().filter(s -> s.id() == sessionId).findFirst();
    }

    public List<Material> materials(long editionId) {
        return jdbc.sql("SELECT title, url FROM training_material WHERE edition_id = ? ORDER BY seq").param(editionId)
                .query((rs, i) -> new Material(rs.getString(1), rs.getString(2))).list();
    }

    /** The people holding a seat (INSCRITO), in order of enrolment: for staff forms only, never published. */
    public List<Participant> participants(long editionId) {
        record Seat(long id, long citizenId) {
        }
        List<Seat> seats = jdbc.sql("""
                SELECT e.id, e.citizen_id FROM training_enrolment e
                WHERE e.edition_id = ? AND e.status = 'INSCRITO' ORDER BY e.position""").param(editionId)
                .query((rs, i) -> new Seat(rs.getLong(1), rs.getLong(2))).list();
        Map<Long, CitizenAccounts.Citizen> people = citizens.byIds(seats.stream().map(Seat::citizenId).toList());
        return seats.stream().filter(s -> people.containsKey(s.citizenId()))
                .map(s -> {
                    CitizenAccounts.Citizen c = people.get(s.citizenId());
                    return new Participant(s.id(), fullName(c.givenNames(), c.firstSurname(), c.secondSurname()));
                }).toList();
    }

    /** One line of the staff roster: a person's enrolment, attendance per session, mark and certificate. */
    public record RosterLine(long number, String fullName, String status, Map<Long, Boolean> present,
                             BigDecimal score, String certificateCode) {
        public int attended() {
            return (int) present.values().stream().filter(Boolean::booleanValue).count();
        }
    }

    /** Every enrolment of the edition (seats first, then the waiting list, then cancelled): staff pages only. */
    public List<RosterLine> roster(long editionId) {
        Map<Long, Map<Long, Boolean>> attendance = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT a.enrolment_id, a.session_id, a.present FROM training_attendance a
                JOIN training_session s ON s.id = a.session_id WHERE s.edition_id = ?""").param(editionId)
                .query((rs, i) -> attendance.computeIfAbsent(rs.getLong(1), k -> new java.util.HashMap<>())
                        .put(rs.getLong(2), rs.getBoolean(3))).list();
        record Line(long id, long citizenId, String status, BigDecimal score, String certificate) {
        }
        List<Line> lines = jdbc.sql("""
                SELECT e.id, e.citizen_id, e.status, e.score,
                    (SELECT t.verification_code FROM training_certificate t WHERE t.enrolment_id = e.id)
                FROM training_enrolment e WHERE e.edition_id = ?
                ORDER BY CASE e.status WHEN 'INSCRITO' THEN 0 WHEN 'EN_ESPERA' THEN 1 ELSE 2 END, e.position""")
                .param(editionId)
                .query((rs, i) -> new Line(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getString(5)))
                .list();
        Map<Long, CitizenAccounts.Citizen> people = citizens.byIds(lines.stream().map(Line::citizenId).toList());
        return lines.stream().filter(l -> people.containsKey(l.citizenId()))
                .map(l -> {
                    CitizenAccounts.Citizen c = people.get(l.citizenId());
                    return new RosterLine(l.id(), fullName(c.givenNames(), c.firstSurname(), c.secondSurname()),
                            l.status(), attendance.getOrDefault(l.id(), Map.of()), l.score(), l.certificate());
                }).toList();
    }

    /** The participants as a Markdown list for a Tasklist form. */
    public String participantList(long editionId) {
        List<Participant> people = participants(editionId);
        if (people.isEmpty()) {
            return "(nadie inscrito)";
        }
        StringBuilder b = new StringBuilder();
        for (Participant p : people) {
            b.append("- N.º ").append(p.number()).append(" · ").append(p.fullName()).append('\n');
        }
        return b.toString().strip();
    }

    static String fullName(String given, String first, String second) {
        return (given + " " + first + (second == null || second.isBlank() ? "" : " " + second)).strip();
    }

    private List<SessionLines.Session> validate(Design d) {
        List<String> errors = new ArrayList<>();
        if (d.title() == null || d.title().isBlank() || d.title().strip().length() > 200) {
            errors.add("Escriba el nombre de la edición (hasta 200 caracteres).");
        }
        if (d.modules() == null || d.modules().isBlank() || d.modules().strip().length() > 4000) {
            errors.add("Escriba los módulos del programa (hasta 4000 caracteres).");
        }
        if (d.audience() == null || d.audience().isBlank() || d.audience().strip().length() > 200) {
            errors.add("Escriba el público objetivo (hasta 200 caracteres).");
        }
        if (d.modality() == null || !MODALITIES.containsKey(d.modality())) {
            errors.add("Elija la modalidad: presencial, virtual o mixta.");
        }
        if (d.capacity() < 1 || d.capacity() > 1000) {
            errors.add("Los cupos van de 1 a 1000.");
        }
        LocalDate today = plazos.today();
        List<SessionLines.Session> sessions = List.of();
        try {
            sessions = SessionLines.parse(d.sessionLines(), today);
        } catch (TrainingInvalid e) {
            errors.addAll(e.errors());
        }
        if (d.enrolmentDeadline() == null) {
            errors.add("Indique hasta qué fecha hay inscripciones.");
        } else {
            if (d.enrolmentDeadline().isBefore(today)) {
                errors.add("La fecha de cierre de inscripciones ya pasó: elija una fecha desde hoy.");
            }
            if (!sessions.isEmpty() && !d.enrolmentDeadline().isBefore(sessions.get(0).startsAt().toLocalDate())) {
                errors.add("Las inscripciones deben cerrar antes del día de la primera sesión ("
                        + SessionLines.SHOWN.format(sessions.get(0).startsAt()) + ").");
            }
        }
        List<String> nonWorking = SessionLines.onNonWorkingDays(sessions, plazos.calendar());
        if (!nonWorking.isEmpty() && !d.nonWorkingDaysConfirmed()) {
            nonWorking.forEach(line -> errors.add(line + ", no es un día hábil."));
            errors.add("Si esas fechas son correctas, marque «" + CONFIRM_NON_WORKING + "» y envíe de nuevo; si no, "
                    + "cámbielas.");
        }
        if (!errors.isEmpty()) {
            throw new TrainingInvalid(errors);
        }
        return sessions;
    }

    private void storeSessions(long editionId, List<SessionLines.Session> sessions) {
        int seq = 0;
        for (SessionLines.Session s : sessions) {
            jdbc.sql("""
                    INSERT INTO training_session (edition_id, seq, starts_at, place, online_link, facilitator)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(editionId, ++seq, Timestamp.valueOf(s.startsAt()), s.place(), s.onlineLink(),
                            s.facilitator()).update();
        }
    }

    private static Edition edition(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Edition(rs.getLong("id"), rs.getString("code"), rs.getString("title"), rs.getString("modules"),
                rs.getString("audience"), rs.getString("modality"), rs.getBoolean("oversight_course"),
                new CompletionRule(rs.getInt("min_attendance_pct"), rs.getBoolean("evaluation_required"),
                        rs.getBigDecimal("pass_mark")),
                rs.getInt("capacity"), rs.getDate("enrolment_deadline").toLocalDate(), rs.getString("status"),
                rs.getString("observations"), rs.getString("publication_link"), rs.getString("process_instance_id"),
                rs.getTimestamp("concluded_at") == null ? null : rs.getTimestamp("concluded_at").toInstant(),
                rs.getString("non_working_confirmed_by"), instant(rs.getTimestamp("non_working_confirmed_at")),
                instant(rs.getTimestamp("evaluation_recorded_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** The engine clock as a local time of Lima (sessions are stored so). */
    static LocalDateTime nowInLima() {
        return LocalDateTime.ofInstant(Enrolments.now(), DueDates.LIMA);
    }

    /** The edition that a {@code training-programme} instance runs. */
    public long editionOfProcess(String processInstanceId) {
        return jdbc.sql("SELECT id FROM training_edition WHERE process_instance_id = ?").param(processInstanceId)
                .query(Long.class).optional().orElseThrow(() -> new IllegalStateException(
                        "No training edition for process instance " + processInstanceId));
    }
}
