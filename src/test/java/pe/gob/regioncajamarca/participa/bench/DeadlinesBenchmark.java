package pe.gob.regioncajamarca.participa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.context.TestPropertySource;

import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Benchmark 4 of issue 10: 10,000 deadlines due at once, fired by the application's own job executor.
 * <p>
 * A context of its own (own engine name, own database: H2 in memory or a fresh PostgreSQL database) with the job
 * executor ON and the application's own settings (application.yml, written down in docs/performance.md). Each of 10,000 instances
 * waits in a user task with our deadline pattern: a non-interrupting timer boundary whose start listener is
 * {@code ${escalacion}} (candidate group added, priority raised, {@code TaskEscalated} stored in
 * {@code task_escalation} and noted for the digests). The engine clock is moved past the deadline (the acquisition
 * compares due dates with the engine clock) and the time is measured until 10,000 escalations are stored.
 * <p>
 * Baseline, same run, same executor: the bare engine executing 10,000 trivial async continuations that become
 * due at once (created under a suspended job definition, then activated in one statement).
 */
@TestPropertySource(properties = {"participa.test.context=deadlines-benchmark",
        "camunda.bpm.process-engine-name=deadlines",
        // the profile test turns the job executor off; everything else about it comes from application.yml
        "camunda.bpm.job-execution.enabled=true"})
class DeadlinesBenchmark extends ProcessTest {

    static final int TIMERS = 10_000;

    /** The job executor's settings as the application configures them (application.yml), for the report. */
    private String settings() {
        var config = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        var jobExecutor = config.getJobExecutor();
        var pool = (org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor)
                ((org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor) jobExecutor).getTaskExecutor();
        return "job executor " + pool.getMaxPoolSize() + " threads, queue " + pool.getQueueCapacity() + ", "
                + jobExecutor.getMaxJobsPerAcquisition() + " jobs per acquisition, wait " + jobExecutor.getWaitTimeInMillis()
                + " ms, max wait " + jobExecutor.getMaxWait() + " ms, history " + config.getHistory() + "; load average "
                + PrioritisationBenchmark.loadAverage();
    }

    @Test
    @DisabledIfSystemProperty(named = "bench.deadlines.sweep", matches = "true")
    void tenThousandTimersDueAtOnce() throws Exception {
        DeadlineWork.Result r = DeadlineWork.run(engine, jdbc, TIMERS);
        System.out.printf("BENCHMARK deadlines: %d instances created in %.1f s (4 client threads)%n", 2 * TIMERS,
                Bench.seconds(r.created()));
        Bench.report("10,000 timers due at once: all fired, escalations stored (" + settings() + ")",
                String.format("%.1f s (%.0f escalations/s)", Bench.seconds(r.fired()), TIMERS / Bench.seconds(r.fired())),
                String.format("%.1f s (bare engine, 10,000 trivial async jobs due at once, same executor; %.0f jobs/s)",
                        Bench.seconds(r.baseline()), TIMERS / Bench.seconds(r.baseline())),
                (double) r.fired() / r.baseline(), "< 60 s", Bench.seconds(r.fired()) < 60);
    }

    /**
     * The job executor settings compared in one run, so that they share the machine's load (run with
     * {@code -Dit.heap="512m -Dbench.deadlines.sweep=true"}): 2,000 deadlines per setting, all instances created
     * first (due one day apart), then for each setting the executor is stopped, reconfigured (threads, jobs per
     * acquisition), started, and the engine clock moved past that setting's deadlines. The reference setting runs
     * first and last, to show how much the load drifted meanwhile.
     */
    @Test
    @EnabledIfSystemProperty(named = "bench.deadlines.sweep", matches = "true")
    void settingsSweep() throws Exception {
        int n = Integer.getInteger("bench.deadlines.per-setting", 2000);
        // threads x jobs per acquisition, e.g. -Dbench.deadlines.settings=4x32,2x32,8x32,4x64,8x64,4x32
        int[][] settings = java.util.Arrays.stream(System.getProperty("bench.deadlines.settings",
                        "4x32,2x32,8x32,4x64,8x64,4x32").split(","))
                .map(x -> new int[] {Integer.parseInt(x.split("x")[0]), Integer.parseInt(x.split("x")[1])})
                .toArray(int[][]::new);
        ClockUtil.reset();
        BpmnModelInstance deadlines = DeadlineWork.deadlineModel();
        engine.getRepositoryService().createDeployment().name("benchmark deadlines sweep")
                .addModelInstance("bench-deadline.bpmn", deadlines).deploy();
        var config = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        var jobExecutor = config.getJobExecutor();
        var pool = (org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor)
                ((org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor) jobExecutor).getTaskExecutor();
        jobExecutor.shutdown();
        long now = ClockUtil.getCurrentTime().getTime();
        String run = "sweep" + System.nanoTime() % 100000;
        long c0 = System.nanoTime();
        for (int v = 0; v < settings.length; v++) {
            Date due = new Date(now + (v + 1) * 86_400_000L);
            String prefix = run + "-" + v + "-";
            DeadlineWork.inParallel(n, i -> runtime.startProcessInstanceByKey("bench-deadline", prefix + i,
                    Map.of("vence", due)));
        }
        System.out.printf("BENCHMARK sweep: %d instances created in %.1f s%n", n * settings.length,
                Bench.seconds(System.nanoTime() - c0));
        try {
            for (int v = 0; v < settings.length; v++) {
                int threads = settings[v][0];
                int perAcquisition = settings[v][1];
                jobExecutor.shutdown();
                if (threads > pool.getMaxPoolSize()) {
                    pool.setMaxPoolSize(threads);
                    pool.setCorePoolSize(threads);
                } else {
                    pool.setCorePoolSize(threads);
                    pool.setMaxPoolSize(threads);
                }
                jobExecutor.setMaxJobsPerAcquisition(perAcquisition);
                String prefix = run + "-" + v + "-";
                String load = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim();
                long t0 = System.nanoTime();
                ClockUtil.setCurrentTime(new Date(now + (v + 1) * 86_400_000L + 60_000));
                jobExecutor.start();
                long left = DeadlineWork.waitUntil(() -> n - jdbc.sql(
                        "SELECT COUNT(*) FROM task_escalation WHERE business_key LIKE ?")
                        .param(prefix + "%").query(Long.class).single(), 0);
                long took = System.nanoTime() - t0;
                assertThat(left).isZero();
                System.out.printf("BENCHMARK sweep | history %s | %d threads, %d jobs per acquisition, queue %d | %d "
                        + "escalations in %.1f s | %.0f escalations/s | load average before %s%n", config.getHistory(),
                        threads, perAcquisition, pool.getQueueCapacity(), n, Bench.seconds(took),
                        n / Bench.seconds(took), load);
            }
        } finally {
            ClockUtil.reset();
        }
    }
}
