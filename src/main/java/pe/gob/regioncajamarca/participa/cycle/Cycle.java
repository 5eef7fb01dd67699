package pe.gob.regioncajamarca.participa.cycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A participatory-budget cycle as stored in the domain tables. */
public record Cycle(int year, CyclePhase phase, BigDecimal envelope, int votesPerAgent,
                    String processInstanceId, Instant phaseChangedAt, String phaseNote,
                    List<ScopeEnvelope> scopes, List<PhaseWindow> calendar) {

    public record ScopeEnvelope(String scope, BigDecimal envelope) {
    }

    /** The dates (inclusive) during which a phase's window is open. */
    public record PhaseWindow(CyclePhase phase, LocalDate opensOn, LocalDate closesOn, Instant closedEarlyAt,
                              String closedEarlyBy, String closedEarlyReason) {

        public PhaseWindow(CyclePhase phase, LocalDate opensOn, LocalDate closesOn) {
            this(phase, opensOn, closesOn, null, null, null);
        }

        /** Open on {@code day}: inside the calendar's dates and not closed early. */
        public boolean openOn(LocalDate day) {
            return closedEarlyAt == null && !day.isBefore(opensOn) && !day.isAfter(closesOn);
        }
    }

    /** The window of a phase, if the calendar has one. */
    public java.util.Optional<PhaseWindow> window(CyclePhase phase) {
        return calendar.stream().filter(w -> w.phase() == phase).findFirst();
    }
}
