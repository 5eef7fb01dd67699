package pe.gob.regioncajamarca.participa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.gob.regioncajamarca.participa.monitoring.MonitoringRounds;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Benchmark 2 of issue 10: a monitoring round for 1,000 prioritised projects, until every unit task exists.
 * Baseline: the bare engine starting 1,000 instances of a one-task process on the same database, same run
 * ({@link RoundWork}; the ten-year variant is in {@link LivedDatabaseBenchmark}).
 */
class MonitoringRoundBenchmark extends ProcessTest {

    @Autowired MonitoringRounds rounds;
    @Autowired javax.sql.DataSource dataSource;

    @Test
    void aRoundOfAThousandProjects() {
        int year = freeYear();
        formalisedCycle(year);
        int monitored = RoundWork.addMonitoredProjects(jdbc, dataSource, year, RoundWork.PROJECTS);

        long baseline = RoundWork.bareOneTaskInstances(engine, monitored);

        long t1 = System.nanoTime();
        String pid = RoundWork.openRound(engine, rounds, "2099-Q1");
        long round = System.nanoTime() - t1;
        assertThat(RoundWork.reportTasks(engine, pid)).isEqualTo(monitored);
        Bench.report("Monitoring round, " + monitored + " projects: all unit tasks created",
                String.format("%.2f s", Bench.seconds(round)),
                String.format("%.2f s (bare engine, %d one-task instances)", Bench.seconds(baseline), monitored),
                (double) round / baseline, "< 10 s", Bench.seconds(round) < 10);
    }
}
