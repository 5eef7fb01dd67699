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
    @org.springframework.beans.factory.annotation.Autowired pe.gob.regioncajamarca.participa.projects.Projects projects;
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

    /**
     * Without a cycle asked for, the list opens the newest cycle that has projects: a cycle still in registration has
     * none (asked as "is there one", not by counting the cycle's projects).
     */
    @Test
    void aCycleWithoutProjectsIsToldApartFromOneWithThem() {
        assertThat(projects.anyIn(year)).isTrue();
        // no test year is spent on an empty cycle: the portal's ballot shows the newest voting cycle, and the years
        // wrap once 2089 is reached (ProcessTest.freeYear), so one more year moves later tests' cycles below others
        assertThat(projects.anyIn(1999)).as("the tests' cycle that does not exist").isFalse();
        jdbc.sql("DELETE FROM project WHERE cycle_year = ?").param(year).update();
        assertThat(projects.anyIn(year)).as("a cycle without projects").isFalse();
    }

    /** A refused filter: the list page with its reasons and the filters kept, status 400. */
    private String refused(String query) {
        var r = new Http(port).get("/proyectos?ciclo=" + year + query);
        assertThat(r.statusCode()).as(query).isEqualTo(400);
        return r.body();
    }

    @Test
    void badFiltersAreExplainedAndKept() {
        String body = refused("&costoMin=mucho&q=%3Cscript%3Ealert(1)%3C/script%3E");
        assertThat(body).contains("El costo mínimo debe ser un monto en soles", "value=\"mucho\"")
                .doesNotContain("<script>alert(1)").contains("&lt;script&gt;");
        assertThat(refused("&costoMin=300000&costoMax=100000")).contains("no puede ser mayor que el costo máximo");
        assertThat(list("&q=%25")).contains("Ningún proyecto cumple los filtros");
    }

    /**
     * Numbers in the address that no column can hold, or that do not fit their parameter, get 400 and a Spanish
     * message, never a 500 (a cost of 1e100000 parsed as a BigDecimal and failed in the database).
     */
    @Test
    void outOfRangeNumbersInTheAddressAre400WithASpanishMessage() {
        assertThat(refused("&costoMin=1e100000")).contains("El costo mínimo no puede ser mayor que S/ 10 000 000 000",
                "30 proyectos");
        assertThat(refused("&costoMax=99999999999")).contains("El costo máximo no puede ser mayor que S/ 10 000 000 000");
        assertThat(refused("&costoMax=1e-100000")).contains("El costo máximo puede tener hasta dos decimales");
        assertThat(refused("&costoMin=1" + "0".repeat(400))).contains("El costo mínimo debe ser un monto en soles");
        assertThat(list("&costoMax=1e6")).contains("30 proyectos");

        Http anyone = new Http(port);
        for (String path : java.util.List.of("/proyectos?pagina=99999999999", "/proyectos?ciclo=1e5",
                "/noticias?pagina=1e3", "/rendicion-de-cuentas/" + year + "?pagina=-99999999999",
                "/resultados/" + year + "?pagina=mil", "/seguimiento?ciclo=99999999999", "/resultados/99999999999")) {
            var r = anyone.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.body()).as(path).contains("La dirección tiene un dato que no es válido", "en la dirección no es válido");
        }
        var api = anyone.get("/api/open-data/cycles/99999999999/projects");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("\"error\"", "«year» en la dirección no es válido");

        String planner = staffUser("planning");
        Http staff = new Http(port);
        staff.staffLogin(planner, "secreto-" + planner);
        var committee = staff.get("/personal/ciclos/" + year + "/comite?filas=99999999999");
        assertThat(committee.statusCode()).isEqualTo(400);
        assertThat(committee.body()).contains("El valor de «filas» en la dirección no es válido");
    }

    @Test
    void theOpenDataPageExplainsTheApiAndLinksEachCycle() {
        var r = new Http(port).get("/datos-abiertos");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("/api/open-data/projects/{cui}/progress", "Nunca contienen datos personales");
    }
}
