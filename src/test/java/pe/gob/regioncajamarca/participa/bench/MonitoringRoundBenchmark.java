package pe.gob.regioncajamarca.participa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.gob.regioncajamarca.participa.monitoring.MonitoringRounds;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Benchmark 2 of issue 10: a monitoring round for 1,000 prioritised projects, until every unit task exists.
 * Baseline: the bare engine starting 1,000 instances of a one-task process on the same database, same run.
 */
class MonitoringRoundBenchmark extends ProcessTest {

    static final int PROJECTS = 1000;
    static final int UNITS = 10;

    @Autowired MonitoringRounds rounds;
    @Autowired javax.sql.DataSource dataSource;

    @Test
    void aRoundOfAThousandProjects() {
        int year = freeYear();
        formalisedCycle(year);
        for (int u = 0; u < UNITS; u++) {
            jdbc.sql("INSERT INTO executing_unit (code, name, group_id) VALUES (?, ?, ?)")
                    .params("bench-" + u, "Unidad de prueba de carga " + u, "unit-bench-" + u).update();
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < PROJECTS; i++) {
            rows.add(new Object[] {year, String.valueOf(8000000 + i), "Proyecto de carga " + i, "bench-" + (i % UNITS)});
        }
        org.springframework.jdbc.core.JdbcTemplate template = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        template.batchUpdate("""
                INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, prioritized,
                                     execution_status, monitored_since)
                VALUES (?, ?, ?, 'CAJAMARCA', 1000000, 'Transporte', ?, TRUE, 'EN_EJECUCION', CURRENT_DATE)""", rows);
        int monitored = jdbc.sql("SELECT COUNT(*) FROM project WHERE monitored_since IS NOT NULL "
                + "AND (execution_status IS NULL OR execution_status <> 'CONCLUIDO')").query(Integer.class).single();

        engine.getRepositoryService().createDeployment().name("benchmark baseline")
                .addModelInstance("bench-one-task.bpmn", Bpmn.createExecutableProcess("bench-one-task").camundaHistoryTimeToLive(1)
                        .startEvent().userTask().camundaCandidateGroups("unit-bench-0").endEvent().done())
                .deploy();
        long t0 = System.nanoTime();
        for (int i = 0; i < monitored; i++) {
            runtime.startProcessInstanceByKey("bench-one-task", "base-" + i);
        }
        long baseline = System.nanoTime() - t0;

        long t1 = System.nanoTime();
        String pid = rounds.startByHand("2099-Q1");
        executeDueJobs(pid);
        long round = System.nanoTime() - t1;
        assertThat(tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_ReportProgress").count())
                .isEqualTo(monitored);
        Bench.report("Monitoring round, " + monitored + " projects: all unit tasks created",
                String.format("%.2f s", Bench.seconds(round)),
                String.format("%.2f s (bare engine, %d one-task instances)", Bench.seconds(baseline), monitored),
                (double) round / baseline, "< 10 s", Bench.seconds(round) < 10);
    }
}
