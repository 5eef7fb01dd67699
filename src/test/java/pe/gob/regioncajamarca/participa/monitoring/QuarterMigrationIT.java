package pe.gob.regioncajamarca.participa.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Migration 41: the rounds run in the system move back one quarter (their label was the quarter they were opened in;
 * it is now the quarter they report), with their reports, alerts and engine instance; rounds loaded from history
 * files stay. (On the suite's database the migration found nothing to move: it is run here on rows of its own.)
 */
class QuarterMigrationIT extends ProcessTest {

    @Autowired DataSource dataSource;
    @Autowired MonitoringRounds rounds;
    @Autowired MonitoringService monitoring;

    private final java.util.List<String> myProjects = new java.util.ArrayList<>();

    /**
     * This test's projects leave the rounds of the tests after it: their reports (in quarters before or after those
     * tests' own) would be their "last report" there.
     */
    @org.junit.jupiter.api.AfterEach
    void concludeMyProjects() {
        myProjects.forEach(cui -> jdbc.sql("UPDATE project SET execution_status = 'CONCLUIDO' WHERE cui = ?").param(cui)
                .update());
    }

    private long reportOf(String quarter, String cui) {
        return jdbc.sql("SELECT r.id FROM monitoring_report r JOIN project p ON p.id = r.project_id "
                + "WHERE r.quarter = ? AND p.cui = ?").params(quarter, cui).query(Long.class).single();
    }

    private void round(String quarter, String status, String pid) {
        jdbc.sql("INSERT INTO monitoring_round (quarter, status, process_instance_id, opened_at, closed_at) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(quarter, status, pid, Timestamp.from(Instant.now()), Timestamp.from(Instant.now())).update();
    }

    private void report(String quarter, String cui, int physical, String by) {
        jdbc.sql("""
                INSERT INTO monitoring_report (quarter, project_id, unit_group, status, physical_progress,
                    financial_execution, current_budget, execution_status, reported_by, reported_at)
                SELECT ?, id, ?, 'REPORTADO', ?, 1000, 5000, 'EN_EJECUCION', ?, ? FROM project WHERE cui = ?""")
                .params(quarter, TEST_UNIT_GROUP, physical, by, Timestamp.from(Instant.now()), cui).update();
    }

    @Test
    void systemRoundsMoveBackOneQuarterAndHistoricalOnesStay() throws Exception {
        int year = sharedFormalisedCycle();
        String a = String.valueOf(3800000 + unique());
        String b = String.valueOf(3800000 + unique());
        myProjects.add(a);
        prioritisedProject(year, a, "Canal Jequetepeque", 900000, "Agricultura");
        myProjects.add(b);
        prioritisedProject(year, b, "Puesto de salud Sorochuco", 700000, "Salud");
        // a file loaded 1889-Q4 for both; the system's round opened in January 1890 was labelled 1890-Q1
        round("1889-Q4", "HISTORICA", null);
        report("1889-Q4", a, 20, "historial");
        report("1889-Q4", b, 30, "historial");
        round("1890-Q1", "CERRADA", null);
        report("1890-Q1", a, 25, "unidad");
        jdbc.sql("INSERT INTO monitoring_alert (quarter, project_id, code, message, raised_at) "
                        + "SELECT '1890-Q1', id, 'PARALIZADO', 'x', CURRENT_TIMESTAMP FROM project WHERE cui = ?")
                .param(a).update();
        // a system round of its own later: 1888-Q2 (moves to 1888-Q1, where nothing is)
        round("1888-Q2", "CERRADA", null);
        report("1888-Q2", b, 10, "unidad");

        Map<String, String> moved;
        try (Connection c = dataSource.getConnection()) {
            moved = V41__monitoring_reported_quarter.shift(c, Set.of("1890-Q1", "1888-Q2", "1889-Q4"));
        }
        assertThat(moved).containsExactly(Map.entry("1888-Q2", "1888-Q1"), Map.entry("1890-Q1", "1889-Q4"));
        assertThat(monitoring.round("1890-Q1")).isEmpty();
        assertThat(monitoring.round("1888-Q2")).isEmpty();
        assertThat(monitoring.round("1888-Q1")).get().extracting(MonitoringService.Round::status).isEqualTo("CERRADA");
        // the historical quarter became the system round's; the unit's report of A replaced the file's
        assertThat(monitoring.round("1889-Q4")).get().extracting(MonitoringService.Round::status).isEqualTo("CERRADA");
        assertThat(monitoring.reports("1889-Q4")).extracting(MonitoringService.Report::cui,
                        r -> r.physicalProgress().intValue())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(a, 25),
                        org.assertj.core.groups.Tuple.tuple(b, 30));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM monitoring_alert WHERE quarter = '1889-Q4'").query(Integer.class)
                .single()).isEqualTo(1);
        assertThat(monitoring.progressOf(b)).extracting(MonitoringService.Progress::quarter)
                .containsExactly("1888-Q1", "1889-Q4");
    }

    @Test
    void aRunningRoundKeepsWorkingUnderItsNewLabel() throws Exception {
        int year = sharedFormalisedCycle();
        String cui = String.valueOf(3800000 + unique());
        myProjects.add(cui);
        prioritisedProject(year, cui, "Trocha Chugur", 500000, "Transporte");
        String pid = rounds.startByHand("1887-Q1"); // as the round opened in January 1887 was labelled before
        executeDueJobs(pid);
        try (Connection c = dataSource.getConnection()) {
            assertThat(V41__monitoring_reported_quarter.shift(c, Set.of("1887-Q1")))
                    .containsExactly(Map.entry("1887-Q1", "1886-Q4"));
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult().getBusinessKey())
                .isEqualTo("1886-Q4");
        assertThat(runtime.getVariable(pid, "trimestre")).isEqualTo("1886-Q4");
        Task mine = reportTasks(pid).list()
                .stream().filter(t -> cui.equals(tasks.getVariable(t.getId(), "cui"))).findFirst().orElseThrow();
        tasks.complete(mine.getId(), Map.of("avanceFisico", 15, "ejecucionFinanciera", 50000, "devengadoAnio", 50000,
                "pim", 200000, "estadoEjecucion", "EN_EJECUCION"));
        assertThat(monitoring.progressOf(cui)).extracting(MonitoringService.Progress::quarter)
                .containsExactly("1886-Q4");
        assertThat(reportOf("1886-Q4", cui)).isPositive();
    }
}
