package pe.gob.regioncajamarca.participa.voting;

import pe.gob.regioncajamarca.participa.calendar.Now;
import pe.gob.regioncajamarca.participa.projects.Projects;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import pe.gob.regioncajamarca.participa.ledger.LedgerPayload;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import pe.gob.regioncajamarca.participa.accreditation.AccreditationService;
import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.ledger.Ledger;
import pe.gob.regioncajamarca.participa.ledger.LedgerKinds;

/**
 * Paper ballots of the in-person workshops. Each ballot (a numbered sheet with the agent's document number and the
 * projects marked) is entered twice, by two different staff users; it counts when two entries of the same sheet by
 * different people carry the same document number and the same set of projects. Counting it creates the agent's
 * ballot with channel {@link Ballots#PAPER} and its votes, in the same tables as online votes: the database keeps
 * one ballot per agent and cycle, the allowance, one vote per project and one channel per ballot (V38), so a
 * double click, two staff users at once or an agent voting online meanwhile never count twice.
 *
 * <p>Sheets whose entries never matched when the voting closes do not count: {@link #closeUnmatched(int)} marks
 * them {@code NO_CONTADA}; the workshop page lists them to the planning office and the vote summary says how many.
 */
@Service
public class PaperBallots {

    private final JdbcClient jdbc;
    private final CycleService cycles;
    private final AccreditationService accreditation;
    private final Ballots ballots;
    private final Workshops workshops;
    private final DueDates dueDates;
    private final Ledger ledger;
    private final TransactionTemplate tx;

    private final Projects projects;

    public PaperBallots(JdbcClient jdbc, CycleService cycles, AccreditationService accreditation, Ballots ballots,
                        Workshops workshops, DueDates dueDates, Ledger ledger, PlatformTransactionManager transactions, Projects projects) {
        this.projects = projects;
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.accreditation = accreditation;
        this.ballots = ballots;
        this.workshops = workshops;
        this.dueDates = dueDates;
        this.ledger = ledger;
        this.tx = new TransactionTemplate(transactions);
    }

    /** SQL: the entry {@code e}'s sheet has no counted ballot. */
    static final String SHEET_NOT_COUNTED =
            " AND NOT EXISTS (SELECT 1 FROM ballot b WHERE b.workshop_id = e.workshop_id AND b.sheet_no = e.sheet_no)";

    public static final String COUNTED = "CONTADA";
    public static final String PENDING = "PENDIENTE";
    public static final String MISMATCH = "DISCREPANTE";
    public static final String NOT_COUNTED = "NO_CONTADA";

    /** What became of an entry: {@link #COUNTED}, {@link #PENDING} or {@link #MISMATCH} (with what differs). */
    public record Outcome(String status, List<String> differences) {
        public boolean counted() {
            return COUNTED.equals(status);
        }
    }

    /** One typing of a sheet. */
    public record Entry(long id, long workshopId, String sheetNo, String documentNumber, String enteredBy,
                        Instant enteredAt, String status, List<String> cuis) {
    }

    /** A sheet that has entries but no counted ballot: the entries, and where it comes from. */
    public record Sheet(Workshops.Workshop workshop, String sheetNo, List<Entry> entries) {
    }

