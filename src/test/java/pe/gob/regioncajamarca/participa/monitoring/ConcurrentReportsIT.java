package pe.gob.regioncajamarca.participa.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Units file their reports at the same moment, as they do on the last day: each report is its own process instance,
 * so no completion waits for or undoes another (on the first model, one multi-instance task of the round, all but
 * one failed with the engine's "updated by another transaction concurrently"). The last of them, whichever it is,
 * tells the round that all are in, exactly once.
 */
class ConcurrentReportsIT extends ProcessTest {

    @Autowired MonitoringRounds rounds;
    @Autowired MonitoringService monitoring;

    @Test
    void unitsThatFileAtTheSameMomentAllGetThrough() throws Exception {
        int year = sharedFormalisedCycle();
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String cui = String.valueOf(3500000 + unique());
            prioritisedProject(year, cui, "Proyecto concurrente " + i, 500000, "Salud");
            mine.add(cui);
        }
        try {
            fileAllAtOnce();
        } finally {
            // out of the later rounds of this test run: each would give the test unit twelve more open tasks
            for (String cui : mine) {
                jdbc.sql("UPDATE project SET execution_status = 'CONCLUIDO' WHERE cui = ?").param(cui).update();
            }
        }
    }

    private void fileAllAtOnce() throws Exception {
        String quarter = "2071-Q" + (1 + unique() % 4);
        String pid = rounds.startByHand(quarter);
        executeDueJobs(pid);
        List<Task> open = reportTasks(pid).list();
        // more units at once than the connection pool has connections (10)
        assertThat(open).hasSizeGreaterThanOrEqualTo(12);
        CyclicBarrier together = new CyclicBarrier(open.size());
        ExecutorService pool = Executors.newFixedThreadPool(open.size());
        List<Future<String>> results = new ArrayList<>();
        for (Task t : open) {
            results.add(pool.submit(() -> {
                together.await();
                try {
                    tasks.complete(t.getId(), Map.of("avanceFisico", 10, "ejecucionFinanciera", 1, "devengadoAnio", 1,
                            "pim", 1, "estadoEjecucion", "EN_EJECUCION", "dificultades",
                            "Reporte de prueba (los proyectos de otras pruebas pueden haber reportado más)."));
                    return "ok";
                } catch (RuntimeException e) {
                    return e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            }));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).allMatch("ok"::equals);
        assertThat(reportTasks(pid).count()).isZero();
        assertThat(monitoring.reports(quarter)).allSatisfy(r -> assertThat(r.status()).isEqualTo("REPORTADO"));
        // the round stopped waiting: "Cerrar reportes y evaluar alertas" is next, after its savepoint
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(
                runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult())
                .hasPassed("Task_AwaitReports").isWaitingAt("Task_CloseReporting");
    }
}
