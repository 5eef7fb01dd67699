package pe.gob.regioncajamarca.participa.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.cycle.OpenCycleCommand;
import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ParticipaIntegrationTest;

/** Open data without login: cycles, projects (JSON and CSV), results hidden until prioritisation, no personal data. */
@ParticipaIntegrationTest
class OpenDataIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final java.util.concurrent.atomic.AtomicInteger YEARS = new java.util.concurrent.atomic.AtomicInteger(2090);

    @LocalServerPort int port;
    @Autowired CycleService cycles;
    @Autowired JdbcClient jdbc;

    private OpenCycleCommand command(int year) {
        Map<String, BigDecimal> split = new HashMap<>();
        Scopes.ALL.forEach(s -> split.put(s, new BigDecimal("1000000.50")));
        return new OpenCycleCommand(year, new BigDecimal("1000000.50").multiply(BigDecimal.valueOf(14)), 3, split,
                List.of());
    }

    private void project(int year, String cui, String name) {
        jdbc.sql("INSERT INTO executing_unit (code, name, group_id) SELECT 'od-unit', 'Unidad, \"abierta\"', "
                + "'unit-od-unit' FROM province WHERE code = '0601' AND NOT EXISTS (SELECT 1 FROM executing_unit "
                + "WHERE code = 'od-unit')").update();
        jdbc.sql("""
                INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, technical_score, votes,
                    vote_score, total_score, scope_rank, prioritized, reason)
                VALUES (?, ?, ?, 'CHOTA', 1250000.75, 'Salud', 'od-unit', 81.5, 40, 100, 85.2, 1, TRUE, 'Financiado')""")
                .params(year, cui, name).update();
        long id = jdbc.sql("SELECT id FROM project WHERE cycle_year = ? AND cui = ?").params(year, cui)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO project_district (project_id, ubigeo) VALUES (?, '060401'), (?, '060417')")
                .params(id, id).update();
    }

    @Test
    void cyclesListEveryCycleWithItsEnvelopeSplit() throws Exception {
        int year = YEARS.incrementAndGet();
        cycles.importFormalised(command(year));
        var r = new Http(port).get("/api/open-data/cycles");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode cycle = null;
        for (JsonNode c : JSON.readTree(r.body())) {
            if (c.get("year").asInt() == year) {
                cycle = c;
            }
        }
        assertThat(cycle).isNotNull();
        assertThat(cycle.get("phase").asText()).isEqualTo("FORMALIZADO");
        assertThat(cycle.get("envelope").isNumber()).isTrue();
        assertThat(cycle.get("envelope").decimalValue()).isEqualByComparingTo("14000007.00");
        assertThat(cycle.get("scopes")).hasSize(14);
        assertThat(cycle.get("scopes").get(0).get("scope").asText()).isEqualTo("CAJABAMBA");
        assertThat(cycle.get("scopes").get(0).get("envelope").decimalValue()).isEqualByComparingTo("1000000.50");
    }

    @Test
    void projectsOfAPrioritisedCycleCarryTheirResultsInJsonAndCsv() throws Exception {
        int year = YEARS.incrementAndGet();
        cycles.importFormalised(command(year));
        project(year, "2601234", "Puesto de salud, \"Lajas\"");
        Http http = new Http(port);
        JsonNode p = JSON.readTree(http.get("/api/open-data/cycles/" + year + "/projects").body()).get(0);
        assertThat(p.get("cui").asText()).isEqualTo("2601234");
        assertThat(p.get("districts")).extracting(JsonNode::asText).containsExactly("060401", "060417");
        assertThat(p.get("cost").decimalValue()).isEqualByComparingTo("1250000.75");
        assertThat(p.get("executingUnit").asText()).isEqualTo("od-unit");
        assertThat(p.get("technicalScore").decimalValue()).isEqualByComparingTo("81.5");
        assertThat(p.get("votes").asInt()).isEqualTo(40);
        assertThat(p.get("rank").asInt()).isEqualTo(1);
        assertThat(p.get("prioritized").asBoolean()).isTrue();
        assertThat(p.get("reason").asText()).isEqualTo("Financiado");
        List<String> keys = new java.util.ArrayList<>();
        p.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("cui", "name", "scope", "districts", "cost", "executingUnit",
                "executingUnitName", "technicalScore", "votes", "voteScore", "totalScore", "rank", "prioritized",
                "reason");

        var csv = http.get("/api/open-data/cycles/" + year + "/projects.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("cui,name,scope,districts,cost,executingUnit,executingUnitName,technicalScore,"
                + "votes,voteScore,totalScore,rank,prioritized,reason");
        assertThat(lines[1]).startsWith("2601234,\"Puesto de salud, \"\"Lajas\"\"\",CHOTA,060401|060417,1250000.75,"
                + "od-unit,\"Unidad, \"\"abierta\"\"\",81.50,40,");
    }

    @Test
    void resultsAreNullUntilTheCycleIsPrioritised() throws Exception {
        int year = YEARS.incrementAndGet();
        cycles.open(command(year), null);
        project(year, "2601235", "Canal de riego");
        JsonNode p = JSON.readTree(new Http(port).get("/api/open-data/cycles/" + year + "/projects").body()).get(0);
        for (String f : List.of("technicalScore", "votes", "voteScore", "totalScore", "rank", "prioritized", "reason")) {
            assertThat(p.get(f).isNull()).as(f).isTrue();
        }
        assertThat(p.get("cost").isNumber()).isTrue();
    }

    @Test
    void anUnknownYearIsA404WithASpanishMessage() {
        var r = new Http(port).get("/api/open-data/cycles/1999/projects");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("No existe el ciclo 1999");
    }
}
