package pe.gob.regioncajamarca.participa.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.simple.JdbcClient;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.CycleStarter;
import pe.gob.regioncajamarca.participa.cycle.OpenCycleCommand;
import pe.gob.regioncajamarca.participa.projects.Scopes;

/**
 * The close of voting of one cycle, as production does it: a {@code participatory-budget-cycle} instance waiting at
 * "Fin de la votación" with its projects and votes, then the timer's job executed ("Cerrar votación y contar votos":
 * the phase moved on, the final counts stored, the ledger entry written; the job stops before "Calcular
 * priorización", which is asynchronous), then the prioritisation's job. The projects, ballots and votes are inserted
 * with plain statements, as {@link PrioritisationBenchmark} seeds them (the votes that {@code VotingService} would
 * store, without its per-vote checks). Used by {@link LivedDatabaseBenchmark} on copies of the ten-year and the fresh
 * database.
 */
final class CloseWork {

    static final int VOTES_PER_AGENT = 20;

    private CloseWork() {
    }

    record VotingCycle(int year, String pid, int projects, int votes) {
    }

    /** The calendar of a benchmark's cycle from its first day: registration, ideas, evaluation, voting, formalisation. */
    static List<Cycle.PhaseWindow> calendar(LocalDate start) {
        return List.of(
                new Cycle.PhaseWindow(CyclePhase.INSCRIPCION, start.plusDays(7), start.plusDays(27)),
                new Cycle.PhaseWindow(CyclePhase.IDEAS, start.plusDays(14), start.plusDays(34)),
                new Cycle.PhaseWindow(CyclePhase.EVALUACION, start.plusDays(35), start.plusDays(55)),
                new Cycle.PhaseWindow(CyclePhase.VOTACION, start.plusDays(56), start.plusDays(62)),
                new Cycle.PhaseWindow(CyclePhase.FORMALIZACION, start.plusDays(63), start.plusDays(80)));
    }

    /**
     * A new cycle (the year after the newest) started through {@link CycleStarter} and moved by process instance
     * modification to "Abrir votación" (phase VOTACION, waiting at the voting's closing timer), with {@code projects}
     * projects over every scope and {@code votes} votes of {@code votes / 20} agents (20 distinct projects each).
     */
    static VotingCycle inVoting(ProcessEngine engine, CycleStarter starter, JdbcClient jdbc, int projects, int votes) {
        int year = jdbc.sql("SELECT MAX(cycle_year) FROM cycle").query(Integer.class).single() + 1;
        LocalDate start = LocalDate.of(year, 3, 2);
        ClockUtil.setCurrentTime(java.util.Date.from(start.atTime(12, 0).atZone(DueDates.LIMA).toInstant()));
        Map<String, BigDecimal> envelopes = new LinkedHashMap<>();
        Scopes.ALL.forEach(s -> envelopes.put(s, BigDecimal.valueOf(10_000_000)));
        BigDecimal envelope = envelopes.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        String pid = starter.start(new OpenCycleCommand(year, envelope, VOTES_PER_AGENT, envelopes, calendar(start)));
        engine.getRuntimeService().createProcessInstanceModification(pid)
                .cancelAllForActivity("Timer_RegistrationOpens")
                .startBeforeActivity("Task_OpenVoting")
                .execute();
        List<String> scopes = List.copyOf(Scopes.ALL);
        jdbc.sql("""
                INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, technical_score)
                SELECT ?, CAST(8200000 + g AS VARCHAR), 'Proyecto de cierre ' || g,
                       (ARRAY[%s])[1 + g %% %d], 50000 + (g * 7919) %% 900000, 'Transporte', 'sede-central',
                       40 + (g * 31) %% 60
                FROM generate_series(0, ? - 1) g""".formatted(String.join(",",
                scopes.stream().map(s -> "'" + s + "'").toList()), scopes.size())).params(year, projects).update();
        long first = jdbc.sql("SELECT MIN(id) FROM project WHERE cycle_year = ?").param(year).query(Long.class)
                .single();
        int agents = votes / VOTES_PER_AGENT;
        jdbc.sql("""
                INSERT INTO ballot (cycle_year, document_number, votes_left, created_at)
                SELECT ?, 'C' || g, 0, CURRENT_TIMESTAMP FROM generate_series(0, ? - 1) g""")
                .params(year, agents).update();
        // agent d votes for 20 consecutive projects from a start that favours some of them (ids are consecutive
        // within the one INSERT above)
        jdbc.sql("""
                INSERT INTO vote (cycle_year, document_number, project_id, cast_at)
                SELECT ?, 'C' || d, ? + ((d * 13 + (d % 97) * (d % 89) + k) % ?), CURRENT_TIMESTAMP
                FROM generate_series(0, ? - 1) d, generate_series(0, ? - 1) k""")
                .params(year, first, projects, agents, VOTES_PER_AGENT).update();
        // what autovacuum does after such a load
        jdbc.sql("ANALYZE project").update();
        jdbc.sql("ANALYZE ballot").update();
        jdbc.sql("ANALYZE vote").update();
        int stored = jdbc.sql("SELECT COUNT(*) FROM vote WHERE cycle_year = ?").param(year).query(Integer.class)
                .single();
        return new VotingCycle(year, pid, projects, stored);
    }

    /** The clock past the voting's end; the closing timer's job (one, due): its id. */
    static String closingJob(ProcessEngine engine, VotingCycle cycle) {
        LocalDate after = LocalDate.of(cycle.year(), 3, 2).plusDays(63);
        ClockUtil.setCurrentTime(java.util.Date.from(after.atTime(12, 0).atZone(DueDates.LIMA).toInstant()));
        Job job = engine.getManagementService().createJobQuery().processInstanceId(cycle.pid())
                .activityId("Timer_VotingCloses").executable().singleResult();
        if (job == null) {
            throw new IllegalStateException("no due closing timer for cycle " + cycle.year());
        }
        return job.getId();
    }

    /** The asynchronous "Calcular priorización" job the close leaves: its id. */
    static String prioritisationJob(ProcessEngine engine, VotingCycle cycle) {
        return engine.getManagementService().createJobQuery().processInstanceId(cycle.pid())
                .activityId("Task_Prioritise").singleResult().getId();
    }
}
