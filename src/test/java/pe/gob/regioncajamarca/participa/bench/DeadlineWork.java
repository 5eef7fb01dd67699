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

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The work of benchmark 4 (deadlines due by the thousand, fired by the application's job executor) and its
 * baseline, shared by {@link DeadlinesBenchmark} (a fresh test database) and {@link LivedDatabaseBenchmark} (a copy
 * of the ten-year database and of a fresh one). The engine's job executor must be on.
 */
final class DeadlineWork {

    private DeadlineWork() {
    }

    /** Times of one run: instances created, the bare engine's trivial jobs, the deadlines escalated (nanoseconds). */
    record Result(int n, long created, long baseline, long fired) {
    }

    /** A user task with our deadline pattern: non-interrupting timer boundary, {@code ${escalacion}} listener. */
    static BpmnModelInstance deadlineModel() {
        return Bpmn.createExecutableProcess("bench-deadline").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Work").name("Tarea con plazo").camundaCandidateGroups("unit-plazos")
                .boundaryEvent("Timer_WorkOverdue").name("Plazo vencido").cancelActivity(false)
                .camundaExecutionListenerDelegateExpression("start", "${escalacion}").timerWithDate("${vence}")
                .endEvent("Event_WorkEscalated")
                .moveToActivity("Task_Work").endEvent("Event_Worked").done();
    }

    /**
     * {@code n} instances waiting with a deadline one day ahead and {@code n} trivial async continuations created
     * under a suspended job definition (4 client threads); then the baseline (the continuations activated in one
     * statement, timed until none is left) and the figure (the engine clock moved past the deadlines, timed until
     * {@code n} escalations are stored). Checks that every deadline escalated, none failed.
     */
    static Result run(ProcessEngine engine, JdbcClient jdbc, int n) throws Exception {
        ClockUtil.reset();
        RuntimeService runtime = engine.getRuntimeService();
        ManagementService management = engine.getManagementService();
        BpmnModelInstance trivial = Bpmn.createExecutableProcess("bench-async").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("Task_Nothing").camundaAsyncBefore().camundaExpression("${true}")
                .endEvent().done();
        engine.getRepositoryService().createDeployment().name("benchmark deadlines")
                .addModelInstance("bench-deadline.bpmn", deadlineModel()).addModelInstance("bench-async.bpmn", trivial)
                .deploy();
        management.suspendJobDefinitionByProcessDefinitionKey("bench-async");

        Date due = new Date(ClockUtil.getCurrentTime().getTime() + 86_400_000L);
        long c0 = System.nanoTime();
        inParallel(n, i -> runtime.startProcessInstanceByKey("bench-deadline", "bench-deadline-" + i,
                Map.of("vence", due)));
        inParallel(n, i -> runtime.startProcessInstanceByKey("bench-async", "bench-async-" + i));
        long created = System.nanoTime() - c0;
        assertThat(management.createJobQuery().processDefinitionKey("bench-async").suspended().count())
                .isEqualTo(n);

        // baseline: n trivial continuations due at once, same executor
        long b0 = System.nanoTime();
        management.activateJobDefinitionByProcessDefinitionKey("bench-async", true);
        long baselineLeft = waitUntil(() -> management.createJobQuery().processDefinitionKey("bench-async").count(), 0);
        long baseline = System.nanoTime() - b0;
        assertThat(baselineLeft).isZero();

        // the figure: the deadlines pass, n escalations
        long t0 = System.nanoTime();
        long escalated;
        try {
            ClockUtil.setCurrentTime(new Date(due.getTime() + 60_000));
            escalated = n - waitUntil(() -> n - jdbc.sql(
                    "SELECT COUNT(*) FROM task_escalation WHERE business_key LIKE 'bench-deadline-%'")
                    .query(Long.class).single(), 0);
        } finally {
            ClockUtil.reset();
        }
        long fired = System.nanoTime() - t0;

        assertThat(escalated).isEqualTo(n);
        assertThat(management.createJobQuery().processDefinitionKey("bench-deadline").withException().count()).isZero();
        assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey("bench-deadline")
                .taskCandidateGroup("regional-management").count())
                .as("tasks escalated to regional management, still open").isEqualTo(n);
        return new Result(n, created, baseline, fired);
    }

    /** Polls every 250 ms until the supplier gives {@code target} or 10 minutes pass; returns the last value. */
    static long waitUntil(LongSupplier left, long target) throws InterruptedException {
        long start = System.nanoTime();
        long value = left.getAsLong();
        while (value != target && System.nanoTime() - start < 600_000_000_000L) {
            Thread.sleep(250);
            value = left.getAsLong();
        }
        return value;
    }

    /** {@code work} for 0 to n-1 over 4 threads. */
    static void inParallel(int n, IntConsumer work) throws Exception {
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
