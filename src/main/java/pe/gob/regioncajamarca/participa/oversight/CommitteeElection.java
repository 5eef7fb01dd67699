package pe.gob.regioncajamarca.participa.oversight;

import pe.gob.regioncajamarca.participa.calendar.Now;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.gob.regioncajamarca.participa.accreditation.AccreditationService;
import pe.gob.regioncajamarca.participa.accreditation.AccreditationService.AccreditedAgent;
import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.identity.StaffGroups;
import pe.gob.regioncajamarca.participa.notification.Notifications;

/**
 * The election of the Comité de Vigilancia at the end of a cycle, from the cycle's accredited agents. The
 * planning office records the assembly's result once (date, place, agents present, members with their role,
 * votes received and the provinces whose projects each one watches). Each member gets a staff account in
 * {@code oversight-committee} with a temporary password shown once to the planning office, and a notice by
 * e-mail. Everything is one transaction: the election, the members and the Camunda accounts, or nothing.
 */
@Service
public class CommitteeElection implements pe.gob.regioncajamarca.participa.cycle.CommitteeRecord {

    public static final int MIN_MEMBERS = 3;
    public static final int MAX_MEMBERS = 15;
    public static final List<String> ROLES = List.of("PRESIDENTE", "SECRETARIO", "MIEMBRO");

    private final JdbcClient jdbc;
    private final CycleService cycles;
    private final AccreditationService accreditation;
    private final IdentityService identity;
    private final Notifications notifications;
    private final DueDates dueDates;
    private final SecureRandom random = new SecureRandom();

    public CommitteeElection(JdbcClient jdbc, CycleService cycles, AccreditationService accreditation,
                             IdentityService identity, Notifications notifications, DueDates dueDates) {
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.accreditation = accreditation;
        this.identity = identity;
        this.notifications = notifications;
        this.dueDates = dueDates;
    }

    /** One elected member as typed in from the assembly's minutes. */
    public record Candidate(long registrationId, String role, int votesReceived, Set<String> scopes) {
    }

    public record Assembly(LocalDate heldOn, String place, int agentsPresent, String notes) {
    }

    /** A member with the account created for them (the password only right after the election). */
    public record Member(long registrationId, String fullName, String organization, String role, int votesReceived,
                         List<String> scopes, String staffUserId, String temporaryPassword) {
    }

    public record Election(int year, LocalDate heldOn, String place, int agentsPresent, String notes,
                           String recordedBy, List<Member> members) {
    }

    public static class ElectionRefused extends pe.gob.regioncajamarca.participa.shared.Refused {
        public ElectionRefused(List<String> errors) {
            super(errors);
        }
    }

    @Override
    public boolean held(int year) {
        return jdbc.sql("SELECT COUNT(*) FROM committee_election WHERE cycle_year = ?").param(year)
                .query(Integer.class).single() > 0;
    }

