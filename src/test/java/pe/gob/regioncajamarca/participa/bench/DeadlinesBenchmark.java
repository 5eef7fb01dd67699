package pe.gob.regioncajamarca.participa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Benchmark 4 of issue 10: 10,000 deadlines due at once, fired by the application's own job executor.
 * <p>
 * A context of its own (own engine name, own database: H2 in memory or a fresh PostgreSQL database) with the job
 * executor ON and the settings below, which are the ones docs/performance.md writes down. Each of 10,000 instances
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
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.core-pool-size=" + DeadlinesBenchmark.THREADS,
        "camunda.bpm.job-execution.max-pool-size=" + DeadlinesBenchmark.THREADS,
        "camunda.bpm.job-execution.queue-capacity=" + DeadlinesBenchmark.QUEUE,
        "camunda.bpm.job-execution.max-jobs-per-acquisition=" + DeadlinesBenchmark.PER_ACQUISITION,
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000",
        "camunda.bpm.job-execution.lock-time-in-millis=300000",
        "spring.datasource.hikari.maximum-pool-size=" + (DeadlinesBenchmark.THREADS + 4)})
class DeadlinesBenchmark extends ProcessTest {

    static final int TIMERS = 10_000;
    static final int THREADS = 4;
    static final int QUEUE = 64;
    static final int PER_ACQUISITION = 32;
    static final String SETTINGS = "job executor " + THREADS + " threads, queue " + QUEUE + ", " + PER_ACQUISITION
            + " jobs per acquisition, wait 200 ms, max wait 1 s";

    @Test
    void tenThousandTimersDueAtOnce() throws Exception {
        ClockUtil.reset();
        BpmnModelInstance deadlines = Bpmn.createExecutableProcess("bench-deadline").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Work").name("Tarea con plazo").camundaCandidateGroups("unit-plazos")
                .boundaryEvent("Timer_WorkOverdue").name("Plazo vencido").cancelActivity(false)
                .camundaExecutionListenerDelegateExpression("start", "${escalacion}").timerWithDate("${vence}")
                .endEvent("Event_WorkEscalated")
                .moveToActivity("Task_Work").endEvent("Event_Worked").done();
        BpmnModelInstance trivial = Bpmn.createExecutableProcess("bench-async").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("Task_Nothing").camundaAsyncBefore().camundaExpression("${true}")
                .endEvent().done();
        engine.getRepositoryService().createDeployment().name("benchmark deadlines")
                .addModelInstance("bench-deadline.bpmn", deadlines).addModelInstance("bench-async.bpmn", trivial)
                .deploy();
        management.suspendJobDefinitionByProcessDefinitionKey("bench-async");

        Date due = new Date(ClockUtil.getCurrentTime().getTime() + 86_400_000L);
        long c0 = System.nanoTime();
        inParallel(TIMERS, i -> runtime.startProcessInstanceByKey("bench-deadline", "bench-deadline-" + i,
                Map.of("vence", due)));
        inParallel(TIMERS, i -> runtime.startProcessInstanceByKey("bench-async", "bench-async-" + i));
        long created = System.nanoTime() - c0;
        assertThat(management.createJobQuery().processDefinitionKey("bench-async").suspended().count())
                .isEqualTo(TIMERS);

        // baseline: 10,000 trivial continuations due at once, same executor
        long b0 = System.nanoTime();
        management.activateJobDefinitionByProcessDefinitionKey("bench-async", true);
        long baselineLeft = waitUntil(() -> management.createJobQuery().processDefinitionKey("bench-async").count(), 0);
        long baseline = System.nanoTime() - b0;
        assertThat(baselineLeft).isZero();

        // the figure: the deadlines pass, 10,000 escalations
        long t0 = System.nanoTime();
        ClockUtil.setCurrentTime(new Date(due.getTime() + 60_000));
        long escalated = TIMERS - waitUntil(() -> TIMERS - jdbc.sql(
                "SELECT COUNT(*) FROM task_escalation WHERE business_key LIKE 'bench-deadline-%'")
                .query(Long.class).single(), 0);
        long fired = System.nanoTime() - t0;
        ClockUtil.reset();

        assertThat(escalated).isEqualTo(TIMERS);
        assertThat(management.createJobQuery().processDefinitionKey("bench-deadline").withException().count()).isZero();
        assertThat(tasks.createTaskQuery().processDefinitionKey("bench-deadline").taskCandidateGroup("regional-management")
                .count()).as("tasks escalated to regional management, still open").isEqualTo(TIMERS);
        System.out.printf("BENCHMARK deadlines: %d instances created in %.1f s (4 client threads)%n", 2 * TIMERS,
                Bench.seconds(created));
        Bench.report("10,000 timers due at once: all fired, escalations stored (" + SETTINGS + ")",
                String.format("%.1f s (%.0f escalations/s)", Bench.seconds(fired), TIMERS / Bench.seconds(fired)),
                String.format("%.1f s (bare engine, 10,000 trivial async jobs due at once, same executor; %.0f jobs/s)",
                        Bench.seconds(baseline), TIMERS / Bench.seconds(baseline)),
                (double) fired / baseline, "< 60 s", Bench.seconds(fired) < 60);
    }

    /** Polls every 250 ms until the supplier gives {@code target} or 10 minutes pass; returns the last value. */
    private static long waitUntil(LongSupplier left, long target) throws InterruptedException {
        long start = System.nanoTime();
        long value = left.getAsLong();
        while (value != target && System.nanoTime() - start < 600_000_000_000L) {
            Thread.sleep(250);
            value = left.getAsLong();
        }
        return value;
    }

    private static void inParallel(int n, IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int i = first; i < n; i += 4) {
                        work.accept(i);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
