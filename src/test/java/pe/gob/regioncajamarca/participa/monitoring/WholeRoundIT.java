package pe.gob.regioncajamarca.participa.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * A whole quarterly round on PostgreSQL with 300 prioritised projects of three executing units, through the engine
 * with the clock moved: one task per project routed to its unit, one grouped reminder per person, the escalation
 * of what is late, the reporting closed by its timer with the unreported projects marked, the alerts raised by the
 * DMN table checked against counts computed here, the report consolidated, its PDF produced and the committee
 * mailed. Runs on PostgreSQL only, in a database of its own.
 */
@EnabledIfSystemProperty(named = "participa.test.db", matches = "postgres")
@org.springframework.test.context.TestPropertySource(properties = {"participa.test.context=whole-round",
        // an engine name of its own: engines register by name in a static registry that /engine-rest and the
        // webapps of the shared test context look up, and "default" must stay that context's engine
        "camunda.bpm.process-engine-name=wholeround"})
class WholeRoundIT extends ProcessTest {

    static final int PER_UNIT = 100;
    static final String[] UNITS = {"obras-norte", "obras-sur", "agraria"};
    /** The round opened on Thu 1 October 2026 reports the third quarter (domain.md). */
    static final String QUARTER = Quarter.reportedBy(LocalDate.of(2026, 10, 1)).toString();

    @Autowired MonitoringRounds rounds;
    @Autowired MonitoringService monitoring;
    @Autowired MonitoringAlerts alerts;
    @LocalServerPort int port;

