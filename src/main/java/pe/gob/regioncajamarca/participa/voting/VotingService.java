package pe.gob.regioncajamarca.participa.voting;

import pe.gob.regioncajamarca.participa.projects.Projects;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import pe.gob.regioncajamarca.participa.ledger.LedgerPayload;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.gob.regioncajamarca.participa.accreditation.AccreditationService;
import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.ledger.Ledger;
import pe.gob.regioncajamarca.participa.ledger.LedgerKinds;

/**
 * Online votes of accredited agents during the voting phase. A vote is final. The limits are kept by the
 * database (see V12__voting.sql), so concurrent clicks, two browser tabs or several nodes can never cast a
 * second vote for a project or more votes than the cycle allows.
 */
@Service
public class VotingService implements pe.gob.regioncajamarca.participa.cycle.VoteCounting {

    private final JdbcClient jdbc;
    private final CycleService cycles;
    private final AccreditationService accreditation;
    private final Ballots ballots;
    private final PaperBallots paperBallots;
    private final Ledger ledger;
    private final DueDates dueDates;

    private final Projects projects;

    public VotingService(JdbcClient jdbc, CycleService cycles, AccreditationService accreditation, Ballots ballots,
                         PaperBallots paperBallots, Ledger ledger,
                         DueDates dueDates, Projects projects) {
        this.projects = projects;
        this.ledger = ledger;
        this.dueDates = dueDates;
        this.paperBallots = paperBallots;
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.accreditation = accreditation;
        this.ballots = ballots;
    }

    /**
     * A vote that is not taken. The message is the Spanish text; {@code code} and {@code args} name the same text in
     * messages_es/en.properties, so that the portal can say it in the citizen's language.
     */
    public static class VoteRefused extends RuntimeException {
        private final String code;
        private final Object[] args;

        public VoteRefused(String code, String message, Object... args) {
            super(message);
            this.code = code;
            this.args = args;
        }

