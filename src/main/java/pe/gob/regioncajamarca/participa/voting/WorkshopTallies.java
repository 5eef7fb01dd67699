package pe.gob.regioncajamarca.participa.voting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.cycle.Scopes;
import pe.gob.regioncajamarca.participa.ledger.Ledger;
import pe.gob.regioncajamarca.participa.ledger.LedgerKinds;

/**
 * Votes of provincial workshops, for agents without a connection. Each workshop's tally sheet is typed in
 * twice, by two different staff users, without seeing each other's figures; the tally counts only once two
 * entries by different people match project by project. A mismatch names the projects that differ so that a
 * third person checks the paper sheet; any later entry that matches an earlier one by someone else confirms
 * the tally. Confirmed tallies are added to the online votes when the voting closes, and the vote summary
 * shows both apart.
 */
@Service
public class WorkshopTallies {

    public static final int MAX_VOTES_PER_PROJECT = 100_000;

    private final JdbcClient jdbc;
    private final CycleService cycles;
    private final DueDates dueDates;
    private final Ledger ledger;

    public WorkshopTallies(JdbcClient jdbc, CycleService cycles, DueDates dueDates, Ledger ledger) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.dueDates = dueDates;
    }

    public record Workshop(long id, String scope, String name, LocalDate heldOn, String status,
                           List<String> enteredBy) {
        public boolean confirmed() {
            return "CONFIRMADO".equals(status);
        }
    }

    public record Project(long id, String cui, String name) {
    }

    /** What happened to an entry: the tally's status and, when two entries differ, the CUIs that differ. */
    public record Outcome(String status, List<String> differingCuis) {
        public boolean confirmed() {
            return "CONFIRMADO".equals(status);
        }
    }

    public static class TallyRefused extends RuntimeException {
        private final List<String> errors;

        public TallyRefused(List<String> errors) {
            super(String.join(" ", errors));
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }
    }

    public List<Workshop> of(int year) {
        return jdbc.sql("SELECT id, scope, name, held_on, status FROM workshop_tally WHERE cycle_year = ? "
                        + "ORDER BY scope, held_on, name")
                .param(year)
                .query((rs, i) -> new Workshop(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), enteredBy(rs.getLong(1))))
                .list();
    }

    private List<String> enteredBy(long tallyId) {
        return jdbc.sql("SELECT entered_by FROM workshop_tally_entry WHERE tally_id = ? ORDER BY entry_no")
                .param(tallyId).query(String.class).list();
    }

    /** The projects a workshop of a scope votes on, in CUI order. */
    public List<Project> projects(int year, String scope) {
        return jdbc.sql("SELECT id, cui, name FROM project WHERE cycle_year = ? AND scope = ? ORDER BY cui")
                .params(year, scope).query((rs, i) -> new Project(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /**
     * Records one typing of a workshop's tally sheet. {@code votes} holds the typed figure per project id
     * (null where the field was left empty). Refused whole, storing nothing, with every problem listed.
     */
    @Transactional
    public Outcome enter(int year, String scope, String name, LocalDate heldOn, Map<Long, Integer> votes,
                         String staffUser) {
        List<String> errors = new ArrayList<>();
        Cycle cycle = cycles.find(year).orElseThrow(() -> new TallyRefused(List.of("No existe el ciclo " + year + ".")));
        if (cycle.phase() != CyclePhase.VOTACION
                || cycle.window(CyclePhase.VOTACION).filter(w -> w.closedEarlyAt() != null).isPresent()) {
            throw new TallyRefused(List.of("Las actas de taller se registran mientras la votación está abierta."));
        }
        if (!Scopes.isValid(scope)) {
            errors.add("Elija el ámbito (provincia) del taller.");
        }
        String workshop = name == null ? "" : name.strip();
        if (workshop.length() < 3 || workshop.length() > 200) {
            errors.add("Escriba el nombre del taller (de 3 a 200 caracteres), tal como figura en el acta.");
        }
        if (heldOn == null) {
            errors.add("Indique la fecha del taller.");
        } else if (heldOn.isAfter(dueDates.today())) {
            errors.add("La fecha del taller no puede ser posterior a hoy.");
        }
        List<Project> projects = Scopes.isValid(scope) ? projects(year, scope) : List.of();
        Map<Long, Integer> sheet = new TreeMap<>();
        for (Project p : projects) {
            Integer v = votes.get(p.id());
            if (v == null) {
                errors.add("Proyecto " + p.cui() + ": escriba los votos del acta (0 si no tuvo).");
            } else if (v < 0 || v > MAX_VOTES_PER_PROJECT) {
                errors.add("Proyecto " + p.cui() + ": los votos deben estar entre 0 y " + MAX_VOTES_PER_PROJECT + ".");
            } else {
                sheet.put(p.id(), v);
            }
        }
        for (Long id : votes.keySet()) {
            if (projects.stream().noneMatch(p -> p.id() == id)) {
                errors.add("El proyecto " + id + " no pertenece al ámbito del taller.");
            }
        }
        if (!errors.isEmpty()) {
            throw new TallyRefused(errors);
        }
        // serialise the entries of a cycle's workshops (two staff typing the same sheet at once)
        jdbc.sql("SELECT cycle_year FROM cycle WHERE cycle_year = ? FOR UPDATE").param(year).query(Integer.class).single();
        long tallyId = tallyFor(year, scope, workshop, heldOn);
        String status = jdbc.sql("SELECT status FROM workshop_tally WHERE id = ?").param(tallyId)
                .query(String.class).single();
        LocalDate firstDate = jdbc.sql("SELECT held_on FROM workshop_tally WHERE id = ?").param(tallyId)
                .query((rs, i) -> rs.getObject(1, LocalDate.class)).single();
        if ("CONFIRMADO".equals(status)) {
            throw new TallyRefused(List.of("El acta de este taller ya fue confirmada con dos digitaciones iguales."));
        }
        if (!heldOn.equals(firstDate)) {
            throw new TallyRefused(List.of("La fecha no coincide con la de la primera digitación de este taller; "
                    + "revise el acta."));
        }
        Map<Long, Map<Long, Integer>> earlier = new LinkedHashMap<>();
        Map<Long, String> earlierBy = new LinkedHashMap<>();
        jdbc.sql("SELECT id, entered_by FROM workshop_tally_entry WHERE tally_id = ? ORDER BY entry_no")
                .param(tallyId).query((rs, i) -> earlierBy.put(rs.getLong(1), rs.getString(2))).list();
        if (earlierBy.containsValue(staffUser)) {
            throw new TallyRefused(List.of("Usted ya digitó el acta de este taller: la siguiente digitación debe "
                    + "hacerla otra persona."));
        }
        for (Long entryId : earlierBy.keySet()) {
            Map<Long, Integer> lines = new TreeMap<>();
            jdbc.sql("SELECT project_id, votes FROM workshop_tally_line WHERE entry_id = ?").param(entryId)
                    .query((rs, i) -> lines.put(rs.getLong(1), rs.getInt(2))).list();
            earlier.put(entryId, lines);
        }
        long entryId = insertEntry(tallyId, earlierBy.size() + 1, staffUser, sheet);
        for (Map.Entry<Long, Map<Long, Integer>> e : earlier.entrySet()) {
            if (e.getValue().equals(sheet)) {
                jdbc.sql("UPDATE workshop_tally_entry SET counted = TRUE WHERE id = ?").param(entryId).update();
                jdbc.sql("UPDATE workshop_tally SET status = 'CONFIRMADO', confirmed_at = ? WHERE id = ?")
                        .params(Timestamp.from(Instant.now()), tallyId).update();
                Map<String, Object> byCui = new TreeMap<>();
                projects.forEach(p -> byCui.put(p.cui(), sheet.get(p.id())));
                ledger.append(LedgerKinds.WORKSHOP_TALLY, year, scope + " / " + workshop, Ledger.fields("ambito", scope,
                        "taller", workshop, "fecha", heldOn, "votos", byCui, "digitadoPor",
                        List.of(earlierBy.get(e.getKey()), staffUser)));
                return new Outcome("CONFIRMADO", List.of());
            }
        }
        if (earlier.isEmpty()) {
            return new Outcome("PENDIENTE", List.of());
        }
        Map<Long, Integer> last = new ArrayList<>(earlier.values()).get(earlier.size() - 1);
        List<String> differing = projects.stream()
                .filter(p -> !Objects.equals(last.get(p.id()), sheet.get(p.id()))).map(Project::cui).toList();
        jdbc.sql("UPDATE workshop_tally SET status = 'DISCREPANTE' WHERE id = ?").param(tallyId).update();
        return new Outcome("DISCREPANTE", differing);
    }

    private long tallyFor(int year, String scope, String name, LocalDate heldOn) {
        return jdbc.sql("SELECT id FROM workshop_tally WHERE cycle_year = ? AND scope = ? AND name = ?")
                .params(year, scope, name).query(Long.class).optional().orElseGet(() -> {
                    jdbc.sql("INSERT INTO workshop_tally (cycle_year, scope, name, held_on, status, created_at) "
                                    + "VALUES (?, ?, ?, ?, 'PENDIENTE', ?)")
                            .params(year, scope, name, heldOn, Timestamp.from(Instant.now())).update();
                    return jdbc.sql("SELECT id FROM workshop_tally WHERE cycle_year = ? AND scope = ? AND name = ?")
                            .params(year, scope, name).query(Long.class).single();
                });
    }

    private long insertEntry(long tallyId, int entryNo, String staffUser, Map<Long, Integer> sheet) {
        jdbc.sql("INSERT INTO workshop_tally_entry (tally_id, entry_no, entered_by, entered_at) VALUES (?, ?, ?, ?)")
                .params(tallyId, entryNo, staffUser, Timestamp.from(Instant.now())).update();
        long entryId = jdbc.sql("SELECT id FROM workshop_tally_entry WHERE tally_id = ? AND entry_no = ?")
                .params(tallyId, entryNo).query(Long.class).single();
        sheet.forEach((projectId, v) -> jdbc.sql(
                        "INSERT INTO workshop_tally_line (entry_id, project_id, votes) VALUES (?, ?, ?)")
                .params(entryId, projectId, v).update());
        return entryId;
    }

    /** Workshop votes per project id: the counted entry of each confirmed tally. */
    public Map<Long, Integer> confirmedVotes(int year) {
        Map<Long, Integer> votes = new TreeMap<>();
        jdbc.sql("""
                SELECT l.project_id, SUM(l.votes)
                FROM workshop_tally t
                JOIN workshop_tally_entry e ON e.tally_id = t.id AND e.counted = TRUE
                JOIN workshop_tally_line l ON l.entry_id = e.id
                WHERE t.cycle_year = ? AND t.status = 'CONFIRMADO'
                GROUP BY l.project_id""").param(year)
                .query((rs, i) -> votes.put(rs.getLong(1), rs.getInt(2))).list();
        return votes;
    }
}
