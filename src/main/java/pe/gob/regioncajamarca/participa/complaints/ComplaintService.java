package pe.gob.regioncajamarca.participa.complaints;

import pe.gob.regioncajamarca.participa.calendar.Now;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.documents.UploadedFiles;
import pe.gob.regioncajamarca.participa.notification.Notifications;

/**
 * Queries, complaints, requests for public information and reports of wrongdoing: stored in the domain tables,
 * each handled by one process instance: {@code complaint-handling} for the first three, {@code wrongdoing-report}
 * for a report of wrongdoing (denuncia), which only the integrity office may read or know of (its own process
 * definition, authorized to that office alone; its due date is computed in the model, never through the decision
 * {@code plazo-atencion}, whose history other offices read). The process carries what routing needs (code, kind,
 * subject, description, related CUI), never who the person is: the reporter of wrongdoing is known only to the
 * integrity office, through its staff page; for the other kinds the person's contact stays in the table too and
 * the answer is mailed from here.
 */
@Service
public class ComplaintService {

    public static final String PROCESS_KEY = "complaint-handling";
    /** Reports of wrongdoing (kind DENUNCIA): a process of their own, for the integrity office alone. */
    public static final String WRONGDOING_PROCESS_KEY = "wrongdoing-report";
    public static final String WRONGDOING = "DENUNCIA";
    public static final Map<String, String> KINDS = Map.of("CONSULTA", "Consulta", "RECLAMO", "Reclamo",
            "ACCESO_INFORMACION", "Solicitud de acceso a la información pública", "DENUNCIA", "Denuncia");
    public static final Map<String, String> STATUSES = Map.of("RECIBIDA", "Recibida", "DERIVADA",
            "Derivada a la oficina responsable", "RESPONDIDA", "Respondida", "ATENDIDA", "Atendida");

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final Notifications notifications;
    private final DueDates plazos;
    private final SecureRandom random = new SecureRandom();

    /** The kind whose deadline may be extended once (TUO de la Ley 27806, art. 11). */
    public static final String PUBLIC_INFORMATION = "ACCESO_INFORMACION";
    /**
     * The latest new date of an extension, in business days after the legal deadline. The law lets the entity set
     * the date and fixes no maximum; this cap is the regional government's own safeguard against an extension that
     * empties the right (docs/adr/0009-public-information-extension.md).
     */
    public static final int MAX_EXTENSION_BUSINESS_DAYS = 20;

