package pe.gob.regioncajamarca.participa.cycle;

/**
 * The final count of a cycle's votes, done by the module that holds the ballots (voting, which depends on this
 * module). {@link CerrarVotacion} calls it in the transaction of the close of voting, so the count is stored with
 * the phase change or not at all.
 */
public interface VoteCounting {

    /** Stores the final vote counts of the cycle's projects; no vote is accepted afterwards. */
    void storeFinalCounts(int year);
}
