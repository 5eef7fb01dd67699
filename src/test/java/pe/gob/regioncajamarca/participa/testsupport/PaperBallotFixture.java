package pe.gob.regioncajamarca.participa.testsupport;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import pe.gob.regioncajamarca.participa.voting.PaperBallots;

/**
 * Paper ballots for tests that need some (results, ledger): a workshop row as the planning office's registration
 * leaves it (the registration's rules are tested in PaperBallotIT, on cycles with a calendar), and a ballot entered
 * twice by two different people.
 */
public final class PaperBallotFixture {

    private PaperBallotFixture() {
    }

    /** A workshop of the cycle in {@code scope} held on {@code day}; returns its id. */
    public static long workshop(JdbcClient jdbc, int year, String scope, LocalDate day) {
        String venue = "Local de prueba " + System.nanoTime();
        jdbc.sql("INSERT INTO workshop (cycle_year, scope, held_on, venue, registered_by, registered_at) "
                        + "VALUES (?, ?, ?, ?, 'planner', ?)")
                .params(year, scope, day, venue, Timestamp.from(Instant.now())).update();
        return jdbc.sql("SELECT id FROM workshop WHERE cycle_year = ? AND venue = ?").params(year, venue)
                .query(Long.class).single();
    }

    /** One paper ballot entered by two different staff users; returns the second entry's outcome. */
    public static PaperBallots.Outcome ballot(PaperBallots paper, int year, long workshop, String sheet, String dni,
                                              List<String> cuis) {
        paper.enter(year, workshop, sheet, dni, cuis, "digitador.uno");
        return paper.enter(year, workshop, sheet, dni, cuis, "digitador.dos");
    }
}
