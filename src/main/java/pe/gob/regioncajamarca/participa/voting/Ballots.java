package pe.gob.regioncajamarca.participa.voting;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import pe.gob.regioncajamarca.participa.ledger.Ledger;
import pe.gob.regioncajamarca.participa.ledger.LedgerKinds;

/**
 * An agent's ballot (votes left in a cycle) and the spending of its votes. The ballot is created on the first
 * vote in its own transaction: when two first votes race, one insert wins and the other finds the row.
 */
@Component
class Ballots {

    private final JdbcClient jdbc;
    private final Ledger ledger;

    Ballots(JdbcClient jdbc, Ledger ledger) {
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
                    .params(year, documentNumber, votes, Timestamp.from(Instant.now())).update();
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
     * ledger (agent as a pseudonym; no lock shared with other voters), or none of these.
     */
    @Transactional
    public void spend(int year, String documentNumber, long projectId, String cui, int votesPerAgent) {
        int updated = jdbc.sql("UPDATE ballot SET votes_left = votes_left - 1 WHERE cycle_year = ? "
                + "AND document_number = ? AND votes_left > 0").params(year, documentNumber).update();
        if (updated == 0) {
            throw new VotingService.VoteRefused("voting.error.usedUp", "Ya usó sus " + votesPerAgent + " votos.",
                    String.valueOf(votesPerAgent));
        }
        try {
            jdbc.sql("INSERT INTO vote (cycle_year, document_number, project_id, cast_at) VALUES (?, ?, ?, ?)")
                    .params(year, documentNumber, projectId, Timestamp.from(Instant.now())).update();
        } catch (DataIntegrityViolationException e) {
            if (VotingService.isUniqueViolation(e)) {
                throw new VotingService.VoteRefused("voting.error.twice",
                        "Ya votó por este proyecto; cada agente da como máximo un voto por proyecto.");
            }
            throw e;
        }
        ledger.append(LedgerKinds.VOTE, year, cui, Ledger.fields("agente", ledger.pseudonym(documentNumber)));
    }
}
