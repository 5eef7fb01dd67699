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
    @Autowired MonitoringAlerts alerts;
    @Autowired org.camunda.bpm.engine.DecisionService decisions;
    String cui;

    @BeforeEach
    void prioritisedProject() {
        int year = sharedFormalisedCycle();
        cui = String.valueOf(3000000 + unique());
        prioritisedProject(year, cui, "Mejoramiento del servicio de agua para riego", 900000, "Agricultura");
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
        return reportTasks(pid).list()
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
        assertThat(pi).isWaitingAt("Task_AwaitReports");
        Task mine = taskForMyProject(pid);
        assertThat(candidateGroupsOf(mine)).containsExactly(TEST_UNIT_GROUP);
        assertThat(mine.getDueDate()).isEqualTo(plazos.habiles(10));

        complete(mine, withVariables("avanceFisico", 35.5, "ejecucionFinanciera", 410000, "devengadoAnio", 410000,
                "pim", 900000, "estadoEjecucion", "PARALIZADO", "dificultades", "Lluvias"));
        MonitoringService.Report report = monitoring.reports(quarter).stream().filter(r -> cui.equals(r.cui()))
                .findFirst().orElseThrow();
        assertThat(report.status()).isEqualTo("REPORTADO");
        assertThat(report.physicalProgress()).isEqualByComparingTo("35.5");
        assertThat(report.financialExecution()).isEqualByComparingTo("410000");
        assertThat(jdbc.sql("SELECT execution_status FROM project WHERE cui = ?").param(cui).query(String.class)
                .single()).isEqualTo("PARALIZADO");

        // the other units' projects of this test database (if any) report too
        for (Task t : reportTasks(pid).list()) {
            complete(t, withVariables("avanceFisico", 10, "ejecucionFinanciera", 1, "devengadoAnio", 1, "pim", 1,
                    "estadoEjecucion", "EN_EJECUCION"));
        }
        executeDueJobs(pid); // "Cerrar reportes y evaluar alertas" runs after a savepoint
        assertThat(pi).hasPassed("Task_CloseReporting");
        assertThat(runtime.getVariable(pid, "proyectosNoReportados")).isEqualTo(0);
        assertThat(alerts.ofQuarter(quarter)).filteredOn(a -> cui.equals(a.cui())).extracting(MonitoringAlerts.Alert::code)
                .containsExactly("PARALIZADO");
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
        // the round opened as a quarter begins reports the quarter that has just ended
        String expected = Quarter.reportedBy(fires).toString();
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

    @Test
    void theUnitIsRemindedThreeBusinessDaysBeforeAndWhatIsMissingWhenReportingClosesIsNotReported() {
        String unitMember = staffUser(TEST_UNIT_GROUP);
        clockAt(LocalDate.of(2026, 10, 1)); // Thursday; 8 October (Angamos) is a holiday
        String quarter = quarter();
        String pid = rounds.startByHand(quarter);
        executeDueJobs(pid);
        Task mine = taskForMyProject(pid);
        // 10 business days from Thu 1 Oct skipping the weekends and 8 Oct: Fri 16 Oct at the end of the workday
        assertThat(mine.getDueDate()).isEqualTo(java.util.Date.from(LocalDate.of(2026, 10, 16).atTime(17, 30)
                .atZone(java.time.ZoneId.of("America/Lima")).toInstant()));
        clockAt(LocalDate.of(2026, 10, 14)); // noon of Wed 14: the reminder (3 business days before, Tue 13) is due
        executeDueJobs(pid);
        // one mail per person, however many projects the unit has in the round
        assertThat(mailsTo(unitMember + "@example.pe")).singleElement().satisfies(s -> assertThat(s)
                .startsWith("Recordatorio: ").contains("«Reportar avance trimestral", "16/10/2026"));
        // the reporting closes 15 business days after the round opened (Fri 23 Oct), reported or not
        clockAt(LocalDate.of(2026, 10, 17));
        executeDueJobs(pid); // the escalations
        assertThat(taskForMyProject(pid)).isNotNull();
        clockAt(LocalDate.of(2026, 10, 24));
        executeDueJobs(pid);
        assertThat(reportTasks(pid).count())
                .isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult())
                .hasPassed("Timer_RoundCloses", "Task_CloseReporting").isWaitingAt("Task_ConsolidateReport");
        assertThat(monitoring.reports(quarter)).filteredOn(r -> cui.equals(r.cui())).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo("NO_REPORTADO"));
        assertThat(alerts.ofQuarter(quarter)).filteredOn(a -> cui.equals(a.cui())).extracting(MonitoringAlerts.Alert::code)
                .containsExactly("NO_REPORTADO");
        assertThat((Integer) runtime.getVariable(pid, "proyectosNoReportados")).isPositive();
    }

    @Test
    void figuresAreValidatedAgainstTheBudgetAndTheLastReport() {
        String first = quarter();
        String pid = rounds.startByHand(first);
        executeDueJobs(pid);
        complete(taskForMyProject(pid), withVariables("avanceFisico", 40, "ejecucionFinanciera", 300000,
                "devengadoAnio", 300000, "pim", 900000, "estadoEjecucion", "EN_EJECUCION"));
        String second = quarter();
        String pid2 = rounds.startByHand(second);
        executeDueJobs(pid2);
        Task mine = taskForMyProject(pid2);
        assertThat(tasks.getVariable(mine.getId(), "avanceAnterior")).isEqualTo(40.0);
        assertThat(tasks.getVariable(mine.getId(), "ambito")).isEqualTo("CAJAMARCA");
        // the updated total cost is filled in: the project's cost (900,000) on its first report, then the last one
        assertThat(tasks.getVariable(mine.getId(), "costoActualizado")).isEqualTo(900000.0);
        assertThatThrownBy(() -> tasks.complete(mine.getId(), java.util.Map.of("avanceFisico", 50,
                "ejecucionFinanciera", 950000, "devengadoAnio", 600000, "pim", 900000,
                "estadoEjecucion", "EN_EJECUCION")))
                .hasMessageContaining("El devengado acumulado (S/ 950,000.00) no puede superar el costo total "
                        + "actualizado (S/ 900,000.00)");
        assertThatThrownBy(() -> tasks.complete(mine.getId(), java.util.Map.of("avanceFisico", 30,
                "ejecucionFinanciera", 350000, "devengadoAnio", 50000, "pim", 900000,
                "estadoEjecucion", "EN_EJECUCION")))
                .hasMessageContaining("es menor que el del último reporte (40 %)");
        assertThat(taskForMyProject(pid2).getId()).isEqualTo(mine.getId()); // still open, nothing stored
        tasks.complete(mine.getId(), java.util.Map.of("avanceFisico", 30, "ejecucionFinanciera", 800000,
                "devengadoAnio", 500000, "pim", 900000, "estadoEjecucion", "EN_EJECUCION",
                "dificultades", "Se demolió una losa mal vaciada; el avance se recalculó."));
        assertThat(monitoring.progressOf(cui)).extracting(MonitoringService.Progress::quarter)
                .containsExactly(first, second);
        // 800,000 of a 900,000 updated cost is 88.9 % against 30 % physical: more than 20 points ahead
        for (Task t : reportTasks(pid2).list()) {
            complete(t, withVariables("avanceFisico", 100, "ejecucionFinanciera", 1, "devengadoAnio", 1, "pim", 1,
                    "estadoEjecucion", "CONCLUIDO"));
        }
        executeDueJobs(pid2);
        assertThat(alerts.ofProject(Integer.parseInt(jdbc.sql("SELECT cycle_year FROM project WHERE cui = ?")
                .param(cui).query(String.class).single()), cui)).extracting(MonitoringAlerts.Alert::code)
                .containsExactly("FINANCIERO_ADELANTADO");
    }

    /** The DMN table on hand-computed cases; several alerts may hold at once (hit policy COLLECT). */
    @Test
    void theAlertTableDecides() {
        assertThat(decide(false, null, 0, 0)).containsExactly("NO_REPORTADO");
        assertThat(decide(true, "EN_EJECUCION", 20.0, 1)).isEmpty();
        assertThat(decide(true, "EN_EJECUCION", 20.01, 1)).containsExactly("FINANCIERO_ADELANTADO");
        assertThat(decide(true, "PARALIZADO", 35, 2)).containsExactlyInAnyOrder("PARALIZADO",
                "FINANCIERO_ADELANTADO", "SIN_AVANCE");
        assertThat(decide(true, "CONCLUIDO", 0, 3)).isEmpty();
        // gap: 450,000 accrued of a 900,000 updated cost is 50 % financial against 25 % physical = 25 points
        assertThat(MonitoringAlerts.gap(new MonitoringAlerts.Row(1, "REPORTADO", new java.math.BigDecimal("25"),
                new java.math.BigDecimal("450000"), new java.math.BigDecimal("900000"),
                new java.math.BigDecimal("3000000"), "EN_EJECUCION", "1"))).isEqualTo(25.0);
        // without an updated cost, the project's cost: 450,000 of 600,000 is 75 % against 25 % = 50 points
        assertThat(MonitoringAlerts.gap(new MonitoringAlerts.Row(1, "REPORTADO", new java.math.BigDecimal("25"),
                new java.math.BigDecimal("450000"), null, new java.math.BigDecimal("600000"), "EN_EJECUCION", "1")))
                .isEqualTo(50.0);
    }

    private List<String> decide(boolean reported, String status, double gap, int unchanged) {
        java.util.Map<String, Object> in = new java.util.HashMap<>();
        in.put("reportado", reported);
        in.put("estado", status);
        in.put("brecha", gap);
        in.put("trimestresSinAvance", unchanged);
        return decisions.evaluateDecisionByKey(MonitoringAlerts.DECISION).variables(in).evaluate()
                .collectEntries("codigo");
    }

    @Test
    void aRoundOfTheModelBeforeBatchesStillStartsItsReportsInItsPreparation() {
        var repository = engine.getRepositoryService();
        var old = repository.createDeployment().name("quarterly-monitoring-round 2.0 (prueba)")
                .addClasspathResource("legacy/quarterly-monitoring-round-2.0.bpmn")
                .addClasspathResource("forms/consolidar-informe.form").deploy();
        String quarter = "2079-Q" + (1 + unique() % 4);
        java.util.Set<String> started = new java.util.HashSet<>();
        try {
            String definition = repository.createProcessDefinitionQuery().deploymentId(old.getId()).singleResult()
                    .getId();
            ProcessInstance pi = runtime.createProcessInstanceById(definition).setVariable("trimestre", quarter)
                    .startBeforeActivity("Task_PrepareRound").execute();
            executeDueJobs(pi.getId());
            started.addAll(reportInstances(runtime, pi.getId()));

            assertThat(pi).hasPassed("Task_PrepareRound").isWaitingAt("Task_AwaitReports");
            assertThat(monitoring.reports(quarter)).isNotEmpty();
            assertThat(reportTasks(pi.getId()).count()).isEqualTo(monitoring.reports(quarter).size());
        } finally {
            if (!started.isEmpty()) {
                runtime.deleteProcessInstances(List.copyOf(started), "prueba", true, true);
            }
            repository.deleteDeployment(old.getId(), true);
        }
    }
}
