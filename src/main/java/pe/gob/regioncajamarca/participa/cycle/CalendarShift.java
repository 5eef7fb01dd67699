package pe.gob.regioncajamarca.participa.cycle;

import pe.gob.regioncajamarca.participa.calendar.Now;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.gob.regioncajamarca.participa.calendar.DueDates;

/**
 * Brings a cycle's calendar forward so that the phase timer its process waits for is due now: every window's
 * dates move back by the same number of days, in the domain tables and in the process variables the timers
 * read, and the waiting timer's job becomes due. Used by the demo (a newcomer walks a whole cycle in minutes
 * instead of months); it is not offered to staff in production, where dates are the convocation's.
 */
@Service
public class CalendarShift {

    /** The phase timers of participatory-budget-cycle, in order. */
    static final java.util.List<String> PHASE_TIMERS = java.util.List.of("Timer_RegistrationOpens", "Timer_IdeasOpen",
            "Timer_EvaluationOpens", "Timer_VotingOpens", "Timer_VotingCloses");

    private final CycleService cycles;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final JdbcClient jdbc;
    private final DueDates dueDates;

    public CalendarShift(CycleService cycles, ManagementService management, RuntimeService runtime, JdbcClient jdbc,
                         DueDates dueDates) {
        this.cycles = cycles;
        this.management = management;
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.dueDates = dueDates;
    }

    /** The phase timer the cycle's process waits for, if any. */
    public Optional<Job> waitingTimer(int year) {
        String pid = cycles.find(year).map(Cycle::processInstanceId).orElse(null);
        if (pid == null) {
            return Optional.empty();
        }
        return PHASE_TIMERS.stream().map(activity -> management.createJobQuery().processInstanceId(pid)
                .activityId(activity).timers().singleResult()).filter(java.util.Objects::nonNull).findFirst();
    }

    /** Moves the calendar so that the waiting phase timer fires now; returns the days moved (0 if none waits). */
    @Transactional
    public long bringForward(int year) {
        Cycle cycle = cycles.find(year).orElseThrow();
        Job timer = waitingTimer(year).orElse(null);
        if (timer == null) {
            return 0;
        }
        LocalDate today = dueDates.today();
        LocalDate due = timer.getDuedate().toInstant().atZone(DueDates.LIMA).toLocalDate();
        long days = Math.max(0, ChronoUnit.DAYS.between(today, due));
        for (Cycle.PhaseWindow w : cycle.calendar()) {
            LocalDate from = w.opensOn().minusDays(days);
            LocalDate to = w.closesOn().minusDays(days);
            jdbc.sql("UPDATE cycle_window SET opens_on = ?, closes_on = ? WHERE cycle_year = ? AND phase = ?")
                    .params(from, to, year, w.phase().name()).update();
            String prefix = CycleForm.WINDOWS.get(w.phase());
            if (prefix != null) {
                runtime.setVariable(cycle.processInstanceId(), prefix + CycleVariables.DESDE, from.toString());
                runtime.setVariable(cycle.processInstanceId(), prefix + CycleVariables.HASTA, to.toString());
            }
        }
        management.setJobDuedate(timer.getId(), Now.date());
        return days;
    }
}
