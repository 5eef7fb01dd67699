package pe.gob.regioncajamarca.participa.cycle;

import pe.gob.regioncajamarca.participa.calendar.Now;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;

import pe.gob.regioncajamarca.participa.calendar.DueDates;

/**
 * The planning office closes a phase's window before its calendar date, with a reason that is kept with the
 * window (who, when, why) and shown on the staff page, in Cockpit (variable {@code cierreAnticipado}) and in
 * the phase note. Registration and idea windows close at once on the portal. Closing the voting also moves the
 * process's "Fin de la votación" timer to now, so the votes are counted and the prioritisation computed
 * without waiting for the calendar. The technical evaluation cannot be closed early: its scope tasks must be
 * completed.
 */
@Service
class EarlyClosing {

    public static final Set<CyclePhase> CLOSABLE = Set.of(CyclePhase.INSCRIPCION, CyclePhase.IDEAS, CyclePhase.VOTACION);
    static final String VOTING_CLOSES_TIMER = "Timer_VotingCloses";

    private final CycleService cycles;
    private final DueDates dueDates;
    private final ManagementService management;
    private final RuntimeService runtime;

    public EarlyClosing(CycleService cycles, DueDates dueDates, ManagementService management, RuntimeService runtime) {
        this.cycles = cycles;
        this.dueDates = dueDates;
        this.management = management;
        this.runtime = runtime;
    }

    /** The phases of a cycle whose window can be closed early today. */
    public List<CyclePhase> closableNow(Cycle cycle) {
        LocalDate today = dueDates.today();
        return cycle.calendar().stream()
                .filter(w -> CLOSABLE.contains(w.phase()) && w.openOn(today))
                .filter(w -> w.phase() != CyclePhase.VOTACION || cycle.phase() == CyclePhase.VOTACION)
                .map(Cycle.PhaseWindow::phase).toList();
    }

    @org.springframework.transaction.annotation.Transactional
    public void close(int year, CyclePhase phase, String reason, String staffUser) {
        Cycle cycle = cycles.find(year).orElseThrow(() -> new CycleValidationException(
                List.of("No existe el ciclo " + year + ".")));
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 10) {
            throw new CycleValidationException(List.of(
                    "Escriba el motivo del cierre anticipado (al menos 10 caracteres); queda registrado."));
        }
        if (why.length() > 1000) {
            throw new CycleValidationException(List.of("El motivo no puede pasar de 1000 caracteres."));
        }
        if (!closableNow(cycle).contains(phase)) {
            throw new CycleValidationException(List.of("La fase «" + phase.label()
                    + "» no está abierta en este momento; no se puede cerrar anticipadamente."));
        }
        if (!cycles.recordEarlyClose(year, phase, staffUser, why)) {
            throw new CycleValidationException(List.of("La fase «" + phase.label() + "» ya fue cerrada."));
        }
        if (cycle.processInstanceId() != null) {
            runtime.setVariable(cycle.processInstanceId(), CycleVariables.CIERRE_ANTICIPADO,
                    phase.name() + ": " + why + " (" + staffUser + ")");
            if (phase == CyclePhase.VOTACION) {
                Job timer = management.createJobQuery().processInstanceId(cycle.processInstanceId())
                        .activityId(VOTING_CLOSES_TIMER).singleResult();
                if (timer != null) {
                    management.setJobDuedate(timer.getId(), Now.date());
                }
            }
        }
    }
}
