package pe.gob.regioncajamarca.participa.testsupport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.cycle.OpenCycleCommand;
import pe.gob.regioncajamarca.participa.projects.Scopes;

/**
 * The cycle the portal tests use: year 2100, newer than any other test's cycle, so the portal takes it as the
 * current one; its registration and idea windows are open today.
 */
public final class PortalCycle {

    public static final int YEAR = 2100;

    private PortalCycle() {
    }

    public static synchronized void ensure(CycleService cycles, LocalDate today) {
        if (cycles.find(YEAR).isPresent()) {
            return;
        }
        Map<String, BigDecimal> split = new HashMap<>();
        Scopes.ALL.forEach(s -> split.put(s, BigDecimal.ONE));
        cycles.open(new OpenCycleCommand(YEAR, BigDecimal.valueOf(Scopes.ALL.size()), 5, split, List.of(
                new Cycle.PhaseWindow(CyclePhase.INSCRIPCION, today.minusDays(1), today.plusDays(10)),
                new Cycle.PhaseWindow(CyclePhase.IDEAS, today.minusDays(1), today.plusDays(10)))), null);
    }
}
