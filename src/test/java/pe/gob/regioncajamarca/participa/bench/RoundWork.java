package pe.gob.regioncajamarca.participa.bench;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import pe.gob.regioncajamarca.participa.monitoring.MonitoringRounds;

/**
 * The work of benchmark 2 (a monitoring round of 1,000 projects) and its baseline, shared by
 * {@link MonitoringRoundBenchmark} (a fresh test database) and {@link LivedDatabaseBenchmark} (a copy of the
 * ten-year database and of a fresh one): the projects, the bare engine's one-task instances, the round itself.
 */
final class RoundWork {

    static final int PROJECTS = 1000;
    static final int UNITS = 10;
    static final String BASELINE_KEY = "bench-one-task";

    private RoundWork() {
    }

    /**
     * {@link #UNITS} executing units ({@code bench-0}..., groups {@code unit-bench-0}...) and {@code projects}
     * prioritised projects in execution of cycle {@code year} (which must exist), spread over them, inserted as the
     * project import leaves them; returns how many projects the next round will ask for (these and the others the
     * database already monitors).
     */
    static int addMonitoredProjects(JdbcClient jdbc, DataSource dataSource, int year, int projects) {
        for (int u = 0; u < UNITS; u++) {
            jdbc.sql("INSERT INTO executing_unit (code, name, group_id) VALUES (?, ?, ?)")
                    .params("bench-" + u, "Unidad de prueba de carga " + u, "unit-bench-" + u).update();
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < projects; i++) {
            rows.add(new Object[] {year, String.valueOf(8000000 + i), "Proyecto de carga " + i, "bench-" + (i % UNITS)});
        }
        new JdbcTemplate(dataSource).batchUpdate("""
                INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, prioritized,
                                     execution_status, monitored_since)
                VALUES (?, ?, ?, 'CAJAMARCA', 1000000, 'Transporte', ?, TRUE, 'EN_EJECUCION', CURRENT_DATE)""", rows);
        return jdbc.sql("SELECT COUNT(*) FROM project WHERE monitored_since IS NOT NULL "
                + "AND (execution_status IS NULL OR execution_status <> 'CONCLUIDO')").query(Integer.class).single();
    }

    /** The baseline: nanoseconds the bare engine takes to start {@code n} instances of a one-task process. */
    static long bareOneTaskInstances(ProcessEngine engine, int n) {
        engine.getRepositoryService().createDeployment().name("benchmark baseline")
                .addModelInstance(BASELINE_KEY + ".bpmn", Bpmn.createExecutableProcess(BASELINE_KEY)
                        .camundaHistoryTimeToLive(1).startEvent().userTask().camundaCandidateGroups("unit-bench-0")
                        .endEvent().done())
                .deploy();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            engine.getRuntimeService().startProcessInstanceByKey(BASELINE_KEY, "base-" + i);
        }
        return System.nanoTime() - t0;
    }

    /** The round that reports {@code quarter}, opened by hand and prepared (its job run): its process instance id. */
    static String openRound(ProcessEngine engine, MonitoringRounds rounds, String quarter) {
        String pid = rounds.startByHand(quarter);
        executeDueJobs(engine.getManagementService(), pid);
        return pid;
    }

    /** How many "Reportar avance trimestral" tasks the round has (each in its report's own instance). */
    static long reportTasks(ProcessEngine engine, String pid) {
        return MonitoringRounds.reportTasks(engine.getTaskService(), pid).count();
    }

    /** Executes every job of the instance that is due at the engine clock; returns how many ran. */
    static int executeDueJobs(ManagementService management, String processInstanceId) {
        return pe.gob.regioncajamarca.participa.testsupport.ProcessTest.executeDueJobs(management, processInstanceId);
    }
}