    @Test
    void aRoundOfThreeHundredProjects() throws Exception {
        clockAt(LocalDate.of(2026, 10, 1)); // Thursday; 8 October is a holiday
        int year = freeYear();
        formalisedCycle(year);
        Map<String, String> member = new HashMap<>();
        List<String> scopes = List.copyOf(Scopes.ALL);
        Map<String, String> unitOf = new HashMap<>();
        List<String> stalled = new ArrayList<>();
        for (String unit : UNITS) {
            jdbc.sql("INSERT INTO executing_unit (code, name, group_id) VALUES (?, ?, ?)")
                    .params(unit, "Unidad " + unit, "unit-" + unit).update();
            member.put(unit, staffUser("unit-" + unit));
        }
        String committee = staffUser("oversight-committee");
        for (int u = 0; u < UNITS.length; u++) {
            for (int i = 0; i < PER_UNIT; i++) {
                String cui = String.valueOf(6000000 + u * 1000 + i);
                unitOf.put(cui, UNITS[u]);
                jdbc.sql("""
                        INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, prioritized,
                                             execution_status, monitored_since)
                        VALUES (?, ?, ?, ?, ?, 'Transporte', ?, TRUE, 'EN_EJECUCION', DATE '2026-01-15')""")
                        .params(year, cui, "Proyecto " + cui, scopes.get(i % scopes.size()),
                                new BigDecimal(1_000_000 + i * 1000), UNITS[u]).update();
            }
        }
        // ten projects of the first unit already stood at 40 % in the two previous quarters
        assertThat(QUARTER).isEqualTo("2026-Q3");
        for (String q : List.of("2026-Q1", "2026-Q2")) {
            jdbc.sql("INSERT INTO monitoring_round (quarter, status, opened_at, closed_at) VALUES (?, 'CERRADA', ?, ?)")
                    .params(q, Timestamp.from(Instant.now()), Timestamp.from(Instant.now())).update();
            for (int i = 20; i < 30; i++) {
                String cui = String.valueOf(6000000 + i);
                jdbc.sql("""
                        INSERT INTO monitoring_report (quarter, project_id, unit_group, status, physical_progress,
                            financial_execution, current_budget, execution_status, reported_at)
                        SELECT ?, id, 'unit-obras-norte', 'REPORTADO', 40, 100000, cost, 'EN_EJECUCION', ?
                        FROM project WHERE cui = ?""").params(q, Timestamp.from(Instant.now()), cui).update();
                if (q.equals("2026-Q2")) {
                    stalled.add(cui);
                }
            }
        }

        long started = System.nanoTime();
        String pid = rounds.startByHand(QUARTER);
        executeDueJobs(pid);
        long openedMs = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("WholeRoundIT: round of %d projects opened (all unit tasks created) in %d ms%n",
                UNITS.length * PER_UNIT, openedMs);
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
        assertThat(pi.getBusinessKey()).isEqualTo(QUARTER);
        for (String unit : UNITS) {
            assertThat(reportTasks(pid).taskCandidateGroup("unit-" + unit).count())
                    .as(unit).isEqualTo(PER_UNIT);
        }

        // Wed 14 Oct: the reminder (3 business days before Fri 16 Oct): one mail per person, not one per project
        clockAt(LocalDate.of(2026, 10, 14));
        executeDueJobs(pid);
        for (String unit : UNITS) {
            assertThat(mailsTo(member.get(unit) + "@example.pe")).singleElement().satisfies(s -> assertThat(s)
                    .isEqualTo("Recordatorio: 100 tareas «Reportar avance trimestral» vencen el 16/10/2026 17:30"));
        }

        // the units report: the first all its projects, the second half, the third none
        int paralysed = 0, ahead = 0;
        for (Task t : reportTasks(pid).list()) {
            String cui = (String) tasks.getVariable(t.getId(), "cui");
            int i = Integer.parseInt(cui) % 1000;
            String unit = unitOf.get(cui);
            if (unit.equals("agraria") || (unit.equals("obras-sur") && i % 2 == 1)) {
                continue;
            }
            BigDecimal pim = new BigDecimal(1_000_000 + i * 1000);
            Map<String, Object> v = withVariables("pim", pim, "estadoEjecucion", "EN_EJECUCION");
            // the project's first year: accrued this year is all it accrued (the updated cost is the project's cost)
            if (stalled.contains(cui)) {
                v.putAll(withVariables("avanceFisico", 40, "ejecucionFinanciera", pim.multiply(new BigDecimal("0.45"))));
            } else if (i % 10 == 0) {
                v.putAll(withVariables("avanceFisico", 30, "ejecucionFinanciera", pim.multiply(new BigDecimal("0.30")),
                        "estadoEjecucion", "PARALIZADO"));
                paralysed++;
            } else if (i % 10 == 1) {
                v.putAll(withVariables("avanceFisico", 10, "ejecucionFinanciera", pim.multiply(new BigDecimal("0.50"))));
                ahead++; // 50 % of the PIM accrued against 10 % built: 40 points ahead
            } else {
                v.putAll(withVariables("avanceFisico", 50, "ejecucionFinanciera", pim.multiply(new BigDecimal("0.45"))));
            }
            v.put("devengadoAnio", v.get("ejecucionFinanciera"));
            complete(t, v);
        }
        // reported: obras-norte all 100, obras-sur the 50 even ones. Paralysed (i % 10 == 0): 9 of obras-norte (i = 20
        // is one of the stalled ten) + 10 of obras-sur (all even); money ahead (i % 10 == 1): 9 of obras-norte (not
        // i = 21), none of obras-sur (odd, unreported); unchanged for two quarters: the ten stalled ones
        assertThat(paralysed).isEqualTo(9 + 10);
        assertThat(ahead).isEqualTo(9);

        // Sat 17 Oct: the deadline passed; what is still open is escalated to regional management
        clockAt(LocalDate.of(2026, 10, 17));
        executeDueJobs(pid);
        List<Task> open = reportTasks(pid).list();
        assertThat(open).hasSize(150);
        assertThat(reportTasks(pid).taskCandidateGroup("regional-management").count())
                .isEqualTo(150);

        // Sat 24 Oct: the reporting closed (15 business days after 1 Oct: Fri 23 Oct)
        clockAt(LocalDate.of(2026, 10, 24));
        executeDueJobs(pid);
        assertThat(reportTasks(pid).count())
                .isZero();
        assertThat(monitoring.reports(QUARTER).stream().filter(r -> r.status().equals("NO_REPORTADO")).count())
                .isEqualTo(150);
        Map<String, Long> byCode = new HashMap<>();
        alerts.ofQuarter(QUARTER).forEach(a -> byCode.merge(a.code(), 1L, Long::sum));
        assertThat(byCode).containsExactlyInAnyOrderEntriesOf(Map.of("NO_REPORTADO", 150L, "PARALIZADO", 19L,
                "FINANCIERO_ADELANTADO", 9L, "SIN_AVANCE", 10L));
        assertThat(mailsTo(committee + "@example.pe")).containsExactly("Alertas de seguimiento " + QUARTER + ": 188 alertas");

        complete(taskOf(pid, "Task_ConsolidateReport"), withVariables("conclusiones",
                "La Unidad agraria no reportó; se recomienda una reunión de coordinación."));
        executeDueJobs(pid);
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(mailsTo(committee + "@example.pe")).contains("Informe de seguimiento " + QUARTER);
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/seguimiento/" + QUARTER + "/informe.pdf")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Informe de Seguimiento y Monitoreo " + QUARTER, "Unidad agraria",
                    "Proyectos en seguimiento: 300; reportados por su unidad ejecutora: 150; sin reporte: 150",
                    "La Unidad agraria no reportó");
            System.out.printf("WholeRoundIT: report of %d pages%n", doc.getNumberOfPages());
        }
    }
}
