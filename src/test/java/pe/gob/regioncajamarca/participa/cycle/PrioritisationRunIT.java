package pe.gob.regioncajamarca.participa.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * "Calcular priorización" on stored projects, on H2 and PostgreSQL: the rank comes from the exact totals (the
 * issue's example), what is stored and published in open data is the rounded total, and a MULTIPROVINCIAL project
 * stored without a regional-impact decision gets it from the DMN impacto-regional and keeps it.
 */
class PrioritisationRunIT extends ProcessTest {

    @Autowired PrioritisationRun prioritisation;
    @LocalServerPort int port;

    private void project(int year, String cui, String scope, String cost, String technical, int votes,
                         String... districts) {
        jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, technical_score, "
                        + "votes) VALUES (?, ?, ?, ?, ?, 'Transporte', ?, ?, ?)")
                .params(year, cui, "Proyecto " + cui, scope, new BigDecimal(cost), TEST_UNIT, new BigDecimal(technical),
                        votes).update();
        for (String d : districts) {
            jdbc.sql("INSERT INTO project_district (project_id, ubigeo) SELECT id, ? FROM project WHERE cycle_year = ? "
                    + "AND cui = ?").params(d, year, cui).update();
        }
    }

    @Test
    void theRankComesFromExactTotalsAndTheStoredTotalIsRoundedForDisplay() throws Exception {
        int year = freeYear();
        openCycle(year, 3); // S/ 1,000,000 per scope
        cycleService.changePhase(year, CyclePhase.VOTACION, null);
        cycleService.changePhase(year, CyclePhase.PRIORIZACION, null);
        String c = "96" + year % 1000;
        // 0.8 × 55.59 + 0.2 × 125 / 161 × 100 = 59.99995031…  against  0.8 × 50 + 0.2 × 100 = 60: only one fits
        project(year, c + "01", "CHOTA", "600000", "55.59", 125, "060401");
        project(year, c + "02", "CHOTA", "600000", "50.00", 161, "060401");
        // MULTIPROVINCIAL without a decision (not loaded from a programme file): 2 districts in 2 provinces
        project(year, c + "03", "MULTIPROVINCIAL", "5000000", "90", 0, "060101", "060401");
        prioritisation.run(year);

        List<String> stored = new ArrayList<>();
        jdbc.sql("SELECT cui, total_score, scope_rank, prioritized, reason, regional_impact, regional_impact_reason "
                        + "FROM project WHERE cycle_year = ? ORDER BY cui").param(year)
                .query((rs, i) -> stored.add(rs.getString(1) + " " + rs.getBigDecimal(2).toPlainString() + " "
                        + rs.getObject(3) + " " + rs.getBoolean(4) + " " + rs.getString(5) + " " + rs.getObject(6) + " "
                        + rs.getString(7))).list();
        assertThat(stored).containsExactly(
                c + "01 60.0000 2 false No financiado: asignación del ámbito agotada null null",
                c + "02 60.0000 1 true Financiado null null",
                c + "03 72.0000 null false No elegible: no es de impacto regional: beneficia a menos de 3 distritos "
                        + "false no es de impacto regional: beneficia a menos de 3 distritos");

        // open data publishes the rounded total and the exact rank
        JsonNode projects = new ObjectMapper().readTree(new Http(port).get("/api/open-data/cycles/" + year + "/projects")
                .body());
        List<String> published = new ArrayList<>();
        projects.forEach(p -> published.add(p.path("cui").asText() + " " + p.path("totalScore").decimalValue()
                .stripTrailingZeros().toPlainString() + " " + p.path("rank").asText() + " " + p.path("prioritized")
                .asBoolean()));
        assertThat(published).contains(c + "01 60 2 false", c + "02 60 1 true");

        // running it again on the same data gives the same results (reproducible)
        assertThat(prioritisation.run(year)).extracting(Prioritisation.Result::cui, Prioritisation.Result::rank)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(c + "01", 2),
                        org.assertj.core.groups.Tuple.tuple(c + "02", 1),
                        org.assertj.core.groups.Tuple.tuple(c + "03", null));
    }
}
