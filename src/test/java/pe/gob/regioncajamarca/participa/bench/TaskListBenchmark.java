package pe.gob.regioncajamarca.participa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Benchmark 3 of issue 10: the query Tasklist makes for a unit's tasks (candidate group, sorted by due date, first
 * page of 15) with 20,000 open tasks in the system spread over 20 groups. Median of 50 runs after 10 warm-ups.
 * Baseline: the same database answering a plain SQL query for the same page (join of tasks and identity links).
 */
@EnabledIfSystemProperty(named = "participa.test.db", matches = "postgres")
class TaskListBenchmark extends ProcessTest {

    static final int TASKS = 20_000;
    static final int GROUPS = 20;

    static long median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void aUnitsFirstPageAmongTwentyThousandOpenTasks() {
        engine.getRepositoryService().createDeployment().name("benchmark task list")
                .addModelInstance("bench-list.bpmn", Bpmn.createExecutableProcess("bench-list").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("t").camundaCandidateGroups("${grupo}").camundaDueDate("${vence}")
                        .endEvent().done())
                .deploy();
        long day = 86_400_000L;
        for (int i = 0; i < TASKS; i++) {
            runtime.startProcessInstanceByKey("bench-list", java.util.Map.of("grupo", "unit-lista-" + (i % GROUPS),
                    "vence", new java.util.Date(System.currentTimeMillis() + ((i * 7919L) % 60) * day)));
        }
        assertThat(tasks.createTaskQuery().processDefinitionKey("bench-list").count()).isEqualTo(TASKS);
        String group = "unit-lista-7";
        List<Long> engineRuns = new ArrayList<>();
        List<Long> sqlRuns = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long t0 = System.nanoTime();
            List<Task> page = tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks()
                    .orderByDueDate().asc().listPage(0, 15);
            long t1 = System.nanoTime();
            List<String> ids = jdbc.sql("""
                    SELECT t.ID_ FROM ACT_RU_TASK t JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_
                    WHERE l.TYPE_ = 'candidate' AND l.GROUP_ID_ = ? ORDER BY t.DUE_DATE_ ASC LIMIT 15""")
                    .param(group).query(String.class).list();
            long t2 = System.nanoTime();
            assertThat(page).hasSize(15);
            assertThat(ids).hasSize(15);
            if (i >= 10) {
                engineRuns.add(t1 - t0);
                sqlRuns.add(t2 - t1);
            }
        }
        long engine = median(engineRuns);
        long sql = median(sqlRuns);
        Bench.report("Tasklist's query: a unit's first page by due date, " + TASKS + " open tasks",
                String.format("median %.1f ms", engine / 1e6), String.format("median %.1f ms (plain SQL, same page)", sql / 1e6),
                (double) engine / sql, "median < 100 ms", engine / 1e6 < 100);
    }
}
