package pe.gob.regioncajamarca.participa.accreditation;

import pe.gob.regioncajamarca.participa.calendar.Now;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import pe.gob.regioncajamarca.participa.ledger.LedgerPayload;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.gob.regioncajamarca.participa.ledger.Ledger;
import pe.gob.regioncajamarca.participa.ledger.LedgerKinds;

import pe.gob.regioncajamarca.participa.notification.Notifications;

/**
 * Registrations of participating agents and their review ({@code agent-accreditation}). One registration
 * per document and cycle; the decision is stored here and the citizen is told by e-mail (outbox).
 */
@Service
public class AccreditationService {

    public static final String PROCESS_KEY = "agent-accreditation";

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final Notifications notifications;
    private final Ledger ledger;

    public AccreditationService(JdbcClient jdbc, RuntimeService runtime, Notifications notifications, Ledger ledger) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.notifications = notifications;
    }

    /** A registration as the reviewer and the citizen see it. */
    public record Registration(long id, int cycleYear, String fileNumber, String status, String documentType,
                               String documentNumber, String fullName, String email, String organization,
                               String districtName, String rejectionReason, String processInstanceId) {
    }

    /**
     * Registers a citizen as agent of a cycle and starts its review. Idempotent: a second registration of the
     * same document in the same cycle returns the existing one (a double click registers once).
     */
    @Transactional
    public Registration register(AgentApplication a) {
        String document = jdbc.sql("SELECT document_number FROM citizen_account WHERE id = ?").param(a.citizenId())
                .query(String.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("No existe la cuenta ciudadana " + a.citizenId()));
        Optional<Registration> existing = findByDocument(a.cycleYear(), document);
        if (existing.isPresent()) {
            return existing.get();
        }
        Timestamp now = Now.timestamp();
        jdbc.sql("""
                INSERT INTO agent_registration (cycle_year, citizen_id, document_number, mobile_phone, sex, birth_date,
                    education_level, profession, organization, province_code, district_ubigeo, consent_at, status,
                    created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDIENTE', ?)""")
                .params(a.cycleYear(), a.citizenId(), document, a.mobilePhone(), a.sex(), a.birthDate(),
                        a.educationLevel(), a.profession(), a.organization(), a.provinceCode(), a.districtUbigeo(),
                        now, now)
                .update();
        Registration r = findByDocument(a.cycleYear(), document).orElseThrow();
        Map<String, Object> vars = new HashMap<>();
        vars.put(AccreditationVariables.REGISTRO_ID, r.id());
        vars.put(AccreditationVariables.ANIO, (long) r.cycleYear());
        vars.put(AccreditationVariables.EXPEDIENTE, r.fileNumber());
        vars.put(AccreditationVariables.AGENTE, r.fullName());
        vars.put(AccreditationVariables.TIPO_DOCUMENTO, r.documentType());
        vars.put(AccreditationVariables.DOCUMENTO, r.documentNumber());
        vars.put(AccreditationVariables.ORGANIZACION, r.organization() == null ? "(a título personal)" : r.organization());
        vars.put(AccreditationVariables.DISTRITO, r.districtName());
        String pid = runtime.startProcessInstanceByKey(PROCESS_KEY, r.fileNumber(), vars).getId();
        jdbc.sql("UPDATE agent_registration SET process_instance_id = ? WHERE id = ?").params(pid, r.id()).update();
        return find(r.id()).orElseThrow();
    }

    /** A review decides {@code aprobar} or {@code rechazar}; a rejection needs a reason (the citizen reads it). */
    public void checkReview(String decision, String reason) {
        if (!"aprobar".equals(decision) && !"rechazar".equals(decision)) {
            throw new IllegalArgumentException("Elija si acredita o rechaza la inscripción.");
        }
        if ("rechazar".equals(decision) && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("Indique el motivo del rechazo: el ciudadano lo leerá.");
        }
    }

    /** Accredits the agent and queues the notice. Idempotent (a retried job changes and sends nothing twice). */
    @Transactional
    public void accredit(long registrationId) {
        Registration r = find(registrationId).orElseThrow();
        jdbc.sql("UPDATE agent_registration SET status = 'ACREDITADO', rejection_reason = NULL, decided_at = ? "
                        + "WHERE id = ?")
                .params(Now.timestamp(), registrationId).update();
        ledger.append(r.cycleYear(), r.fileNumber(),
                new LedgerPayload.Accredited(r.fileNumber(), ledger.pseudonym(r.documentNumber())));
        notifications.send("acreditacion:" + registrationId, r.email(),
                "Su acreditación como agente participante " + r.cycleYear(), "acreditacion-aprobada",
                java.util.Map.of("name", r.fullName(), "fileNumber", r.fileNumber(), "year", r.cycleYear()));
    }

    /** Rejects the registration with a reason the citizen reads, and queues the notice. */
    @Transactional
    public void reject(long registrationId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Indique el motivo del rechazo: el ciudadano lo leerá.");
        }
        Registration r = find(registrationId).orElseThrow();
        jdbc.sql("UPDATE agent_registration SET status = 'RECHAZADO', rejection_reason = ?, decided_at = ? "
                        + "WHERE id = ?")
                .params(reason.trim(), Now.timestamp(), registrationId).update();
        ledger.append(r.cycleYear(), r.fileNumber(), new LedgerPayload.AccreditationRejected(r.fileNumber(),
                ledger.pseudonym(r.documentNumber()), reason.trim()));
        notifications.send("acreditacion:" + registrationId, r.email(),
                "Resultado de su inscripción como agente participante " + r.cycleYear(), "acreditacion-rechazada",
                java.util.Map.of("name", r.fullName(), "fileNumber", r.fileNumber(), "year", r.cycleYear(),
                        "reason", reason.trim()));
    }

    /** The e-mail of a citizen's portal account. */
    public java.util.Optional<String> emailOf(String documentNumber) {
        return jdbc.sql("SELECT email FROM citizen_account WHERE document_number = ?").param(documentNumber)
                .query(String.class).optional();
    }

    /** True when the document is an accredited agent of the cycle (only they vote). */
    public boolean isAccredited(int cycleYear, String documentNumber) {
        return findByDocument(cycleYear, documentNumber).map(r -> "ACREDITADO".equals(r.status())).orElse(false);
    }

    /**
     * An accredited agent as the cycle's public records show it: name, organisation and place, never the
     * document number, phone or address. The e-mail is for notices only and never printed.
     */
    public record AccreditedAgent(long registrationId, String fullName, String organization, String province,
                                  String district, String email, String givenNames, String surnames) {
    }

    /** How many agents are accredited in a cycle (a count, for pages that show only the figure). */
    public int accreditedCount(int cycleYear) {
        return jdbc.sql("SELECT COUNT(*) FROM agent_registration WHERE cycle_year = ? AND status = 'ACREDITADO'")
                .param(cycleYear).query(Integer.class).single();
    }

    /** The accredited agents of a cycle, by surname. */
    public java.util.List<AccreditedAgent> accreditedAgents(int cycleYear) {
        return jdbc.sql("""
                SELECT r.id, c.given_names, c.first_surname, c.second_surname, r.organization, p.name, d.name, c.email
                FROM agent_registration r
                JOIN citizen_account c ON c.id = r.citizen_id
                JOIN district d ON d.ubigeo = r.district_ubigeo
                JOIN province p ON p.code = r.province_code
                WHERE r.cycle_year = ? AND r.status = 'ACREDITADO'
                ORDER BY c.first_surname, c.second_surname, c.given_names, r.id""")
                .param(cycleYear)
                .query((rs, i) -> {
                    String surnames = rs.getString(3) + (rs.getString(4) == null ? "" : " " + rs.getString(4));
                    return new AccreditedAgent(rs.getLong(1), rs.getString(2) + " " + surnames,
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(2),
                            surnames);
                })
                .list();
    }

    /** Every registration of a document, newest cycle first (the citizen's own page). */
    public java.util.List<Registration> registrationsOf(String documentNumber) {
        return jdbc.sql("SELECT id FROM agent_registration WHERE document_number = ? ORDER BY cycle_year DESC")
                .param(documentNumber).query(Long.class).list().stream().map(id -> find(id).orElseThrow()).toList();
    }

    public Optional<Registration> find(long id) {
        return query("r.id = ?", id);
    }

    public Optional<Registration> findByDocument(int cycleYear, String documentNumber) {
        return query("r.cycle_year = ? AND r.document_number = ?", cycleYear, documentNumber);
    }

    private Optional<Registration> query(String where, Object... params) {
        return jdbc.sql("""
                SELECT r.id, r.cycle_year, r.status, r.document_number, r.organization, r.rejection_reason,
                       r.process_instance_id, c.document_type, c.email, c.given_names, c.first_surname,
                       c.second_surname, d.name AS district_name
                FROM agent_registration r
                JOIN citizen_account c ON c.id = r.citizen_id
                JOIN district d ON d.ubigeo = r.district_ubigeo
                WHERE\s""" + where)
                .params(params)
                .query((rs, i) -> new Registration(rs.getLong("id"), rs.getInt("cycle_year"),
                        fileNumber(rs.getInt("cycle_year"), rs.getLong("id")), rs.getString("status"),
                        rs.getString("document_type"), rs.getString("document_number"),
                        (rs.getString("given_names") + " " + rs.getString("first_surname") + " "
                                + (rs.getString("second_surname") == null ? "" : rs.getString("second_surname"))).trim(),
                        rs.getString("email"), rs.getString("organization"), rs.getString("district_name"),
                        rs.getString("rejection_reason"), rs.getString("process_instance_id")))
                .optional();
    }

    static String fileNumber(int year, long id) {
        return String.format("INS-%d-%06d", year, id);
    }

    /** The registration an {@code agent-accreditation} instance was started for. */
    public long registrationOfProcess(String processInstanceId) {
        return jdbc.sql("SELECT id FROM agent_registration WHERE process_instance_id = ?").param(processInstanceId)
                .query(Long.class).optional().orElseThrow(() -> new IllegalStateException(
                        "No registration for process instance " + processInstanceId));
    }

    /** The registration with this file number (the business key of its process). */
    public Optional<Registration> findByFileNumber(String fileNumber) {
        java.util.regex.Matcher m = fileNumber == null ? null
                : java.util.regex.Pattern.compile("INS-(\\d{4})-(\\d+)").matcher(fileNumber);
        return m == null || !m.matches() ? Optional.empty()
                : query("r.id = ? AND r.cycle_year = ?", Long.parseLong(m.group(2)), Integer.parseInt(m.group(1)));
    }
}