    @Transactional
    public Election record(int year, Assembly assembly, List<Candidate> candidates, String staffUser) {
        Cycle cycle = cycles.find(year).orElseThrow(() -> new ElectionRefused(List.of("No existe el ciclo " + year + ".")));
        List<String> errors = new ArrayList<>();
        if (cycle.phase() != CyclePhase.FORMALIZACION) {
            throw new ElectionRefused(List.of("El Comité de Vigilancia se elige en la fase de formalización."));
        }
        if (held(year)) {
            throw new ElectionRefused(List.of("El Comité de Vigilancia del ciclo " + year + " ya fue elegido."));
        }
        if (assembly.heldOn() == null || assembly.heldOn().isAfter(dueDates.today())) {
            errors.add("Indique la fecha de la asamblea de elección (no posterior a hoy).");
        }
        String place = assembly.place() == null ? "" : assembly.place().strip();
        if (place.length() < 3 || place.length() > 200) {
            errors.add("Indique el lugar de la asamblea (de 3 a 200 caracteres).");
        }
        Map<Long, AccreditedAgent> agents = new LinkedHashMap<>();
        accreditation.accreditedAgents(year).forEach(a -> agents.put(a.registrationId(), a));
        if (assembly.agentsPresent() < 1 || assembly.agentsPresent() > agents.size()) {
            errors.add("El número de agentes presentes debe estar entre 1 y " + agents.size()
                    + " (los acreditados del ciclo).");
        }
        if (assembly.notes() != null && assembly.notes().length() > 2000) {
            errors.add("Las observaciones no pueden pasar de 2000 caracteres.");
        }
        if (candidates.size() < MIN_MEMBERS || candidates.size() > MAX_MEMBERS) {
            errors.add("El comité tiene de " + MIN_MEMBERS + " a " + MAX_MEMBERS + " miembros; se indicaron "
                    + candidates.size() + ".");
        }
        Set<Long> seen = new HashSet<>();
        int presidents = 0;
        for (Candidate c : candidates) {
            AccreditedAgent agent = agents.get(c.registrationId());
            String who = agent == null ? "La inscripción " + c.registrationId() : agent.fullName();
            if (agent == null) {
                errors.add(who + " no es un agente acreditado del ciclo " + year + ".");
            }
            if (!seen.add(c.registrationId())) {
                errors.add(who + " figura dos veces.");
            }
            if (!ROLES.contains(c.role())) {
                errors.add(who + ": indique el cargo.");
            } else if (c.role().equals("PRESIDENTE")) {
                presidents++;
            }
            if (c.votesReceived() < 0 || c.votesReceived() > assembly.agentsPresent()) {
                errors.add(who + ": los votos recibidos deben estar entre 0 y el número de agentes presentes.");
            }
            if (c.scopes().isEmpty() || !Scopes.ALL.containsAll(c.scopes())) {
                errors.add(who + ": elija al menos una provincia (o el ámbito multiprovincial) que vigilará.");
            }
        }
        if (presidents != 1 && candidates.size() >= MIN_MEMBERS) {
            errors.add("El comité tiene un presidente; se indicaron " + presidents + ".");
        }
        if (!errors.isEmpty()) {
            throw new ElectionRefused(errors);
        }
        jdbc.sql("""
                INSERT INTO committee_election (cycle_year, held_on, place, agents_present, notes, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(year, assembly.heldOn(), place, assembly.agentsPresent(),
                        assembly.notes() == null || assembly.notes().isBlank() ? null : assembly.notes().strip(),
                        staffUser, Now.timestamp()).update();
        List<Member> members = new ArrayList<>();
        for (Candidate c : candidates) {
            AccreditedAgent agent = agents.get(c.registrationId());
            String userId = "cv" + year + "-" + c.registrationId();
            String password = temporaryPassword();
            User user = identity.newUser(userId);
            user.setFirstName(agent.givenNames());
            user.setLastName(agent.surnames());
            user.setEmail(agent.email());
            user.setPassword(password);
            identity.saveUser(user);
            identity.createMembership(userId, StaffGroups.OVERSIGHT_COMMITTEE);
            jdbc.sql("""
                    INSERT INTO committee_member (cycle_year, registration_id, role, votes_received, staff_user_id)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(year, c.registrationId(), c.role(), c.votesReceived(), userId).update();
            List<String> scopes = Scopes.ALL.stream().filter(c.scopes()::contains).toList();
            for (String scope : scopes) {
                jdbc.sql("INSERT INTO committee_member_scope (cycle_year, registration_id, scope) VALUES (?, ?, ?)")
                        .params(year, c.registrationId(), scope).update();
            }
            notifications.send("comite-" + year + "-" + c.registrationId(), agent.email(),
                    "Fue elegido para el Comité de Vigilancia del presupuesto participativo " + year, "comite-elegido",
                    Map.of("name", agent.fullName(), "heldOn", assembly.heldOn().format(
                                    java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                            "role", c.role().toLowerCase(), "year", year, "scopes", String.join(", ", scopes),
                            "userId", userId));
            members.add(new Member(c.registrationId(), agent.fullName(), agent.organization(), c.role(),
                    c.votesReceived(), scopes, userId, password));
        }
        return new Election(year, assembly.heldOn(), place, assembly.agentsPresent(), assembly.notes(), staffUser,
                members);
    }

    /** The recorded election of a cycle, without passwords. */
    public Optional<Election> of(int year) {
        return jdbc.sql("SELECT * FROM committee_election WHERE cycle_year = ?").param(year)
                .query((rs, i) -> new Election(year, rs.getObject("held_on", LocalDate.class), rs.getString("place"),
                        rs.getInt("agents_present"), rs.getString("notes"), rs.getString("recorded_by"), members(year)))
                .optional();
    }

    private List<Member> members(int year) {
        // the members' agents only (the results page and the committee's pages show them; a cycle has thousands)
        List<Long> memberIds = jdbc.sql("SELECT registration_id FROM committee_member WHERE cycle_year = ?")
                .param(year).query(Long.class).list();
        Map<Long, AccreditedAgent> agents = new LinkedHashMap<>();
        accreditation.accreditedAgents(year, memberIds).forEach(a -> agents.put(a.registrationId(), a));
        // read before the members' query: no query inside a row mapper (it would hold two pooled connections)
        Map<Long, List<String>> scopesOf = new java.util.HashMap<>();
        jdbc.sql("SELECT registration_id, scope FROM committee_member_scope WHERE cycle_year = ?").param(year)
                .query((rs, i) -> scopesOf.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                        .add(rs.getString(2))).list();
        return jdbc.sql("""
                SELECT registration_id, role, votes_received, staff_user_id FROM committee_member WHERE cycle_year = ?
                ORDER BY CASE role WHEN 'PRESIDENTE' THEN 0 WHEN 'SECRETARIO' THEN 1 ELSE 2 END, votes_received DESC""")
                .param(year)
                .query((rs, i) -> {
                    long id = rs.getLong(1);
                    AccreditedAgent a = agents.get(id);
                    List<String> scopes = scopesOf.getOrDefault(id, List.of());
                    return new Member(id, a == null ? "—" : a.fullName(), a == null ? null : a.organization(),
                            rs.getString(2), rs.getInt(3),
                            Scopes.ALL.stream().filter(scopes::contains).toList(), rs.getString(4), null);
                })
                .list();
    }

    /** The scopes whose projects a committee member watches (all cycles where they were elected). */
    public List<String> scopesWatchedBy(String staffUserId) {
        return jdbc.sql("""
                SELECT DISTINCT s.scope FROM committee_member m
                JOIN committee_member_scope s ON s.cycle_year = m.cycle_year AND s.registration_id = m.registration_id
                WHERE m.staff_user_id = ?""").param(staffUserId).query(String.class).list();
    }

    private String temporaryPassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