        public String code() {
            return code;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    public record Tally(long projectId, String cui, String name, String scope, int votes) {
    }

    /**
     * Casts one vote; returns the votes the agent has left. Not one transaction on purpose: the checks read,
     * the ballot is created in its own short transaction, and only the vote itself (ballot decrement and vote row)
     * is one transaction, so a request never holds two connections at once.
     */
    public int cast(int year, String documentNumber, long projectId) {
        return cast(year, documentNumber, projectId, null);
    }

    /**
     * {@code cui}: the project's, when the caller read it already with the project's cycle (else null). Reads per
     * vote: the cycle's phase and voting window (one query), the accreditation, the project when not known; then one
     * transaction that spends, records and logs the vote and returns the votes left.
     */
    private int cast(int year, String documentNumber, long projectId, String knownCui) {
        CycleService.VotingState cycle = cycles.votingState(year).orElseThrow(() -> new VoteRefused(
                "voting.error.noCycle", "No existe el ciclo " + year + ".", String.valueOf(year)));
        if (cycle.phase() != CyclePhase.VOTACION) {
            throw new VoteRefused("voting.error.notOpen", "La votación del ciclo " + year + " no está abierta.",
                    String.valueOf(year));
        }
        if (cycle.window().filter(w -> w.closedEarlyAt() != null).isPresent()) {
            throw new VoteRefused("voting.error.closed",
                    "La votación del ciclo " + year + " fue cerrada; ya no se reciben votos.", String.valueOf(year));
        }
        // the calendar's dates as well as the phase: the timer that closes the voting may run late (job executor
        // busy or a node down), and not one vote may come in after the last day of the window
        java.time.LocalDate today = dueDates.today();
        cycle.window().ifPresent(w -> {
            if (today.isBefore(w.opensOn())) {
                throw new VoteRefused("voting.error.notYet", "La votación del ciclo " + year + " empieza el "
                        + w.opensOn() + ".", String.valueOf(year), String.valueOf(w.opensOn()));
            }
            if (today.isAfter(w.closesOn())) {
                throw new VoteRefused("voting.error.ended", "La votación del ciclo " + year + " terminó el "
                        + w.closesOn() + "; ya no se reciben votos.", String.valueOf(year), String.valueOf(w.closesOn()));
            }
        });
        if (!accreditation.isAccredited(year, documentNumber)) {
            throw new VoteRefused("voting.error.notAccredited",
                    "Solo los agentes participantes acreditados en el ciclo " + year + " pueden votar.", String.valueOf(year));
        }
        String cui = knownCui != null ? knownCui
                : projects.find(projectId).filter(p -> p.year() == year).map(Projects.Project::cui)
                .orElseThrow(() -> new VoteRefused("voting.error.otherCycle", "El proyecto no pertenece al ciclo " + year + ".",
                        String.valueOf(year)));
        java.util.OptionalInt left = ballots.spend(year, documentNumber, projectId, cui, cycle.votesPerAgent());
        for (int attempt = 0; left.isEmpty() && attempt < 3; attempt++) {
            // the agent's first vote: the ballot gets its own transaction (ensure() copes with a concurrent first
            // vote, and does nothing when the ballot exists), then the vote is spent from it
            ballots.ensure(year, documentNumber, cycle.votesPerAgent());
            left = ballots.spend(year, documentNumber, projectId, cui, cycle.votesPerAgent());
        }
        return left.orElseThrow(() -> new IllegalStateException("ballot of " + year + " not spent"));
    }

    /**
     * A vote from the portal: the project says which cycle it belongs to (several cycles may be in their voting
     * phase at once, e.g. a delayed one; the ballot must not guess).
     */
    public int castFor(String documentNumber, long projectId) {
        Projects.Project p = projects.find(projectId)
                .orElseThrow(() -> new VoteRefused("voting.error.noProject", "El proyecto no existe."));
        return cast(p.year(), documentNumber, projectId, p.cui());
    }

    /** A project as the ballot's confirmation shows it (issue 19). */
    public record BallotProject(long id, int year, String cui, String name, String scope,
                                java.math.BigDecimal cost) {
    }

    /** The project behind a vote, if it exists. */
    public Optional<BallotProject> ballotProject(long projectId) {
        return projects.find(projectId).map(p -> new BallotProject(p.id(), p.year(), p.cui(), p.name(), p.scope(),
                p.cost()));
    }

    static boolean isUniqueViolation(DataIntegrityViolationException e) {
        if (e instanceof DuplicateKeyException) {
            return true;
        }
        Throwable c = e;
        while (c != null) {
            if (c instanceof java.sql.SQLException s && ("23505".equals(s.getSQLState()))) {
                return true;
            }
            c = c.getCause();
        }
        return false;
    }

    public Optional<Integer> votesLeft(int year, String documentNumber) {
        return jdbc.sql("SELECT votes_left FROM ballot WHERE cycle_year = ? AND document_number = ?")
                .params(year, documentNumber).query(Integer.class).optional();
    }

    /** Whether the agent's ballot of the cycle is a counted paper ballot (then the agent votes no more online). */
    public boolean votedOnPaper(int year, String documentNumber) {
        return ballots.channelOf(year, documentNumber).filter(Ballots.PAPER::equals).isPresent();
    }

    /** Ids of the projects the agent voted for in the cycle (online or on a counted paper ballot). */
    public List<Long> votedProjects(int year, String documentNumber) {
        return jdbc.sql("SELECT project_id FROM vote WHERE cycle_year = ? AND document_number = ?")
                .params(year, documentNumber).query(Long.class).list();
    }

    /** The live tally of a cycle: every project with its online votes, by scope and most votes first. */
    public List<Tally> tally(int year) {
        Map<Long, Integer> online = new java.util.HashMap<>();
        jdbc.sql("SELECT project_id, COUNT(*) FROM vote WHERE cycle_year = ? AND channel = 'EN_LINEA' "
                        + "GROUP BY project_id").param(year)
                .query((rs, i) -> online.put(rs.getLong(1), rs.getInt(2))).list();
        return projects.inCycle(year).stream()
                .map(p -> new Tally(p.id(), p.cui(), p.name(), p.scope(), online.getOrDefault(p.id(), 0)))
                .sorted(java.util.Comparator.comparing(Tally::scope).thenComparing(Tally::votes,
                        java.util.Comparator.reverseOrder()).thenComparing(Tally::cui))
                .toList();
    }

    /**
     * At the close of voting: the final count of each project is stored with the project (for prioritisation).
     * Two reads (the cycle's projects, the votes grouped by project) joined by id, and one write through
     * {@link Projects#storeVoteCounts}: on PostgreSQL a single UPDATE from arrays ({@code unnest}), elsewhere JDBC
     * batches (not one sub-query or statement per project: a cycle may hold 10,000 projects and a million votes;
     * issue 10, benchmark 6).
     */
    @Override
    @Transactional
    public void storeFinalCounts(int year) {
        record Count(long id, String cui, int online, int paper) {
        }
        Map<Long, int[]> byChannel = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT project_id, SUM(CASE WHEN channel = 'EN_LINEA' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN channel = 'PAPEL' THEN 1 ELSE 0 END)
                FROM vote WHERE cycle_year = ? GROUP BY project_id""").param(year)
                .query((rs, i) -> byChannel.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3)})).list();
        List<Count> counts = projects.inCycle(year).stream().map(p -> {
            int[] c = byChannel.getOrDefault(p.id(), new int[2]);
            return new Count(p.id(), p.cui(), c[0], c[1]);
        }).toList();
        Map<Long, Integer> workshop = new java.util.HashMap<>();
        counts.forEach(c -> workshop.put(c.id(), c.paper()));
        // paper ballots whose two entries never matched do not count: they are kept, marked and listed (never
        // dropped without a word), and the count in the ledger names them
        List<String> uncounted = paperBallots.closeUnmatched(year);
        int n = counts.size();
        Long[] ids = new Long[n];
        Integer[] online = new Integer[n];
        Integer[] fromWorkshops = new Integer[n];
        java.util.SortedMap<String, List<Integer>> counted = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            Count c = counts.get(i);
            int w = workshop.getOrDefault(c.id(), 0);
            ids[i] = c.id();
            online[i] = c.online();
            fromWorkshops[i] = w;
            counted.put(c.cui(), List.of(c.online(), w, c.online() + w));
        }
        projects.storeVoteCounts(ids, online, fromWorkshops);
        // per CUI: [online, workshops, total]
        ledger.append(year, "conteo " + year, new LedgerPayload.VotesCounted(counted, uncounted));
    }

    /** Votes per CUI of a cycle as the vote table has them now, by channel: {online, paper}. */
    /** Votes stored for a cycle, on every channel. */
    public long votesCast(int year) {
        Long n = jdbc.sql("SELECT COUNT(*) FROM vote WHERE cycle_year = ?").param(year).query(Long.class).single();
        return n == null ? 0 : n;
    }

    public Map<String, int[]> liveCountsByChannel(int year) {
        Map<String, int[]> counts = new java.util.TreeMap<>();
        Map<Long, String> cuis = new java.util.HashMap<>();
        projects.inCycle(year).forEach(p -> cuis.put(p.id(), p.cui()));
        jdbc.sql("SELECT project_id, channel, COUNT(*) FROM vote WHERE cycle_year = ? GROUP BY project_id, channel")
                .param(year)
                .query((rs, i) -> counts.computeIfAbsent(cuis.get(rs.getLong(1)), k -> new int[2])
                        [Ballots.PAPER.equals(rs.getString(2)) ? 1 : 0] += rs.getInt(3)).list();
        return counts;
    }
}
