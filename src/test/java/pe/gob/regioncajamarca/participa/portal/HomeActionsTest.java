package pe.gob.regioncajamarca.participa.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;

/** What the home page offers on a given day, from the windows open that day (they may overlap). */
class HomeActionsTest {

    static Cycle cycle(CyclePhase phase, Cycle.PhaseWindow... windows) {
        return new Cycle(2026, phase, BigDecimal.TEN, 5, null, Instant.now(), null, List.of(), List.of(windows));
    }

    static List<String> labels(Cycle c, LocalDate day) {
        return HomeController.actionsNow(c, day).stream().map(HomeController.Action::key).toList();
    }

    @Test
    void overlappingWindowsOfferBothAndAClosedOneNothing() {
        Cycle c = cycle(CyclePhase.INSCRIPCION,
                new Cycle.PhaseWindow(CyclePhase.INSCRIPCION, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)),
                new Cycle.PhaseWindow(CyclePhase.IDEAS, LocalDate.of(2026, 3, 15), LocalDate.of(2026, 4, 15)),
                new Cycle.PhaseWindow(CyclePhase.VOTACION, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 10)));
        assertThat(labels(c, LocalDate.of(2026, 3, 20))).containsExactly("INSCRIPCION", "IDEAS",
                "MONITORING", "COMPLAINTS");
        assertThat(labels(c, LocalDate.of(2026, 3, 31))).contains("INSCRIPCION"); // the last day counts
        assertThat(labels(c, LocalDate.of(2026, 4, 20))).containsExactly("MONITORING", "COMPLAINTS");
        assertThat(labels(c, LocalDate.of(2026, 5, 10))).startsWith("VOTACION");
    }

    @Test
    void publishedResultsAreOffered() {
        assertThat(labels(cycle(CyclePhase.FORMALIZADO), LocalDate.of(2026, 8, 1))).startsWith("RESULTS");
    }
}
