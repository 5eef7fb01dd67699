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

import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;
import pe.gob.regioncajamarca.participa.ledger.Ledger;
import pe.gob.regioncajamarca.participa.ledger.LedgerKinds;

import pe.gob.regioncajamarca.participa.notification.Notifications;
import pe.gob.regioncajamarca.participa.projects.Territory;

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

    private final CitizenAccounts citizens;
    private final Territory territory;

    public AccreditationService(JdbcClient jdbc, RuntimeService runtime, Notifications notifications, Ledger ledger,
                                CitizenAccounts citizens, Territory territory) {
        this.citizens = citizens;
        this.territory = territory;
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
        String document = citizens.find(a.citizenId()).map(CitizenAccounts.Citizen::documentNumber)
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
        return citizens.emailOf(documentNumber);
    }

    /** True when the document is an accredited agent of the cycle (only they vote). */
    public boolean isAccredited(int cycleYear, String documentNumber) {
        // one query (every vote asks): the registration's status alone, not the whole registration with its account
        return jdbc.sql("SELECT status FROM agent_registration WHERE cycle_year = ? AND document_number = ?")
                .params(cycleYear, documentNumber).query(String.class).optional().map("ACREDITADO"::equals)
                .orElse(false);
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
        return accreditedAgents(cycleYear, null);
    }

    /**
     * The accredited agents of a cycle among the given registrations (e.g. its committee's members), by surname;
     * all of them when {@code registrationIds} is null. A page that names five agents reads five, not the cycle's
     * thousands.
     */
    public java.util.List<AccreditedAgent> accreditedAgents(int cycleYear,
                                                            java.util.Collection<Long> registrationIds) {
        record Row(long id, long citizenId, String organization, String provinceCode, String districtUbigeo) {
        }
        if (registrationIds != null && registrationIds.isEmpty()) {
            return java.util.List.of();
        }
        var select = jdbc.sql("""
                SELECT id, citizen_id, organization, province_code, district_ubigeo FROM agent_registration
                WHERE cycle_year = :year AND status = 'ACREDITADO'"""
                        + (registrationIds == null ? "" : " AND id IN (:ids)"))
                .param("year", cycleYear);
        if (registrationIds != null) {
            select = select.param("ids", java.util.List.copyOf(registrationIds));
        }
        java.util.List<Row> rows = select
                .query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
        Map<Long, CitizenAccounts.Citizen> people = citizens.byIds(rows.stream().map(Row::citizenId).toList());
        Map<String, String> districts = territory.districtNames();
        Map<String, String> provinces = territory.provinceNames();
        java.text.Collator collator = java.text.Collator.getInstance(new java.util.Locale("es", "PE"));
        java.util.Comparator<String> text = java.util.Comparator.nullsLast(collator::compare);
        return rows.stream()
                .filter(r -> people.containsKey(r.citizenId()) && districts.containsKey(r.districtUbigeo())
                        && provinces.containsKey(r.provinceCode().strip()))
                .sorted(java.util.Comparator.<Row, String>comparing(r -> people.get(r.citizenId()).firstSurname(), text)
                        .thenComparing(r -> people.get(r.citizenId()).secondSurname(), text)
                        .thenComparing(r -> people.get(r.citizenId()).givenNames(), text)
                        .thenComparingLong(Row::id))
                .map(r -> {
                    CitizenAccounts.Citizen c = people.get(r.citizenId());
                    return new AccreditedAgent(r.id(), c.givenNames() + " " + c.surnames(), r.organization(),
                            provinces.get(r.provinceCode().strip()), districts.get(r.districtUbigeo()), c.email(),
                            c.givenNames(), c.surnames());
                })
                .toList();
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
        record Row(long id, int cycleYear, String status, String documentNumber, String organization,
                   String rejectionReason, String processInstanceId, long citizenId, String districtUbigeo) {
        }
        return jdbc.sql("""
                SELECT r.id, r.cycle_year, r.status, r.document_number, r.organization, r.rejection_reason,
                       r.process_instance_id, r.citizen_id, r.district_ubigeo
                FROM agent_registration r
                WHERE\s""" + where)
                .params(params)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9)))
                .optional()
                .flatMap(r -> citizens.find(r.citizenId()).flatMap(c -> territory.districtName(r.districtUbigeo())
                        .map(district -> new Registration(r.id(), r.cycleYear(), fileNumber(r.cycleYear(), r.id()),
                                r.status(), c.documentType(), r.documentNumber(), c.fullName(), c.email(),
                                r.organization(), district, r.rejectionReason(), r.processInstanceId()))));
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

    /** What an agent registration says of a person: sex, birth date and province. */
    public record Profile(String sex, java.time.LocalDate birthDate, String provinceCode) {
    }

    /** The profile of the citizen's latest agent registration, if any. */
    public Optional<Profile> latestProfile(long citizenId) {
        return jdbc.sql("""
                SELECT sex, birth_date, province_code FROM agent_registration WHERE citizen_id = ?
                ORDER BY cycle_year DESC, id DESC""").param(citizenId)
                .query((rs, i) -> new Profile(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3)))
                .list().stream().findFirst();
    }

    /**
     * The e-mail of each agent registered in the cycle among these document numbers (those without an account or
     * an e-mail left out): two queries whatever their number.
     */
    public Map<String, String> emailsOfRegistered(int cycleYear, java.util.Collection<String> documents) {
        Map<String, Long> citizenOf = new HashMap<>();
        if (documents.isEmpty()) {
            return Map.of();
        }
        java.util.List<String> all = java.util.List.copyOf(new java.util.LinkedHashSet<>(documents));
        for (int i = 0; i < all.size(); i += 1000) {
            jdbc.sql("SELECT document_number, citizen_id FROM agent_registration WHERE cycle_year = :year "
                            + "AND document_number IN (:documents)")
                    .param("year", cycleYear).param("documents", all.subList(i, Math.min(all.size(), i + 1000)))
                    .query((rs, n) -> citizenOf.put(rs.getString(1), rs.getLong(2))).list();
        }
        Map<Long, CitizenAccounts.Citizen> people = citizens.byIds(citizenOf.values());
        Map<String, String> emails = new HashMap<>();
        citizenOf.forEach((document, id) -> {
            CitizenAccounts.Citizen c = people.get(id);
            if (c != null && c.email() != null) {
                emails.put(document, c.email());
            }
        });
        return emails;
    }
}
