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
 * tells the round that all are in, exactly once (in its own job, which runs at the same moment as the others'). Each comes with a photo, more at once than the connection pool
 * holds: a completion with files holds one connection only (the files are transient variables, so no transaction
 * after it has to remove them from the engine's history).
 */
class ConcurrentReportsIT extends ProcessTest {

    @Autowired MonitoringRounds rounds;
    @Autowired MonitoringService monitoring;
    @Autowired MonitoringEvidence evidence;

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
        byte[] photo = EvidenceMetadataTest.jpegWithExif();
        for (Task t : open) {
            results.add(pool.submit(() -> {
                together.await();
                try {
                    tasks.complete(t.getId(), Map.of("avanceFisico", 10, "ejecucionFinanciera", 1, "devengadoAnio", 1,
                            "pim", 1, "estadoEjecucion", "EN_EJECUCION", "dificultades",
                            "Reporte de prueba (los proyectos de otras pruebas pueden haber reportado más).",
                            "evidencia1", org.camunda.bpm.engine.variable.Variables.fileValue("obra.jpg").file(photo)
                                    .mimeType("image/jpeg").create()));
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
        assertThat(outcomes).allMatch("ok"::equals);
        assertThat(reportTasks(pid).count()).isZero();
        // each report then tells the round in its own job ("Avance entregado a la ronda"), as the job executor's
        // threads run them: all at the same moment as well
        List<org.camunda.bpm.engine.runtime.Job> told = management.createJobQuery().messages() // (with activityId, the engine's query misses an AND)
                .processInstanceIds(reportInstances(runtime, pid)).list();
        assertThat(told).hasSize(open.size());
        CyclicBarrier jobsTogether = new CyclicBarrier(told.size());
        List<Future<String>> jobs = new ArrayList<>();
        for (org.camunda.bpm.engine.runtime.Job job : told) {
            jobs.add(pool.submit(() -> {
                jobsTogether.await();
                try {
                    management.executeJob(job.getId());
                    return "ok";
                } catch (RuntimeException e) {
                    return e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            }));
        }
        outcomes.clear();
        for (Future<String> f : jobs) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).allMatch("ok"::equals);
        assertThat(monitoring.reports(quarter)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("REPORTADO");
            assertThat(evidence.of(r.id())).extracting(MonitoringEvidence.Evidence::fileName).containsExactly("obra.jpg");
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE NAME_ LIKE 'evidencia%' AND PROC_INST_ID_ IN "
                + "(SELECT PROC_INST_ID_ FROM ACT_HI_VARINST WHERE NAME_ = ? AND TEXT_ = ?)")
                .params(MonitoringRoundVariables.RONDA, pid).query(Long.class).single())
                .as("no photo in the engine's history").isZero();
        // the round stopped waiting, once: "Cerrar reportes y evaluar alertas" is next, after its savepoint
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(
                runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult())
                .hasPassed("Task_AwaitReports").isWaitingAt("Task_CloseReporting");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pid).activityId("Task_AwaitReports")
                .finished().count()).isOne();
    }

    @Test
    void theRoundIsToldByTheReportFiledLastWhateverTheOrderOfTheirJobs() {
        int year = sharedFormalisedCycle();
        String cui = String.valueOf(3500000 + unique());
        prioritisedProject(year, cui, "Proyecto del último reporte", 500000, "Salud");
        try {
            String quarter = "2072-Q" + (1 + unique() % 4);
            String pid = rounds.startByHand(quarter);
            executeDueJobs(pid);
            List<Task> open = reportTasks(pid).list();
            Task last = open.stream().filter(t -> cui.equals(tasks.getVariable(t.getId(), "cui"))).findFirst()
                    .orElseThrow();
            // every other report filed, and its job run: one is still pending, the round waits
            for (Task t : open) {
                if (!t.getId().equals(last.getId())) {
                    file(t);
                }
            }
            executeDueJobs(pid);
            org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(
                    runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult())
                    .isWaitingAt("Task_AwaitReports");
            // the last one: its job finds none pending
            String lastReport = last.getProcessInstanceId();
            file(last);
            management.executeJob(management.createJobQuery().processInstanceId(lastReport).singleResult().getId());
            org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(
                    runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult())
                    .hasPassed("Task_AwaitReports").isWaitingAt("Task_CloseReporting");
        } finally {
            jdbc.sql("UPDATE project SET execution_status = 'CONCLUIDO' WHERE cui = ?").param(cui).update();
        }
    }

    private void file(Task t) {
        tasks.complete(t.getId(), Map.of("avanceFisico", 10, "ejecucionFinanciera", 1, "devengadoAnio", 1, "pim", 1,
                "estadoEjecucion", "EN_EJECUCION", "dificultades", "Reporte de prueba."));
    }
}
