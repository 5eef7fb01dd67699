package pe.gob.regioncajamarca.participa.voting;

import pe.gob.regioncajamarca.participa.calendar.Now;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import pe.gob.regioncajamarca.participa.ledger.LedgerPayload;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import pe.gob.regioncajamarca.participa.shared.Databases;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import pe.gob.regioncajamarca.participa.ledger.Ledger;
import pe.gob.regioncajamarca.participa.ledger.LedgerKinds;

/**
 * An agent's ballot (votes left in a cycle) and the spending of its votes. The ballot is created on the first
 * vote in its own transaction: when two first votes race, one insert wins and the other finds the row.
 * One ballot per agent and cycle whatever the channel (V38): an online ballot ({@link #ONLINE}) is created by the
 * first online vote, a paper ballot ({@link #PAPER}) by {@link PaperBallots} when two entries of a workshop sheet
 * match; every vote carries its ballot's channel (a foreign key), so the channels never mix.
 */
@Component
class Ballots {

    public static final String ONLINE = "EN_LINEA";
    public static final String PAPER = "PAPEL";

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    Ballots(JdbcClient jdbc, Ledger ledger, org.springframework.jdbc.core.JdbcTemplate batch) {
        this.batch = batch;
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    @Transactional
    public void ensure(int year, String documentNumber, int votes) {
        if (jdbc.sql("SELECT COUNT(*) FROM ballot WHERE cycle_year = ? AND document_number = ?")
                .params(year, documentNumber).query(Integer.class).single() > 0) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO ballot (cycle_year, document_number, votes_left, created_at) VALUES (?, ?, ?, ?)")
                    .params(year, documentNumber, votes, Now.timestamp()).update();
        } catch (DataIntegrityViolationException e) {
            if (!VotingService.isUniqueViolation(e)) {
                throw e;
            }
            // the concurrent first vote created it: nothing to do but end this (spoilt) transaction quietly
            org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus()
                    .setRollbackOnly();
        }
    }

    /**
     * The vote itself, one transaction: a vote is spent from the ballot, recorded and written to the integrity
     * ledger (agent as a pseudonym; no lock shared with other voters), or none of these. Returns the votes left,
     * read by the spending statement itself; empty when the agent has no ballot yet, or when the agent's concurrent
     * first vote created it meanwhile (nothing written: the caller creates it with {@link #ensure} if need be and
     * spends again).
     */
    @Transactional
    public java.util.OptionalInt spend(int year, String documentNumber, long projectId, String cui, int votesPerAgent) {
        // on PostgreSQL one statement spends and reads what is left (UPDATE ... RETURNING; a concurrent vote of the
        // same agent makes it wait and re-check votes_left); H2 has no RETURNING: the ballot's row is locked and
        // read (FOR UPDATE), then spent.
        String update = "UPDATE ballot SET votes_left = votes_left - 1 WHERE cycle_year = ? AND document_number = ? "
                + "AND channel = ? AND votes_left > 0";
        List<Integer> left;
        if (Databases.isPostgres(batch)) {
            left = jdbc.sql(update + " RETURNING votes_left").params(year, documentNumber, ONLINE)
                    .query(Integer.class).list();
        } else {
            List<Integer> before = jdbc.sql("SELECT votes_left FROM ballot WHERE cycle_year = ? AND document_number = ? "
                    + "AND channel = ? FOR UPDATE").params(year, documentNumber, ONLINE).query(Integer.class).list();
            left = before.isEmpty() || before.get(0) <= 0
                    || jdbc.sql(update).params(year, documentNumber, ONLINE).update() == 0 ? List.of()
                    : List.of(before.get(0) - 1);
        }
        if (left.isEmpty()) {
            record State(String channel, int votesLeft) {
            }
            Optional<State> state = jdbc.sql("SELECT channel, votes_left FROM ballot WHERE cycle_year = ? "
                    + "AND document_number = ?").params(year, documentNumber)
                    .query((rs, i) -> new State(rs.getString(1), rs.getInt(2))).optional();
            if (state.isEmpty() || (ONLINE.equals(state.get().channel()) && state.get().votesLeft() > 0)) {
                // no ballot yet, or the agent's concurrent first vote created it after this update looked: the
                // caller creates it if need be and spends again
                return java.util.OptionalInt.empty();
            }
            if (PAPER.equals(state.get().channel())) {
                throw paperAlready(year);
            }
            throw new VotingService.VoteRefused("voting.error.usedUp", "Ya usó sus " + votesPerAgent + " votos.",
                    String.valueOf(votesPerAgent));
        }
        try {
            jdbc.sql("INSERT INTO vote (cycle_year, document_number, project_id, cast_at, channel) "
                            + "VALUES (?, ?, ?, ?, ?)")
                    .params(year, documentNumber, projectId, Now.timestamp(), ONLINE).update();
        } catch (DataIntegrityViolationException e) {
            if (VotingService.isUniqueViolation(e)) {
                throw new VotingService.VoteRefused("voting.error.twice",
                        "Ya votó por este proyecto; cada agente da como máximo un voto por proyecto.");
            }
            throw e;
        }
        ledger.append(year, cui, new LedgerPayload.Vote(ledger.pseudonym(documentNumber)));
        return java.util.OptionalInt.of(left.get(0));
    }

    static VotingService.VoteRefused paperAlready(int year) {
        return new VotingService.VoteRefused("voting.error.paper", "Usted ya votó en papel en un taller del ciclo "
                + year + "; cada agente vota una sola vez, en línea o en papel.", String.valueOf(year));
    }

    /** The channel of the agent's ballot in the cycle ({@link #ONLINE} or {@link #PAPER}), if the agent voted. */
    public Optional<String> channelOf(int year, String documentNumber) {
        return jdbc.sql("SELECT channel FROM ballot WHERE cycle_year = ? AND document_number = ?")
                .params(year, documentNumber).query(String.class).optional();
    }

    /**
     * How each voter of a cycle voted, in the words of the pabulib format's {@code voting_method}: document number
     * to {@code "internet"} (online) or {@code "paper"} (a counted paper ballot of a workshop). Voters with a ballot
     * but no vote (an online ballot whose first vote failed) are left out. For the pabulib export.
     */
    public Map<String, String> votingMethods(int year) {
        Map<String, String> methods = new HashMap<>();
        jdbc.sql("SELECT DISTINCT document_number, channel FROM vote WHERE cycle_year = ?").param(year)
                .query((rs, i) -> methods.put(rs.getString(1), votingMethod(rs.getString(2)))).list();
        return methods;
    }

    /** One voter's {@code voting_method} for pabulib ({@code "internet"} or {@code "paper"}), if they voted. */
    public Optional<String> votingMethodOf(int year, String documentNumber) {
        return channelOf(year, documentNumber).map(Ballots::votingMethod);
    }

    static String votingMethod(String channel) {
        return PAPER.equals(channel) ? "paper" : "internet";
    }
}