    /**
     * Records one entry of a paper ballot. {@code cuis}: the CUIs typed, as typed (a repeated one is an error).
     * Refused whole ({@link Workshops.Refused}, every problem in Spanish, nothing stored) when anything is wrong,
     * when the agent already voted on any channel, or when the same person already entered this sheet.
     */
    public Outcome enter(int year, long workshopId, String sheetNo, String documentNumber, Collection<String> cuis,
                         String staffUser) {
        Cycle cycle = cycles.find(year).orElseThrow(() -> refused("No existe el ciclo " + year + "."));
        Workshops.Workshop workshop = workshops.find(workshopId).filter(w -> w.year() == year)
                .orElseThrow(() -> refused("El taller elegido no es de la votación del ciclo " + year + "."));
        LocalDate today = dueDates.today();
        Optional<Cycle.PhaseWindow> window = cycle.window(CyclePhase.VOTACION);
        if (cycle.phase() != CyclePhase.VOTACION || window.filter(w -> w.closedEarlyAt() != null).isPresent()
                || window.filter(w -> today.isAfter(w.closesOn())).isPresent()) {
            throw refused("La votación del ciclo " + year + " está cerrada: las cédulas en papel se registran "
                    + "mientras está abierta.");
        }
        if (workshop.heldOn().isAfter(today)) {
            throw refused("El taller de " + workshop.venue() + " es el " + workshop.heldOn()
                    + ": sus cédulas se registran desde ese día.");
        }
        List<String> errors = new ArrayList<>();
        String sheet = sheetNo == null ? "" : sheetNo.strip();
        if (!sheet.matches("[0-9A-Za-z-]{1,20}")) {
            errors.add("Escriba el número de la cédula tal como está impreso (hasta 20 letras, cifras o guiones).");
        }
        String dni = documentNumber == null ? "" : documentNumber.strip();
        boolean dniOk = dni.matches("\\d{8}");
        if (!dniOk) {
            errors.add("Escriba el DNI del agente tal como figura en la cédula: 8 cifras.");
        }
        List<String> typed = cuis == null ? List.of() : cuis.stream().map(String::strip).filter(c -> !c.isEmpty())
                .toList();
        Set<String> chosen = new LinkedHashSet<>();
        for (String c : typed) {
            if (!c.matches("\\d{1,7}")) {
                errors.add("«" + c + "» no es un CUI (hasta 7 cifras).");
            } else if (!chosen.add(c)) {
                errors.add("El CUI " + c + " está escrito dos veces: cada agente da como máximo un voto por proyecto.");
            }
        }
        if (typed.isEmpty()) {
            errors.add("Escriba el CUI de cada proyecto marcado en la cédula (una cédula sin proyectos no se registra).");
        }
        Map<String, Long> projectIds = projectsOf(year, chosen);
        chosen.stream().filter(c -> c.matches("\\d{1,7}") && !projectIds.containsKey(c))
                .forEach(c -> errors.add("El CUI " + c + " no es un proyecto del ciclo " + year + "."));
        if (chosen.size() > cycle.votesPerAgent()) {
            errors.add("La cédula marca " + chosen.size() + " proyectos y cada agente tiene " + cycle.votesPerAgent()
                    + " votos como máximo: no puede contarse así; revise la cédula.");
        }
        if (dniOk && !accreditation.isAccredited(year, dni)) {
            errors.add("El DNI " + dni + " no es de un agente participante acreditado del ciclo " + year
                    + ": su cédula no puede contarse.");
        }
        if (dniOk) {
            alreadyVoted(year, dni, workshopId, sheet).ifPresent(errors::add);
        }
        if (!errors.isEmpty()) {
            throw new Workshops.Refused(errors);
        }
        try {
            return tx.execute(s -> enterLocked(cycle, workshop, sheet, dni, new TreeSet<>(chosen), projectIds,
                    staffUser));
        } catch (DataIntegrityViolationException e) {
            if (!VotingService.isUniqueViolation(e)) {
                throw e;
            }
            // a concurrent write won (the transaction is rolled back, nothing of this entry is stored): say which
            throw refused(whyTaken(year, workshopId, sheet, dni, staffUser));
        }
    }

    private Outcome enterLocked(Cycle cycle, Workshops.Workshop workshop, String sheet, String dni, Set<String> cuis,
                                Map<String, Long> projectIds, String staffUser) {
        int year = cycle.year();
        // one sheet's entries are compared one at a time: the workshop's row is the lock
        jdbc.sql("SELECT id FROM workshop WHERE id = ? FOR UPDATE").param(workshop.id()).query(Long.class).single();
        if (sheetCounted(workshop.id(), sheet)) {
            throw refused(counted(sheet));
        }
        List<Entry> earlier = entriesOf(workshop.id(), sheet);
        if (earlier.stream().anyMatch(e -> e.enteredBy().equals(staffUser))) {
            throw refused(sameUser(sheet));
        }
        long entryId = insertEntry(workshop.id(), sheet, dni, cuis, projectIds, staffUser);
        Optional<Entry> match = earlier.stream()
                .filter(e -> e.documentNumber().equals(dni) && new TreeSet<>(e.cuis()).equals(cuis)).findFirst();
        if (match.isPresent()) {
            // the ballot: its primary key (one per agent and cycle) and UNIQUE (workshop_id, sheet_no) refuse a
            // second one, whoever inserts it and on whatever channel
            jdbc.sql("INSERT INTO ballot (cycle_year, document_number, votes_left, created_at, channel, workshop_id, "
                            + "sheet_no) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(year, dni, cycle.votesPerAgent() - cuis.size(), Now.timestamp(),
                            Ballots.PAPER, workshop.id(), sheet).update();
            for (String cui : cuis) {
                jdbc.sql("INSERT INTO vote (cycle_year, document_number, project_id, cast_at, channel) "
                                + "VALUES (?, ?, ?, ?, ?)")
                        .params(year, dni, projectIds.get(cui), Now.timestamp(), Ballots.PAPER).update();
            }
            jdbc.sql("UPDATE paper_ballot_entry SET status = ? WHERE id IN (?, ?)")
                    .params(COUNTED, entryId, match.get().id()).update();
            ledger.append(year, "taller " + workshop.id() + " / cédula " + sheet,
                    new LedgerPayload.PaperBallot(ledger.pseudonym(dni), workshop.id(), workshop.scope(),
                            workshop.heldOn(), sheet, List.copyOf(cuis), List.of(match.get().enteredBy(), staffUser)));
            return new Outcome(COUNTED, List.of());
        }
        if (earlier.isEmpty()) {
            return new Outcome(PENDING, List.of());
        }
        jdbc.sql("UPDATE paper_ballot_entry SET status = ? WHERE workshop_id = ? AND sheet_no = ?")
                .params(MISMATCH, workshop.id(), sheet).update();
        return new Outcome(MISMATCH, differences(earlier.get(earlier.size() - 1), dni, cuis));
    }

