package pe.gob.regioncajamarca.participa.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Every path of quarterly-monitoring-round: one task per prioritised project routed to its unit, the unit's
 * figures stored, consolidation and the committee's notice, the quarterly timer start, escalation, duplicates.
 */
class MonitoringProcessIT extends ProcessTest {

    @Autowired MonitoringRounds rounds;
    @Autowired MonitoringService monitoring;
    @Autowired IdentityService identity;
    String cui;

    @BeforeEach
    void prioritisedProject() {
        int year = freeYear();
        formalisedCycle(year);
        cui = String.valueOf(3000000 + unique());
        jdbc.sql("""
                INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, prioritized,
                                     execution_status, monitored_since)
                VALUES (?, ?, 'Mejoramiento del servicio de agua para riego', 'CAJAMARCA', 900000, 'Agricultura', ?,
                        TRUE, 'EN_EJECUCION', CURRENT_DATE)""")
                .params(year, cui, TEST_UNIT).update();
        if (identity.createUserQuery().userId("vigia-prueba").count() == 0) {
            User u = identity.newUser("vigia-prueba");
            u.setFirstName("Vigía");
            u.setLastName("de Prueba");
            u.setEmail("vigia-prueba@example.pe");
            u.setPassword("x");
            identity.saveUser(u);
            if (identity.createGroupQuery().groupId("oversight-committee").count() == 0) {
                var g = identity.newGroup("oversight-committee");
                g.setName("Comité de Vigilancia");
                identity.saveGroup(g);
            }
            identity.createMembership("vigia-prueba", "oversight-committee");
        }
    }

    private Task taskForMyProject(String pid) {
        return tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_ReportProgress").list()
                .stream().filter(t -> cui.equals(tasks.getVariable(t.getId(), "cui"))).findFirst().orElseThrow();
    }

    private static final java.util.concurrent.atomic.AtomicInteger QUARTERS = new java.util.concurrent.atomic.AtomicInteger();

    /** A quarter no other test of this run uses (2060-Q1 onwards). */
    private static String quarter() {
        int n = QUARTERS.getAndIncrement();
        return (2060 + n / 4) + "-Q" + (n % 4 + 1);
    }

    @Test
    void eachUnitReportsItsProjectsThenPlanningConsolidatesAndTheCommitteeIsTold() {
        String quarter = quarter();
        String pid = rounds.startByHand(quarter);
        executeDueJobs(pid);
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
        assertThat(pi.getBusinessKey()).isEqualTo(quarter);
        assertThat(pi).isWaitingAt("Task_ReportProgress");
        Task mine = taskForMyProject(pid);
        assertThat(candidateGroupsOf(mine)).containsExactly(TEST_UNIT_GROUP);
        assertThat(mine.getDueDate()).isEqualTo(plazos.habiles(10));

        complete(mine, withVariables("avanceFisico", 35.5, "ejecucionFinanciera", 410000, "pim", 900000,
                "estadoEjecucion", "PARALIZADO", "dificultades", "Lluvias"));
        MonitoringService.Report report = monitoring.reports(quarter).stream().filter(r -> cui.equals(r.cui()))
                .findFirst().orElseThrow();
        assertThat(report.status()).isEqualTo("REPORTADO");
        assertThat(report.physicalProgress()).isEqualByComparingTo("35.5");
        assertThat(report.financialExecution()).isEqualByComparingTo("410000");
        assertThat(jdbc.sql("SELECT execution_status FROM project WHERE cui = ?").param(cui).query(String.class)
                .single()).isEqualTo("PARALIZADO");

        // the other units' projects of this test database (if any) report too
        for (Task t : tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_ReportProgress").list()) {
            complete(t, withVariables("avanceFisico", 10, "ejecucionFinanciera", 1, "pim", 1,
                    "estadoEjecucion", "EN_EJECUCION"));
        }
        Task consolidate = taskOf(pid, "Task_ConsolidateReport");
        assertThat(candidateGroupsOf(consolidate)).containsExactly("planning");
        complete(consolidate, withVariables("conclusiones", "Un proyecto paralizado por lluvias."));
        executeDueJobs(pid);
        assertThat(pi).isEnded().hasPassed("Event_Closed");
        assertThat(jdbc.sql("SELECT status FROM monitoring_round WHERE quarter = ?").param(quarter)
                .query(String.class).single()).isEqualTo("CERRADA");
        assertThat(mailsTo("vigia-prueba@example.pe")).contains("Informe de seguimiento " + quarter);
    }

    @Test
    void aSecondRoundForTheSameQuarterIsRefused() {
        String quarter = quarter();
        executeDueJobs(rounds.startByHand(quarter));
        String second = rounds.startByHand(quarter);
        assertThatThrownBy(() -> executeDueJobs(second)).hasMessageContaining("Ya existe una ronda");
    }

    @Test
    void overdueReportsAreEscalatedToRegionalManagement() {
        String pid = rounds.startByHand(quarter());
        executeDueJobs(pid);
        passDeadlineOf(taskForMyProject(pid));
        assertThat(candidateGroupsOf(taskForMyProject(pid)))
                .containsExactlyInAnyOrder(TEST_UNIT_GROUP, "regional-management");
        assertThat(taskForMyProject(pid).getPriority()).isEqualTo(90);
    }

    @Test
    void theQuarterlyTimerStartsTheRoundOfTheQuarterThatBegins() {
        Job timer = management.createJobQuery().processDefinitionKey(MonitoringService.PROCESS_KEY).timers()
                .active().list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
        LocalDate fires = timer.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
        assertThat(fires.getDayOfMonth()).isEqualTo(1);
        assertThat(fires.getMonthValue()).isIn(1, 4, 7, 10);
        String expected = MonitoringService.quarterOf(fires);
        java.util.Set<String> before = new java.util.HashSet<>();
        runtime.createProcessInstanceQuery().processDefinitionKey(MonitoringService.PROCESS_KEY).list()
                .forEach(p -> before.add(p.getId()));
        clockAt(new java.util.Date(timer.getDuedate().getTime() + 3_600_000));
        management.executeJob(timer.getId());
        List<ProcessInstance> started = runtime.createProcessInstanceQuery()
                .processDefinitionKey(MonitoringService.PROCESS_KEY).list().stream()
                .filter(p -> !before.contains(p.getId())).toList();
        assertThat(started).hasSize(1);
        String pid = started.get(0).getId();
        executeDueJobs(pid); // "Preparar ronda" runs after a savepoint
        assertThat(runtime.getVariable(pid, "trimestre")).isEqualTo(expected);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult().getBusinessKey())
                .isEqualTo(expected);
        // and the next quarter's timer is scheduled
        assertThat(management.createJobQuery().processDefinitionKey(MonitoringService.PROCESS_KEY).timers().list()
                .stream().filter(j -> j.getProcessInstanceId() == null).count()).isEqualTo(1);
    }
}
