package pe.gob.regioncajamarca.participa.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/** The public project list: search, filters by scope, sector and cost, pages, and errors that keep the filters. */
class ProjectListIT extends ProcessTest {

    @LocalServerPort int port;
    int year;

    @BeforeEach
    void thirtyProjects() {
        year = freeYear();
        formalisedCycle(year);
        for (int i = 0; i < 30; i++) {
            jdbc.sql("""
                    INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(year, String.valueOf(7100000 + i), (i % 3 == 0 ? "Puesto de salud " : "Camino vecinal ") + i,
                            i % 2 == 0 ? "CHOTA" : "CAJAMARCA", 100000 + i * 10000, i % 3 == 0 ? "Salud" : "Transporte",
                            TEST_UNIT).update();
        }
    }

    private String list(String query) {
        var r = new Http(port).get("/proyectos?ciclo=" + year + query);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    void filtersAndPages() {
        assertThat(list("")).contains("30 proyectos · página 1 de 2", "Siguiente");
        assertThat(list("&pagina=2")).contains("página 2 de 2", "Anterior");
        // Salud: i = 0, 3, ..., 27 -> 10; of them in Chota (even i): 0, 6, 12, 18, 24 -> 5
        assertThat(list("&funcion=Salud")).contains("10 proyectos");
        assertThat(list("&funcion=Salud&ambito=CHOTA")).contains("5 proyectos");
        // cost 100,000 + i * 10,000 between 200,000 and 250,000: i = 10..15 -> 6
        assertThat(list("&costoMin=200000&costoMax=250000")).contains("6 proyectos");
        assertThat(list("&q=camino+vecinal+1")).contains("Camino vecinal 1<", "Camino vecinal 13");
        assertThat(list("&q=7100004")).contains("1 proyecto", "Camino vecinal 4");
    }

    @Test
    void badFiltersAreExplainedAndKept() {
        String body = list("&costoMin=mucho&q=%3Cscript%3Ealert(1)%3C/script%3E");
        assertThat(body).contains("El costo mínimo debe ser un monto en soles", "value=\"mucho\"")
                .doesNotContain("<script>alert(1)").contains("&lt;script&gt;");
        assertThat(list("&costoMin=300000&costoMax=100000")).contains("no puede ser mayor que el costo máximo");
        assertThat(list("&q=%25")).contains("Ningún proyecto cumple los filtros");
    }

    @Test
    void theOpenDataPageExplainsTheApiAndLinksEachCycle() {
        var r = new Http(port).get("/datos-abiertos");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("/api/open-data/projects/{cui}/progress", "Nunca contienen datos personales");
    }
}
