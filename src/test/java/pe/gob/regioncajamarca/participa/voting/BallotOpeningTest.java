package pe.gob.regioncajamarca.participa.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;

/** Issue 19: before the voting opens, the ballot tells the day it opens (the cycle's VOTACION window). */
class BallotOpeningTest {

    static Cycle cycle(CyclePhase phase, LocalDate opensOn) {
        return new Cycle(2031, phase, BigDecimal.TEN, 3, null, null, null, List.of(),
                opensOn == null ? List.of() : List.of(new Cycle.PhaseWindow(CyclePhase.VOTACION, opensOn, opensOn.plusDays(7))));
    }

    @Test
    void theOpeningDayIsShownOnlyBeforeTheVotingOpens() {
        LocalDate today = LocalDate.of(2031, 8, 1);
        assertThat(VotingController.opening(cycle(CyclePhase.IDEAS, today.plusDays(3)), today)).contains(today.plusDays(3));
        assertThat(VotingController.opening(cycle(CyclePhase.VOTACION, today.plusDays(1)), today)).contains(today.plusDays(1));
        assertThat(VotingController.opening(cycle(CyclePhase.VOTACION, today), today)).isEmpty();
        assertThat(VotingController.opening(cycle(CyclePhase.VOTACION, today.minusDays(2)), today)).isEmpty();
        assertThat(VotingController.opening(cycle(CyclePhase.PRIORIZACION, today.plusDays(3)), today)).isEmpty();
        assertThat(VotingController.opening(cycle(CyclePhase.IDEAS, null), today)).isEmpty();
    }
}
