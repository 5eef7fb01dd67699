package pe.gob.regioncajamarca.participa.complaints;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
    private final SecureRandom random = new SecureRandom();

    public ComplaintService(JdbcClient jdbc, RuntimeService runtime, Notifications notifications) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.notifications = notifications;
    }

    public record Submission(String kind, String subject, String description, String relatedCui, boolean anonymous,
                             String fullName, String documentNumber, String email, String phone) {
    }

    /** What anyone with the tracking code sees: no personal data. */
    public record Status(String trackingCode, String kind, String kindLabel, String subject, String status,
                         String statusLabel, Instant createdAt, Instant dueAt, String answer, Instant answeredAt,
                         boolean hasAttachment) {
    }

    /** The reporter's identity, for the integrity office only. */
    public record Person(boolean anonymous, String fullName, String documentNumber, String email, String phone) {
    }

    public static class Refused extends RuntimeException {
        private final List<String> errors;

        public Refused(List<String> errors) {
            super(String.join(" ", errors));
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
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
        Timestamp now = Timestamp.from(Instant.now());
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
        vars.put("codigo", code);
        boolean wrongdoing = WRONGDOING.equals(s.kind());
        if (!wrongdoing) { // the kind routes complaint-handling (and picks the legal term in plazo-atencion)
            vars.put("tipo", s.kind());
            vars.put("tipoTexto", KINDS.get(s.kind()));
        }
        vars.put("asunto", s.subject().strip());
        vars.put("descripcion", s.description().strip());
        vars.put("cui", blank(s.relatedCui()) == null ? "ninguno" : s.relatedCui().strip());
        String pid = runtime.startProcessInstanceByKey(processKeyOf(s.kind()), code, vars).getId();
        Object due = runtime.getVariable(pid, "fechaLimite");
        jdbc.sql("UPDATE complaint SET process_instance_id = ?, due_at = ? WHERE id = ?")
                .params(pid, due instanceof java.util.Date d ? new Timestamp(d.getTime()) : null, id).update();
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
                       (SELECT COUNT(*) FROM complaint_attachment a WHERE a.complaint_id = c.id) AS files
                FROM complaint c WHERE c.tracking_code = ?""").param(trackingCode == null ? "" : trackingCode.strip()
                        .toUpperCase(java.util.Locale.ROOT))
                .query((rs, i) -> new Status(rs.getString(1), rs.getString(2), KINDS.get(rs.getString(2)),
                        rs.getString(3), rs.getString(4), STATUSES.get(rs.getString(4)), instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6)), rs.getString(7), instant(rs.getTimestamp(8)), rs.getInt(9) > 0))
                .optional();
    }

    /** The person behind a request: the caller must have checked the integrity office (for reports of wrongdoing). */
    public Optional<Person> person(String trackingCode) {
        return jdbc.sql("SELECT anonymous, full_name, document_number, email, phone FROM complaint WHERE tracking_code = ?")
                .param(trackingCode)
                .query((rs, i) -> new Person(rs.getBoolean(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).optional();
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
                        Timestamp.from(Instant.now()), code).update();
        person(code).filter(p -> !p.anonymous() && p.email() != null).ifPresent(p -> notifications.send(
                "solicitud-respondida:" + code, p.email(), "Respuesta a su " + KINDS.get(kind).toLowerCase() + " " + code,
                "solicitud-respondida", Map.of("code", code, "kind", KINDS.get(kind), "answer", answer.strip())));
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
