package pe.gob.regioncajamarca.participa.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.OpenCycleCommand;
import pe.gob.regioncajamarca.participa.cycle.PrioritisationRun;
import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Every pabulib file of a prioritised cycle with votes (online and from a workshop, the voting closed early) is
 * one that the format accepts ({@link PabulibFormat}), and says what happened: the scope's allowance, the
 * voting window, the results, the names as they were typed.
 */
class PabulibExportIT extends ProcessTest {

    @Autowired VotingService voting;
    @Autowired Workshops workshops;
    @Autowired PaperBallots paperBallots;
    @Autowired PrioritisationRun prioritisation;
    @LocalServerPort int port;

    static final String AWKWARD_NAME = "Agua para riego; Apalin y \"Bellavista Baja\"";

    long project(int year, String cui, String scope, String name, String cost, int technical) {
        jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, technical_score) "
                        + "VALUES (?, ?, ?, ?, ?, 'Agricultura', ?, ?)")
                .params(year, cui, name, scope, new BigDecimal(cost), TEST_UNIT, technical).update();
        return jdbc.sql("SELECT id FROM project WHERE cycle_year = ? AND cui = ?").params(year, cui)
                .query(Long.class).single();
    }

    String accreditedAgent(int year) {
        long registration = agentOf(year, "ACREDITADO", null);
        return jdbc.sql("SELECT document_number FROM agent_registration WHERE id = ?").param(registration)
                .query(String.class).single();
    }

    @Test
    void everyScopesFileIsOneTheFormatAcceptsAndTellsWhatHappened() {
        int year = freeYear();
        LocalDate today = plazos.today();
        Map<String, BigDecimal> split = new HashMap<>();
        Scopes.ALL.forEach(s -> split.put(s, new BigDecimal("1000000")));
        cycleService.open(new OpenCycleCommand(year, new BigDecimal("14000000"), 4, split,
                List.of(new Cycle.PhaseWindow(CyclePhase.VOTACION, today.minusDays(3), today.plusDays(5)))), null);
        cycleService.changePhase(year, CyclePhase.VOTACION, null);
        // CHOTA: four projects (an agent may cast all 4 votes here); JAEN: two, one named with ';' and '"', and a
        // line break; MULTIPROVINCIAL: one that is not of regional impact (not selected though it fits); SAN_IGNACIO:
        // one without votes
        long c1 = project(year, "1000001", "CHOTA", "Posta de salud Chota", "600000", 80);
        long c2 = project(year, "1000002", "CHOTA", "Colegio Lajas", "500000", 70);
        long c3 = project(year, "1000003", "CHOTA", "Canal Conchán", "300000", 90);
        long c4 = project(year, "1000004", "CHOTA", "Puente Chiguirip", "100000", 40);
        long j1 = project(year, "1000005", "JAEN", AWKWARD_NAME + "\nsegunda etapa", "400000.50", 85);
        long j2 = project(year, "1000006", "JAEN", "Mercado de Jaén", "700000", 60);
        long m1 = project(year, "1000007", "MULTIPROVINCIAL", "Laboratorio de agencias agrarias", "456468.55", 90);
        project(year, "1000008", "SAN_IGNACIO", "Vivero San Ignacio", "200000", 50);

        List<String> agents = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            agents.add(accreditedAgent(year));
        }
        // agent 0 spends all 4 votes in CHOTA; agent 1 votes in CHOTA and JAEN; the others here and there
        for (long p : List.of(c1, c2, c3, c4)) {
            voting.cast(year, agents.get(0), p);
        }
        voting.cast(year, agents.get(1), c1);
        voting.cast(year, agents.get(1), j1);
        voting.cast(year, agents.get(1), j2);
        voting.cast(year, agents.get(2), c3);
        voting.cast(year, agents.get(2), m1);
        voting.cast(year, agents.get(3), j1);
        voting.cast(year, agents.get(4), m1);
        // a provincial workshop in JAEN: agent 5's paper ballot (both projects) entered alike by two staff users
        long taller = workshops.register(year, "JAEN", today, "Taller provincial de Jaén", "planner");
        paperBallots.enter(year, taller, "J-001", agents.get(5), List.of("1000005", "1000006"), staffUser("planning"));
        assertThat(paperBallots.enter(year, taller, "J-001", agents.get(5), List.of("1000006", "1000005"),
                staffUser("planning")).counted()).isTrue();
        assertThat(cycleService.recordEarlyClose(year, CyclePhase.VOTACION, "planner", "Prueba del cierre")).isTrue();
        voting.storeFinalCounts(year);
        prioritisation.run(year);

        Http http = new Http(port);
        assertThat(http.get("/api/open-data/cycles/" + year + "/pabulib/CHOTA.pb").statusCode()).isEqualTo(404);
        cycleService.changePhase(year, CyclePhase.FORMALIZACION, null);

        Map<String, PabulibFormat.Parsed> files = new HashMap<>();
        for (String scope : Scopes.ALL) {
            var response = http.get("/api/open-data/cycles/" + year + "/pabulib/" + scope + ".pb");
            if (List.of("CHOTA", "JAEN", "MULTIPROVINCIAL", "SAN_IGNACIO").contains(scope)) {
                assertThat(response.statusCode()).as(scope).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Disposition")).contains(
                        "attachment; filename=\"peru_cajamarca_" + year + "_" + scope.toLowerCase() + ".pb\"");
                assertThat(PabulibFormat.problems(response.body())).as("what the format refuses in " + scope + ":\n"
                        + response.body()).isEmpty();
                agents.forEach(dni -> assertThat(response.body()).doesNotContain(dni));
                files.put(scope, PabulibFormat.parse(response.body()));
            } else {
                assertThat(response.statusCode()).as(scope).isEqualTo(404);
                assertThat(response.body()).isEqualTo("El ciclo " + year + " no tuvo proyectos en el ámbito "
                        + Scopes.label(scope) + ".\n");
            }
        }

        String begins = PabulibExport.DATE.format(today.minusDays(3));
        String closedOn = PabulibExport.DATE.format(today); // closed early today (Lima)
        for (var pb : files.values()) {
            assertThat(pb.meta()).containsEntry("rule", "greedy").containsEntry("vote_type", "approval")
                    .containsEntry("date_begin", begins).containsEntry("date_end", closedOn)
                    .containsEntry("budget", "1000000").containsEntry("instance", String.valueOf(year));
            assertThat(pb.projectColumns()).doesNotContain("technical_score", "score");
            assertThat(pb.votes()).allMatch(v -> List.of("internet", "paper").contains(v.get("voting_method")));
        }

        var chota = files.get("CHOTA");
        assertThat(chota.meta()).containsEntry("num_projects", "4").containsEntry("num_votes", "3")
                .containsEntry("max_length", "4").doesNotContainKey("fully_funded");
        assertThat(chota.votes()).extracting(v -> v.get("vote").split(",").length).containsExactlyInAnyOrder(4, 1, 1);
        // most votes 2 (c1, c3): c1 0.8*80+0.2*100 = 84, c3 0.8*90+0.2*100 = 92, c2 0.8*70+10 = 66, c4 0.8*40+10 = 42
        // funded in order 1000003 (300,000), 1000001 (600,000); 1000002 does not fit; 1000004 (100,000) fits
        assertThat(chota.projects()).extracting(p -> p.get("project_id") + ":" + p.get("votes") + ":" + p.get("selected"))
                .containsExactly("1000001:2:1", "1000002:1:0", "1000003:2:1", "1000004:1:1");
        assertThat(chota.project("1000003").get("description"))
                .isEqualTo("Puntaje técnico 90.00, puntaje de votación 100.0000, puntaje total 92.0000. Financiado");

        var jaen = files.get("JAEN");
        assertThat(jaen.meta()).containsEntry("num_projects", "2").containsEntry("num_votes", "3")
                .containsEntry("max_length", "2").containsEntry("subunit", "Jaén");
        // the name as typed, its line break a space; the paper ballot is a VOTES line of its own, marked paper
        assertThat(jaen.project("1000005")).containsEntry("name", AWKWARD_NAME + " segunda etapa")
                .containsEntry("cost", "400000.5").containsEntry("votes", "3");
        assertThat(jaen.votes()).extracting(v -> v.get("voting_method")).containsExactlyInAnyOrder("internet",
                "internet", "paper");
        assertThat(jaen.votes()).filteredOn(v -> "paper".equals(v.get("voting_method")))
                .extracting(v -> v.get("vote")).containsExactly("1000005,1000006");
        assertThat(jaen.meta().get("comment")).doesNotContain("#4:");
        assertThat(chota.votes()).allMatch(v -> "internet".equals(v.get("voting_method")));

        var multi = files.get("MULTIPROVINCIAL");
        assertThat(multi.meta()).containsEntry("max_length", "1").containsEntry("fully_funded", "1")
                .containsEntry("num_votes", "2");
        assertThat(multi.project("1000007")).containsEntry("cost", "456468.55").containsEntry("selected", "0")
                .containsEntry("votes", "2");
        assertThat(multi.project("1000007").get("description")).contains("No elegible");

        var sanIgnacio = files.get("SAN_IGNACIO");
        assertThat(sanIgnacio.meta()).containsEntry("num_votes", "0").containsEntry("max_length", "1");
        assertThat(sanIgnacio.votes()).isEmpty();
    }
}