    public ComplaintService(JdbcClient jdbc, RuntimeService runtime, Notifications notifications, DueDates plazos) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.notifications = notifications;
        this.plazos = plazos;
    }

    public record Submission(String kind, String subject, String description, String relatedCui, boolean anonymous,
                             String fullName, String documentNumber, String email, String phone) {
    }

    /** What anyone with the tracking code sees: no personal data. */
    public record Status(String trackingCode, String kind, String kindLabel, String subject, String status,
                         String statusLabel, Instant createdAt, Instant dueAt, String answer, Instant answeredAt,
                         boolean hasAttachment, Instant legalDueAt, Instant extendedAt, String extensionReason,
                         Instant extensionWindowUntil) {

        /** The deadline was extended once (a request for public information). */
        public boolean extended() {
            return extendedAt != null;
        }

        /**
         * A request for public information not extended nor answered, within its first two business days (at the
         * engine's clock): the page explains that it may still be extended.
         */
        public boolean extensible() {
            return PUBLIC_INFORMATION.equals(kind) && extendedAt == null && answer == null
                    && extensionWindowUntil != null && !Now.date()
                    .toInstant().isAfter(extensionWindowUntil);
        }
    }

    /** An extension granted: the deadline before and after, and the reason the requester reads. */
    public record Extension(String trackingCode, Instant legalDueAt, Instant newDueAt, String reason) {
    }

    /** The reporter's identity, for the integrity office only. */
    public record Person(boolean anonymous, String fullName, String documentNumber, String email, String phone) {
    }

    public static class Refused extends pe.gob.regioncajamarca.participa.shared.Refused {
        public Refused(List<String> errors) {
            super(errors);
        }
    }

    /** Validates, stores, starts the process and mails the tracking code; refused whole, storing nothing. */
    @Transactional
    public String submit(Submission s, UploadedFiles.Checked attachment) {
        List<String> errors = validate(s);
        if (!errors.isEmpty()) {
            throw new Refused(errors);
        }
        boolean anonymous = "DENUNCIA".equals(s.kind()) && s.anonymous();
        String code = newCode();
        Timestamp now = Now.timestamp();
        jdbc.sql("""
                INSERT INTO complaint (tracking_code, kind, subject, description, related_cui, anonymous, full_name,
                    document_number, email, phone, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECIBIDA', ?)""")
                .params(code, s.kind(), s.subject().strip(), s.description().strip(), blank(s.relatedCui()), anonymous,
                        anonymous ? null : s.fullName().strip(), anonymous ? null : blank(s.documentNumber()),
                        anonymous ? null : blank(s.email()), anonymous ? null : blank(s.phone()), now)
                .update();
        long id = jdbc.sql("SELECT id FROM complaint WHERE tracking_code = ?").param(code).query(Long.class).single();
        if (attachment != null) {
            jdbc.sql("INSERT INTO complaint_attachment (complaint_id, file_name, content_type, size_bytes, content) "
                            + "VALUES (?, ?, ?, ?, ?)")
                    .params(id, attachment.fileName(), attachment.contentType(), attachment.content().length,
                            attachment.content()).update();
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put(ComplaintVariables.CODIGO, code);
        boolean wrongdoing = WRONGDOING.equals(s.kind());
        if (!wrongdoing) { // the kind routes complaint-handling (and picks the legal term in plazo-atencion)
            vars.put(ComplaintVariables.TIPO, s.kind());
            vars.put(ComplaintVariables.TIPO_TEXTO, KINDS.get(s.kind()));
        }
        vars.put(ComplaintVariables.ASUNTO, s.subject().strip());
        vars.put(ComplaintVariables.DESCRIPCION, s.description().strip());
        vars.put(ComplaintVariables.CUI, blank(s.relatedCui()) == null ? "ninguno" : s.relatedCui().strip());
        String pid = runtime.startProcessInstanceByKey(processKeyOf(s.kind()), code, vars).getId();
        Object due = runtime.getVariable(pid, ComplaintVariables.FECHA_LIMITE);
        Object window = wrongdoing ? null : runtime.getVariable(pid, ComplaintVariables.FECHA_LIMITE_PRORROGA);
        jdbc.sql("UPDATE complaint SET process_instance_id = ?, due_at = ?, extension_window_until = ? WHERE id = ?")
                .params(pid, due instanceof java.util.Date d ? new Timestamp(d.getTime()) : null,
                        window instanceof java.util.Date w ? new Timestamp(w.getTime()) : null, id).update();
        if (!anonymous && blank(s.email()) != null) {
            Status st = status(code).orElseThrow();
            notifications.send("solicitud-recibida:" + code, s.email().strip(),
                    "Recibimos su " + KINDS.get(s.kind()).toLowerCase() + " " + code, "solicitud-recibida",
                    Map.of("code", code, "kind", KINDS.get(s.kind()), "subject", st.subject(),
                            "due", st.dueAt() == null ? "—" : DUE.format(st.dueAt())));
        }
        return code;
    }

    /** The process that handles a request of this kind. */
    public static String processKeyOf(String kind) {
        return WRONGDOING.equals(kind) ? WRONGDOING_PROCESS_KEY : PROCESS_KEY;
    }

    static final java.time.format.DateTimeFormatter DUE = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
            .withZone(java.time.ZoneId.of("America/Lima"));

    private static List<String> validate(Submission s) {
        List<String> errors = new ArrayList<>();
        if (java.util.stream.Stream.of(s.kind(), s.subject(), s.description(), s.relatedCui(), s.fullName(),
                s.documentNumber(), s.email(), s.phone()).anyMatch(t -> !pe.gob.regioncajamarca.participa.documents
                .PlainText.allowed(t))) {
            errors.add(pe.gob.regioncajamarca.participa.documents.PlainText.REFUSED);
        }
        if (s.kind() == null || !KINDS.containsKey(s.kind())) {
            errors.add("Elija qué desea presentar: consulta, reclamo, solicitud de información o denuncia.");
        }
        if (s.subject() == null || s.subject().strip().length() < 5 || s.subject().strip().length() > 200) {
            errors.add("Escriba el asunto (de 5 a 200 caracteres).");
        }
        if (s.description() == null || s.description().strip().length() < 20 || s.description().strip().length() > 4000) {
            errors.add("Describa su pedido con al menos 20 caracteres (máximo 4000).");
        }
        if (blank(s.relatedCui()) != null && !s.relatedCui().strip().matches("\\d{1,7}")) {
            errors.add("El CUI del proyecto relacionado tiene hasta 7 dígitos (déjelo vacío si no aplica).");
        }
        boolean anonymous = "DENUNCIA".equals(s.kind()) && s.anonymous();
        if (s.anonymous() && !"DENUNCIA".equals(s.kind())) {
            errors.add("Solo las denuncias pueden presentarse de forma anónima.");
        }
        if (!anonymous) {
            if (s.fullName() == null || s.fullName().strip().length() < 5 || s.fullName().strip().length() > 200) {
                errors.add("Escriba sus nombres y apellidos.");
            }
            if (blank(s.documentNumber()) != null && !s.documentNumber().strip().matches("\\d{8}")) {
                errors.add("El DNI tiene 8 dígitos.");
            }
            if (blank(s.email()) == null || !s.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
                    || s.email().length() > 200) {
                errors.add("Escriba un correo electrónico válido: allí le enviaremos la respuesta.");
            }
            if (blank(s.phone()) != null && !s.phone().strip().matches("[0-9 +()-]{6,20}")) {
                errors.add("El teléfono solo lleva números (de 6 a 20 caracteres).");
            }
        }
        return errors;
    }

    public Optional<Status> status(String trackingCode) {
        return jdbc.sql("""
                SELECT c.tracking_code, c.kind, c.subject, c.status, c.created_at, c.due_at, c.answer, c.answered_at,
                       (SELECT COUNT(*) FROM complaint_attachment a WHERE a.complaint_id = c.id) AS files,
                       c.legal_due_at, c.extended_at, c.extension_reason, c.extension_window_until
                FROM complaint c WHERE c.tracking_code = ?""").param(trackingCode == null ? "" : trackingCode.strip()
                        .toUpperCase(java.util.Locale.ROOT))
                .query((rs, i) -> new Status(rs.getString(1), rs.getString(2), KINDS.get(rs.getString(2)),
                        rs.getString(3), rs.getString(4), STATUSES.get(rs.getString(4)), instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6)), rs.getString(7), instant(rs.getTimestamp(8)), rs.getInt(9) > 0,
                        instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), rs.getString(12),
                        instant(rs.getTimestamp(13))))
                .optional();
    }

    /** The person behind a request: the caller must have checked the integrity office (for reports of wrongdoing). */
    public Optional<Person> person(String trackingCode) {
        return jdbc.sql("SELECT anonymous, full_name, document_number, email, phone FROM complaint WHERE tracking_code = ?")
                .param(trackingCode)
                .query((rs, i) -> new Person(rs.getBoolean(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).optional();
    }

    /** The offices and units a request may be routed to. */
    static final Set<String> ROUTABLE = Set.of("planning", "technical-team", "communications", "unit-sede-central",
            "unit-proregion", "unit-agricultura", "unit-educacion", "unit-salud", "unit-transportes", "unit-vivienda",
            "unit-ugel-cajamarca", "unit-hospital-regional", "unit-sub-region-chota", "unit-sub-region-cutervo",
            "unit-sub-region-jaen");

    /** "Derivar solicitud" of the request of a process: to one of {@link #ROUTABLE}, or refused. */
    public void route(String processInstanceId, String group) {
        if (group == null || !ROUTABLE.contains(group)) {
            throw new IllegalArgumentException("Elija la oficina o unidad responsable de la lista.");
        }
        routed(codeOfProcess(processInstanceId), group);
    }

    /**
     * "Decidir prórroga del plazo" of the request of a process: {@code SI} or {@code NO}; a "yes" is checked now
     * ({@link #checkExtension}), so that a refusal keeps the task open.
     */
    public void decideExtension(String processInstanceId, Object decision, String newDate, String reason) {
        if (!"SI".equals(decision) && !"NO".equals(decision)) {
            throw new IllegalArgumentException("Indique si se prorroga el plazo (Sí o No).");
        }
        if ("SI".equals(decision)) {
            checkExtension(codeOfProcess(processInstanceId), newDate, reason);
        }
    }

    /** "Atender denuncia" of the report of a process: an outcome is required; the answer as {@link #answered}. */
    public void wrongdoingHandled(String processInstanceId, String outcome, String answer) {
        if (outcome == null) {
            throw new IllegalArgumentException("Indique el resultado de la denuncia.");
        }
        answered(codeOfProcess(processInstanceId), answer, outcome);
    }

    /** The planning office routed the request. */
    @Transactional
    public void routed(String code, String group) {
        jdbc.sql("UPDATE complaint SET status = 'DERIVADA', responsible_group = ? WHERE tracking_code = ?")
                .params(group, code).update();
    }

    /** The answer: stored, public on the status page, mailed to the person (never for an anonymous report). */
    @Transactional
    public void answered(String code, String answer, String outcome) {
        if (answer == null || answer.isBlank()) {
            throw new IllegalArgumentException("Escriba la respuesta: el ciudadano la leerá.");
        }
        String kind = jdbc.sql("SELECT kind FROM complaint WHERE tracking_code = ?").param(code).query(String.class)
                .single();
        jdbc.sql("UPDATE complaint SET status = ?, answer = ?, outcome = ?, answered_at = ? WHERE tracking_code = ?")
                .params("DENUNCIA".equals(kind) ? "ATENDIDA" : "RESPONDIDA", answer.strip(), outcome,
                        Now.timestamp(), code).update();
        person(code).filter(p -> !p.anonymous() && p.email() != null).ifPresent(p -> notifications.send(
                "solicitud-respondida:" + code, p.email(), "Respuesta a su " + KINDS.get(kind).toLowerCase() + " " + code,
                "solicitud-respondida", Map.of("code", code, "kind", KINDS.get(kind), "answer", answer.strip())));
    }

    /**
     * Checks an extension of the request {@code code} (its tracking code, found by the caller from the task's own
     * process instance) to {@code newDate} (dd/mm/aaaa as typed, or ISO) for {@code reason}: refused whole, with
     * every message the office has to fix, unless the request is one for public information, not yet extended nor
     * answered, still within its first two business days (at the engine's clock), the date a business day later
     * than the deadline in force and not more than {@link #MAX_EXTENSION_BUSINESS_DAYS} business days after it, and
     * the reason written. Returns the new deadline (17:30 Lima of the new date).
     */
    public Instant checkExtension(String code, String newDate, String reason) {
        Status s = status(code).orElseThrow(() -> new IllegalStateException("No complaint " + code));
        List<String> errors = new ArrayList<>();
        if (!PUBLIC_INFORMATION.equals(s.kind())) {
            throw new Refused(List.of("Solo las solicitudes de acceso a la información pública pueden prorrogarse "
                    + "(TUO de la Ley 27806, art. 11); esta es de tipo «" + s.kindLabel() + "»."));
        }
        if (s.extended()) {
            throw new Refused(List.of("El plazo de esta solicitud ya fue prorrogado una vez, hasta el "
                    + DUE.format(s.dueAt()) + ": la ley permite una sola prórroga."));
        }
        if (s.answer() != null) {
            throw new Refused(List.of("La solicitud ya fue respondida: no hay plazo que prorrogar."));
        }
        Instant now = Now.instant();
        if (s.extensionWindowUntil() == null || now.isAfter(s.extensionWindowUntil())) {
            throw new Refused(List.of("La prórroga debía comunicarse dentro de los dos primeros días hábiles "
                    + "(hasta el " + (s.extensionWindowUntil() == null ? "—" : DUE_TIME.format(s.extensionWindowUntil()))
                    + "): ya no cabe, rige el plazo legal del " + DUE.format(s.dueAt()) + "."));
        }
        java.time.LocalDate current = java.time.LocalDate.ofInstant(s.dueAt(), DueDates.LIMA);
        java.time.LocalDate latest = plazos.calendar().plusBusinessDays(current, MAX_EXTENSION_BUSINESS_DAYS);
        java.time.LocalDate date = parseDate(newDate);
        if (date == null) {
            errors.add("Escriba la nueva fecha límite como dd/mm/aaaa (por ejemplo "
                    + DAY.format(plazos.calendar().plusBusinessDays(current, 5)) + ").");
        } else if (!date.isAfter(current)) {
            errors.add("La nueva fecha límite debe ser posterior al plazo actual, el " + DAY.format(current)
                    + ": una prórroga no acorta el plazo.");
        } else if (!plazos.calendar().isBusinessDay(date)) {
            errors.add("La nueva fecha límite debe ser un día hábil: el " + DAY.format(date)
                    + " es sábado, domingo o feriado.");
        } else if (date.isAfter(latest)) {
            errors.add("La nueva fecha límite puede ser, como máximo, el " + DAY.format(latest) + " ("
                    + MAX_EXTENSION_BUSINESS_DAYS + " días hábiles después del plazo legal): elija una fecha anterior.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 20 || why.length() > 1000) {
            errors.add("Escriba el motivo de la prórroga (de 20 a 1000 caracteres): el solicitante lo leerá.");
        } else if (!pe.gob.regioncajamarca.participa.documents.PlainText.allowed(why)) {
            errors.add(pe.gob.regioncajamarca.participa.documents.PlainText.REFUSED);
        }
        if (!errors.isEmpty()) {
            throw new Refused(errors);
        }
        return DueDates.endOfWorkday(date).toInstant();
    }

    /**
     * Extends the deadline of the request {@code code} (checked again by {@link #checkExtension}): stored, public on
     * its tracking page, mailed to the requester (once, whatever retries). The caller moves the process's timers.
     */
    @Transactional
    public Extension extend(String code, String newDate, String reason) {
        Instant due = checkExtension(code, newDate, reason);
        Status before = status(code).orElseThrow();
        int updated = jdbc.sql("""
                UPDATE complaint SET legal_due_at = due_at, due_at = ?, extended_at = ?, extension_reason = ?
                WHERE tracking_code = ? AND extended_at IS NULL""")
                .params(Timestamp.from(due), Timestamp.from(Now.date()
                        .toInstant()), reason.strip(), before.trackingCode()).update();
        if (updated != 1) {
            throw new Refused(List.of("El plazo de esta solicitud ya fue prorrogado una vez: la ley permite una sola "
                    + "prórroga."));
        }
        person(before.trackingCode()).filter(p -> !p.anonymous() && p.email() != null).ifPresent(p -> notifications.send(
                "solicitud-prorrogada:" + before.trackingCode(), p.email(),
                "Prórroga del plazo de su solicitud " + before.trackingCode(), "solicitud-prorrogada",
                Map.of("code", before.trackingCode(), "kind", before.kindLabel(), "subject", before.subject(),
                        "previous", DUE.format(before.dueAt()), "due", DUE.format(due), "reason", reason.strip())));
        return new Extension(before.trackingCode(), before.dueAt(), due, reason.strip());
    }

    static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final java.time.format.DateTimeFormatter DUE_TIME = java.time.format.DateTimeFormatter
            .ofPattern("dd/MM/yyyy HH:mm").withZone(java.time.ZoneId.of("America/Lima"));

    /** dd/mm/aaaa (one or two digits for day and month) or aaaa-mm-dd; null when it is neither. */
    static java.time.LocalDate parseDate(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        try {
            if (t.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                return java.time.LocalDate.parse(t, java.time.format.DateTimeFormatter.ofPattern("d/M/uuuu")
                        .withResolverStyle(java.time.format.ResolverStyle.STRICT));
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return java.time.LocalDate.parse(t);
            }
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
        return null;
    }

    public Optional<String> responsibleGroup(String code) {
        return jdbc.sql("SELECT responsible_group FROM complaint WHERE tracking_code = ? AND responsible_group IS NOT NULL")
                .param(code).query(String.class).optional();
    }

    public Optional<byte[]> attachment(String code) {
        return jdbc.sql("SELECT a.content FROM complaint_attachment a JOIN complaint c ON c.id = a.complaint_id "
                + "WHERE c.tracking_code = ?").param(code).query((rs, i) -> rs.getBytes(1)).optional();
    }

    private String newCode() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        for (int attempt = 0; attempt < 10; attempt++) {
            StringBuilder b = new StringBuilder("SOL-");
            for (int i = 0; i < 8; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String code = b.toString();
            if (jdbc.sql("SELECT COUNT(*) FROM complaint WHERE tracking_code = ?").param(code).query(Integer.class)
                    .single() == 0) {
                return code;
            }
        }
        throw new IllegalStateException("No se pudo generar un código de seguimiento");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** The tracking code of the request a {@code complaint-handling} or {@code wrongdoing-report} instance was started for. */
    public String codeOfProcess(String processInstanceId) {
        return jdbc.sql("SELECT tracking_code FROM complaint WHERE process_instance_id = ?").param(processInstanceId)
                .query(String.class).optional().orElseThrow(() -> new IllegalStateException(
                        "No complaint for process instance " + processInstanceId));
    }
}