    /** What differs between an earlier entry and this one, in Spanish. */
    static List<String> differences(Entry earlier, String dni, Set<String> cuis) {
        List<String> out = new ArrayList<>();
        if (!earlier.documentNumber().equals(dni)) {
            out.add("DNI: " + earlier.documentNumber() + " en la digitación de " + earlier.enteredBy() + ", " + dni
                    + " en esta.");
        }
        Set<String> onlyEarlier = new TreeSet<>(earlier.cuis());
        onlyEarlier.removeAll(cuis);
        Set<String> onlyThis = new TreeSet<>(cuis);
        onlyThis.removeAll(earlier.cuis());
        if (!onlyEarlier.isEmpty()) {
            out.add("Proyectos solo en la digitación de " + earlier.enteredBy() + ": " + String.join(", ", onlyEarlier)
                    + ".");
        }
        if (!onlyThis.isEmpty()) {
            out.add("Proyectos solo en esta digitación: " + String.join(", ", onlyThis) + ".");
        }
        return out;
    }

    private long insertEntry(long workshopId, String sheet, String dni, Set<String> cuis, Map<String, Long> projectIds,
                             String staffUser) {
        jdbc.sql("INSERT INTO paper_ballot_entry (workshop_id, sheet_no, document_number, entered_by, entered_at, "
                        + "status) VALUES (?, ?, ?, ?, ?, ?)")
                .params(workshopId, sheet, dni, staffUser, Now.timestamp(), PENDING).update();
        long id = jdbc.sql("SELECT id FROM paper_ballot_entry WHERE workshop_id = ? AND sheet_no = ? AND entered_by = ?")
                .params(workshopId, sheet, staffUser).query(Long.class).single();
        for (String cui : cuis) {
            jdbc.sql("INSERT INTO paper_ballot_choice (entry_id, project_id) VALUES (?, ?)")
                    .params(id, projectIds.get(cui)).update();
        }
        return id;
    }

    private Optional<String> alreadyVoted(int year, String dni, long workshopId, String sheet) {
        return jdbc.sql("""
                SELECT b.channel, w.venue, b.sheet_no, b.workshop_id FROM ballot b LEFT JOIN workshop w ON w.id = b.workshop_id
                WHERE b.cycle_year = ? AND b.document_number = ?""").params(year, dni)
                .query((rs, i) -> Ballots.PAPER.equals(rs.getString(1)) && rs.getLong(4) == workshopId
                        && sheet.equals(rs.getString(3)) ? counted(sheet)
                        : Ballots.PAPER.equals(rs.getString(1))
                        ? "El agente con DNI " + dni + " ya votó en papel (cédula " + rs.getString(3) + " del taller de "
                        + rs.getString(2) + "): cada agente vota una sola vez; esta cédula no cuenta."
                        : "El agente con DNI " + dni + " ya votó en línea: cada agente vota una sola vez, en línea o "
                        + "en papel; esta cédula no cuenta.")
                .optional();
    }

    private String whyTaken(int year, long workshopId, String sheet, String dni, String staffUser) {
        if (sheetCounted(workshopId, sheet)) {
            return counted(sheet);
        }
        Optional<String> voted = alreadyVoted(year, dni, workshopId, sheet);
        if (voted.isPresent()) {
            return voted.get();
        }
        if (entriesOf(workshopId, sheet).stream().anyMatch(e -> e.enteredBy().equals(staffUser))) {
            return sameUser(sheet);
        }
        return "Otra persona guardó esta cédula en el mismo momento; revise la lista del taller y vuelva a intentarlo.";
    }

    private static String counted(String sheet) {
        return "La cédula " + sheet + " de este taller ya fue contada (dos digitaciones coincidentes).";
    }

    private static String sameUser(String sheet) {
        return "Usted ya digitó la cédula " + sheet + " de este taller: la otra digitación debe hacerla otra persona.";
    }

    private boolean sheetCounted(long workshopId, String sheet) {
        return jdbc.sql("SELECT COUNT(*) FROM ballot WHERE workshop_id = ? AND sheet_no = ?").params(workshopId, sheet)
                .query(Integer.class).single() > 0;
    }

