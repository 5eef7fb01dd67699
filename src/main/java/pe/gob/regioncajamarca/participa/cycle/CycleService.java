package pe.gob.regioncajamarca.participa.cycle;

import pe.gob.regioncajamarca.participa.calendar.Now;
import pe.gob.regioncajamarca.participa.projects.Scopes;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import pe.gob.regioncajamarca.participa.ledger.LedgerPayload;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.gob.regioncajamarca.participa.ledger.Ledger;
import pe.gob.regioncajamarca.participa.ledger.LedgerKinds;

/** Cycles, their scopes, calendar and phase: the domain side of {@code participatory-budget-cycle}. */
@Service
public class CycleService {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final pe.gob.regioncajamarca.participa.projects.Projects projects;

    public CycleService(JdbcClient jdbc, Ledger ledger, ApplicationEventPublisher events,
                        pe.gob.regioncajamarca.participa.projects.Projects projects) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.events = events;
        this.projects = projects;
    }

    /**
     * Opens a cycle in phase PREPARACION. Idempotent for the same year and process instance (a retried
     * job opens nothing twice); a year that already has a cycle of another process is refused.
     */
    @Transactional
    public Cycle open(OpenCycleCommand cmd, String processInstanceId) {
        List<String> errors = cmd.validate();
        if (!errors.isEmpty()) {
            throw new CycleValidationException(errors);
        }
        Optional<Cycle> existing = find(cmd.year());
        if (existing.isPresent()) {
            if (processInstanceId != null && processInstanceId.equals(existing.get().processInstanceId())) {
                return existing.get();
            }
            throw new CycleValidationException(List.of("Ya existe un ciclo para el año " + cmd.year() + "."));
        }
        insert(cmd, CyclePhase.PREPARACION, processInstanceId);
        return find(cmd.year()).orElseThrow();
    }

    /** Stores a cycle of an earlier year, already formalised (history and demo data; no process). */
    @Transactional
    public void importFormalised(OpenCycleCommand cmd) {
        List<String> errors = cmd.validate();
        if (!errors.isEmpty()) {
            throw new CycleValidationException(errors);
        }
        if (find(cmd.year()).isEmpty()) {
            insert(cmd, CyclePhase.FORMALIZADO, null);
        }
    }

    private void insert(OpenCycleCommand cmd, CyclePhase phase, String processInstanceId) {
        Timestamp now = Now.timestamp();
        jdbc.sql("""
                INSERT INTO cycle (cycle_year, phase, envelope, votes_per_agent, process_instance_id,
                                   phase_changed_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(cmd.year(), phase.name(), cmd.envelope(), cmd.votesPerAgent(), processInstanceId, now, now)
                .update();
        for (String scope : Scopes.ALL) {
            jdbc.sql("INSERT INTO cycle_scope (cycle_year, scope, envelope) VALUES (?, ?, ?)")
                    .params(cmd.year(), scope, cmd.scopeEnvelopes().get(scope)).update();
        }
        java.util.SortedMap<String, String> calendar = new java.util.TreeMap<>();
        if (cmd.calendar() != null) {
            for (Cycle.PhaseWindow w : cmd.calendar()) {
                jdbc.sql("INSERT INTO cycle_window (cycle_year, phase, opens_on, closes_on) VALUES (?, ?, ?, ?)")
                        .params(cmd.year(), w.phase().name(), w.opensOn(), w.closesOn()).update();
                calendar.put(w.phase().name(), w.opensOn() + "/" + w.closesOn());
            }
        }
        java.util.SortedMap<String, java.math.BigDecimal> scopes = new java.util.TreeMap<>();
        Scopes.ALL.forEach(s -> scopes.put(s, cmd.scopeEnvelopes().get(s)));
        ledger.append(cmd.year(), "ciclo " + cmd.year(), new LedgerPayload.CycleOpened(phase.name(), cmd.envelope(),
                cmd.votesPerAgent(), scopes, calendar));
    }

    /** Moves a cycle to a phase, with an optional note (for example the reason of an early close). */
    @Transactional
    public void changePhase(int year, CyclePhase phase, String note) {
        int n = jdbc.sql("UPDATE cycle SET phase = ?, phase_changed_at = ?, phase_note = ? WHERE cycle_year = ?")
                .params(phase.name(), Now.timestamp(), note, year).update();
        if (n != 1) {
            throw new IllegalArgumentException("No existe el ciclo " + year);
        }
        ledger.append(year, "fase " + phase.name(), new LedgerPayload.PhaseChanged(phase.name(), note));
    }

    /**
     * Registers the prioritised projects of a cycle for quarterly monitoring (at formalisation): from today on
     * every monitoring round asks their executing units for progress. Idempotent; returns how many were added.
     */
    @Transactional
    public int registerForMonitoring(int year) {
        return projects.registerForMonitoring(year, Now.today());
    }

    /** Regional management approved the results (named in the acta de acuerdos y compromisos). */
    @Transactional
    public void recordApproval(int year, String by, String note) {
        jdbc.sql("UPDATE cycle SET results_approved_by = ?, results_approved_at = ?, results_approval_note = ? "
                        + "WHERE cycle_year = ?")
                .params(by, Now.timestamp(), note, year).update();
        ledger.append(year, "resultados " + year, new LedgerPayload.ResultsApproved(by, note));
    }

    /**
     * Regional management's decision on the results ("Aprobar resultados y acta de acuerdos", {@code si} or
     * {@code no}): observations are required to send the results back; an approval is kept with the cycle (who,
     * when, note; {@code regional-management} when nobody is known) for the acta de acuerdos y compromisos.
     */
    public void decideResults(int year, String decision, String observations, String by) {
        String text = observations == null ? null : observations.strip();
        if (!"si".equals(decision) && !"no".equals(decision)) {
            throw new IllegalArgumentException("Indique si aprueba los resultados.");
        }
        if ("no".equals(decision) && (text == null || text.isEmpty())) {
            throw new IllegalArgumentException("Escriba las observaciones: Planeamiento las necesita para revisar la matriz.");
        }
        if ("si".equals(decision)) {
            recordApproval(year, by == null ? "regional-management" : by, text == null || text.isEmpty() ? null : text);
        }
    }

    /**
     * The formalised results enter monitoring ({@link #registerForMonitoring}) and {@link ResultsFormalised} is
     * published (voters hear of their projects, voting module); returns how many projects were registered.
     */
    @Transactional
    public int formalise(int year) {
        int registered = registerForMonitoring(year);
        events.publishEvent(new ResultsFormalised(year));
        return registered;
    }

    /** Who approved the results of a cycle, when, and with what note (for the acta de acuerdos). */
    public record Approval(String by, Instant at, String note) {
    }

    public java.util.Optional<Approval> approval(int year) {
        return jdbc.sql("SELECT results_approved_by, results_approved_at, results_approval_note FROM cycle "
                        + "WHERE cycle_year = ? AND results_approved_by IS NOT NULL").param(year)
                .query((rs, i) -> new Approval(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .optional();
    }

    /** Records that a phase's window was closed before its date; false if it was already closed. */
    @Transactional
    public boolean recordEarlyClose(int year, CyclePhase phase, String by, String reason) {
        boolean closed = jdbc.sql("""
                UPDATE cycle_window SET closed_early_at = ?, closed_early_by = ?, closed_early_reason = ?
                WHERE cycle_year = ? AND phase = ? AND closed_early_at IS NULL""")
                .params(Now.timestamp(), by, reason, year, phase.name()).update() == 1;
        if (closed) {
            ledger.append(year, "cierre " + phase.name(), new LedgerPayload.EarlyClose(phase.name(), by, reason));
        }
        return closed;
    }

    /** A cycle's own row, read before its scopes and windows. */
    private record Row(int year, CyclePhase phase, BigDecimal envelope, int votesPerAgent, String processInstanceId,
                       Instant phaseChangedAt, String phaseNote) {
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getInt("cycle_year"), CyclePhase.valueOf(rs.getString("phase")),
                rs.getBigDecimal("envelope"), rs.getInt("votes_per_agent"), rs.getString("process_instance_id"),
                rs.getTimestamp("phase_changed_at").toInstant(), rs.getString("phase_note"));
    }

    public Optional<Cycle> find(int year) {
        // the cycle row first, then its scopes and windows: a query inside a row mapper would hold one pooled
        // connection while asking for a second, and concurrent requests (a voting day) would starve the pool
        return jdbc.sql("SELECT * FROM cycle WHERE cycle_year = ?").param(year)
                .query((rs, i) -> row(rs))
                .optional()
                .map(r -> new Cycle(r.year(), r.phase(), r.envelope(), r.votesPerAgent(), r.processInstanceId(),
                        r.phaseChangedAt(), r.phaseNote(), scopes(year), calendar(year)));
    }

    /**
     * What a vote must check of its cycle, in one query (every vote asks; a whole {@link #find} is three): the phase,
     * the votes per agent and the voting window, empty when the cycle does not exist.
     */
    public Optional<VotingState> votingState(int year) {
        return jdbc.sql("""
                        SELECT c.phase AS cycle_phase, c.votes_per_agent, w.phase, w.opens_on, w.closes_on,
                               w.closed_early_at, w.closed_early_by, w.closed_early_reason
                        FROM cycle c LEFT JOIN cycle_window w ON w.cycle_year = c.cycle_year AND w.phase = ?
                        WHERE c.cycle_year = ?""").params(CyclePhase.VOTACION.name(), year)
                .query((rs, i) -> new VotingState(year, CyclePhase.valueOf(rs.getString("cycle_phase")),
                        rs.getInt("votes_per_agent"), rs.getString("phase") == null ? null : window(rs)))
                .optional();
    }

    /** A cycle as a vote sees it: {@code voting} is the voting window, null when the calendar has none. */
    public record VotingState(int year, CyclePhase phase, int votesPerAgent, Cycle.PhaseWindow voting) {
        public Optional<Cycle.PhaseWindow> window() {
            return Optional.ofNullable(voting);
        }
    }

    /** A cycle's year, phase and process instance (null for a cycle loaded from history files). */
    public record Header(int year, CyclePhase phase, String processInstanceId) {
    }

    /** The newest {@code limit} cycles up to {@code upTo}, newest first: one query. */
    public List<Header> headers(int upTo, int limit) {
        return jdbc.sql("SELECT cycle_year, phase, process_instance_id FROM cycle WHERE cycle_year <= ? "
                        + "ORDER BY cycle_year DESC FETCH FIRST " + limit + " ROWS ONLY").param(upTo)
                .query((rs, i) -> new Header(rs.getInt(1), CyclePhase.valueOf(rs.getString(2)), rs.getString(3)))
                .list();
    }

    /** Whether each cycle of {@code firstYear..lastYear} was loaded from history files (no process instance). */
    public Map<Integer, Boolean> historicalFlags(int firstYear, int lastYear) {
        Map<Integer, Boolean> flags = new java.util.HashMap<>();
        jdbc.sql("SELECT cycle_year, process_instance_id FROM cycle WHERE cycle_year BETWEEN ? AND ?")
                .params(firstYear, lastYear)
                .query(rs -> {
                    flags.put(rs.getInt(1), rs.getString(2) == null);
                });
        return flags;
    }

    /**
     * A historical cycle that got more projects: each scope's envelope covers at least its prioritised projects'
     * cost ({@code prioritisedCosts}, per scope), and the cycle's envelope is the sum of its scopes'.
     */
    @Transactional
    public void widenEnvelopes(int year, Map<String, BigDecimal> prioritisedCosts) {
        List<Object[]> rows = new java.util.ArrayList<>();
        prioritisedCosts.forEach((scope, cost) -> rows.add(new Object[] {cost, year, scope}));
        for (Object[] row : rows) {
            jdbc.sql("UPDATE cycle_scope SET envelope = GREATEST(envelope, ?) WHERE cycle_year = ? AND scope = ?")
                    .params(row).update();
        }
        jdbc.sql("UPDATE cycle SET envelope = (SELECT SUM(s.envelope) FROM cycle_scope s WHERE s.cycle_year = ?) "
                + "WHERE cycle_year = ?").params(year, year).update();
    }

    /** The cycles in their voting phase and the newest one (what operators watch the votes of). */
    public List<Integer> votingOrNewestYears() {
        return jdbc.sql("SELECT cycle_year FROM cycle WHERE phase = 'VOTACION' "
                + "OR cycle_year = (SELECT MAX(cycle_year) FROM cycle)").query(Integer.class).list();
    }

    /** The years that have a cycle, newest first. */
    public List<Integer> years() {
        return jdbc.sql("SELECT cycle_year FROM cycle ORDER BY cycle_year DESC").query(Integer.class).list();
    }

    /**
     * Every cycle, newest first: three queries whatever the number of cycles (the home page, the project list and
     * every page that asks for the current cycle read them all; one query per cycle grew with the years).
     */
    public List<Cycle> findAll() {
        List<Row> rows = jdbc.sql("SELECT * FROM cycle ORDER BY cycle_year DESC").query((rs, i) -> row(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Integer, List<Cycle.ScopeEnvelope>> scopes = new java.util.HashMap<>();
        jdbc.sql("SELECT cycle_year, scope, envelope FROM cycle_scope").query((rs, i) -> scopes
                .computeIfAbsent(rs.getInt("cycle_year"), y -> new java.util.ArrayList<>())
                .add(new Cycle.ScopeEnvelope(rs.getString("scope"), rs.getBigDecimal("envelope")))).list();
        Map<Integer, List<Cycle.PhaseWindow>> windows = new java.util.HashMap<>();
        jdbc.sql("SELECT * FROM cycle_window").query((rs, i) -> windows
                .computeIfAbsent(rs.getInt("cycle_year"), y -> new java.util.ArrayList<>()).add(window(rs))).list();
        return rows.stream().map(r -> new Cycle(r.year(), r.phase(), r.envelope(), r.votesPerAgent(),
                r.processInstanceId(), r.phaseChangedAt(), r.phaseNote(),
                sortedScopes(scopes.getOrDefault(r.year(), List.of())),
                sortedWindows(windows.getOrDefault(r.year(), List.of())))).toList();
    }

    /** The newest cycle that is not yet formalised, else the newest one. */
    public Optional<Cycle> current() {
        return currentOf(summaries());
    }

    /**
     * {@link #current()} among the cycles' rows already read ({@link #summaries()}, newest first): the rows pick it,
     * then only its scopes and windows are read, not every cycle's.
     */
    public Optional<Cycle> currentOf(List<Summary> all) {
        return all.stream().filter(c -> c.phase() != CyclePhase.FORMALIZADO).findFirst()
                .or(() -> all.stream().findFirst()).flatMap(c -> find(c.year()));
    }

    /** A cycle as a list of cycles shows it: year, phase and envelope. */
    public record Summary(int year, CyclePhase phase, BigDecimal envelope) {
    }

    /** Every cycle's year, phase and envelope, newest first: one query, no scopes or windows. */
    public List<Summary> summaries() {
        return jdbc.sql("SELECT cycle_year, phase, envelope FROM cycle ORDER BY cycle_year DESC")
                .query((rs, i) -> new Summary(rs.getInt(1), CyclePhase.valueOf(rs.getString(2)), rs.getBigDecimal(3)))
                .list();
    }

    /** The current cycle, if the window of {@code phase} contains {@code day} and it is not formalised yet. */
    public Optional<Cycle> withOpenWindow(CyclePhase phase, LocalDate day) {
        return current().filter(c -> c.phase() != CyclePhase.FORMALIZADO).filter(c -> c.calendar().stream()
                .anyMatch(w -> w.phase() == phase && w.openOn(day)));
    }

    private List<Cycle.ScopeEnvelope> scopes(int year) {
        return sortedScopes(jdbc.sql("SELECT scope, envelope FROM cycle_scope WHERE cycle_year = ?")
                .param(year)
                .query((rs, i) -> new Cycle.ScopeEnvelope(rs.getString("scope"), rs.getBigDecimal("envelope")))
                .list());
    }

    private static List<Cycle.ScopeEnvelope> sortedScopes(List<Cycle.ScopeEnvelope> list) {
        return list.stream().sorted(java.util.Comparator.comparingInt(s -> Scopes.ALL.indexOf(s.scope()))).toList();
    }

    private List<Cycle.PhaseWindow> calendar(int year) {
        return sortedWindows(jdbc.sql("SELECT * FROM cycle_window WHERE cycle_year = ?")
                .param(year)
                .query((rs, i) -> window(rs))
                .list());
    }

    private static Cycle.PhaseWindow window(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Cycle.PhaseWindow(CyclePhase.valueOf(rs.getString("phase")),
                rs.getObject("opens_on", LocalDate.class), rs.getObject("closes_on", LocalDate.class),
                rs.getTimestamp("closed_early_at") == null ? null : rs.getTimestamp("closed_early_at").toInstant(),
                rs.getString("closed_early_by"), rs.getString("closed_early_reason"));
    }

    private static List<Cycle.PhaseWindow> sortedWindows(List<Cycle.PhaseWindow> list) {
        return list.stream().sorted(java.util.Comparator.comparing(w -> w.phase().ordinal())).toList();
    }

    /** Convenience for callers that only know totals: an even split is never assumed, so callers pass a map. */
    public static Map<String, BigDecimal> splitOf(Cycle cycle) {
        return cycle.scopes().stream().collect(java.util.stream.Collectors.toMap(
                Cycle.ScopeEnvelope::scope, Cycle.ScopeEnvelope::envelope));
    }
}