    private Map<String, Long> projectsOf(int year, Set<String> cuis) {
        Map<String, Long> ids = new LinkedHashMap<>();
        List<String> valid = cuis.stream().filter(c -> c.matches("\\d{1,7}")).toList();
        if (valid.isEmpty()) {
            return ids;
        }
        projects.byCuis(year, valid).forEach((cui, p) -> ids.put(cui, p.id()));
        return ids;
    }

    /** The entries of one sheet, oldest first. */
    public List<Entry> entriesOf(long workshopId, String sheet) {
        return entries("e.workshop_id = ? AND e.sheet_no = ?", workshopId, sheet);
    }

    private List<Entry> entries(String where, Object... params) {
        Map<Long, Entry> byId = new LinkedHashMap<>();
        jdbc.sql("SELECT e.id, e.workshop_id, e.sheet_no, e.document_number, e.entered_by, e.entered_at, e.status "
                        + "FROM paper_ballot_entry e WHERE " + where + " ORDER BY e.id").params(params)
                .query((rs, i) -> byId.put(rs.getLong(1), new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
                        new ArrayList<>()))).list();
        if (!byId.isEmpty()) {
            record Choice(long entryId, long projectId) {
            }
            List<Choice> choices = jdbc.sql("SELECT c.entry_id, c.project_id FROM paper_ballot_choice c "
                            + "WHERE c.entry_id IN (:ids)").param("ids", List.copyOf(byId.keySet()))
                    .query((rs, i) -> new Choice(rs.getLong(1), rs.getLong(2))).list();
            Map<Long, Projects.Project> chosen = projects.byIds(choices.stream().map(Choice::projectId).toList());
            choices.stream().filter(c -> chosen.containsKey(c.projectId()))
                    .sorted(java.util.Comparator.comparing(c -> chosen.get(c.projectId()).cui()))
                    .forEach(c -> byId.get(c.entryId()).cuis().add(chosen.get(c.projectId()).cui()));
        }
        return List.copyOf(byId.values());
    }

    /**
     * The sheets of a cycle with entries but no counted ballot: waiting for a second entry or mismatched while the
     * voting is open, {@code NO_CONTADA} after its close. By workshop and sheet number.
     */
    public List<Sheet> unmatched(int year) {
        Map<Long, Workshops.Workshop> byId = new LinkedHashMap<>();
        workshops.of(year).forEach(w -> byId.put(w.id(), w));
        Map<String, Sheet> sheets = new LinkedHashMap<>();
        for (Entry e : entries("e.status <> 'CONTADA' AND e.workshop_id IN "
                + "(SELECT id FROM workshop WHERE cycle_year = ?)" + SHEET_NOT_COUNTED, year)) {
            sheets.computeIfAbsent(e.workshopId() + "/" + e.sheetNo(),
                    k -> new Sheet(byId.get(e.workshopId()), e.sheetNo(), new ArrayList<>())).entries().add(e);
        }
        return sheets.values().stream()
                .sorted(java.util.Comparator.comparing((Sheet s) -> s.workshop().heldOn())
                        .thenComparing(s -> s.workshop().id()).thenComparing(Sheet::sheetNo)).toList();
    }

    /** Counted paper ballots of a workshop (sheet numbers, in order). */
    public List<String> countedSheets(long workshopId) {
        return jdbc.sql("SELECT sheet_no FROM ballot WHERE workshop_id = ? ORDER BY sheet_no").param(workshopId)
                .query(String.class).list();
    }

    /**
     * At the close of voting: the entries of sheets that never matched do not count. They are marked
     * {@code NO_CONTADA} (kept, never deleted); returns the sheets as "province, date, venue: cédula N" for the
     * count's ledger entry.
     */
    public List<String> closeUnmatched(int year) {
        List<String> sheets = unmatched(year).stream().map(s -> Scopes.label(s.workshop().scope()) + ", "
                + s.workshop().heldOn() + ", " + s.workshop().venue() + ": cédula " + s.sheetNo()).toList();
        jdbc.sql("UPDATE paper_ballot_entry e SET status = ? WHERE e.status IN (?, ?) AND e.workshop_id IN "
                        + "(SELECT id FROM workshop WHERE cycle_year = ?)" + SHEET_NOT_COUNTED)
                .params(NOT_COUNTED, PENDING, MISMATCH, year).update();
        return sheets;
    }

    /** How many paper sheets of the cycle did not count at the close (entries that never matched). */
    public int notCountedAtClose(int year) {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT DISTINCT e.workshop_id, e.sheet_no FROM paper_ballot_entry e "
                        + "JOIN workshop w ON w.id = e.workshop_id WHERE w.cycle_year = ? AND e.status = ?) s")
                .params(year, NOT_COUNTED).query(Integer.class).single();
    }

    private static Workshops.Refused refused(String message) {
        return new Workshops.Refused(List.of(message));
    }

}
