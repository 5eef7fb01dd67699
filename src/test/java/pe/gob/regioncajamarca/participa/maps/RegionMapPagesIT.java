package pe.gob.regioncajamarca.participa.maps;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Issue 23: the region's map where people would rather look than read: the provinces shaded by execution on
 * {@code /seguimiento} and {@code /rendicion-de-cuentas} (a table with the same figures beside), a project's districts
 * on its page, and beside the unit's figures what the national investment system says, with source and date.
 */
class RegionMapPagesIT extends ProcessTest {

    @LocalServerPort int port;

    private static int paths(String html) {
        return html.split("<path ", -1).length - 1;
    }

    @Test
    void theMonitoringAndAccountabilityPagesShadeTheProvincesAndTableTheSameFigures() {
        int year = sharedFormalisedCycle();
        prioritisedProject(year, String.valueOf(3_900_000 + unique() % 10_000), "Canal de riego del mapa", 500_000,
                "Agricultura");
        Http http = new Http(port);
        String seguimiento = http.get("/seguimiento").body();
        assertThat(seguimiento).contains("class=\"mapa\"", "role=\"img\"", "viewBox=\"0 0 600 ",
                "<title>Cajamarca: ", "% ejecutado", "INEI (2007), MPL-2.0");
        assertThat(paths(seguimiento)).as("13 provinces").isGreaterThanOrEqualTo(13);
        String rendicion = http.get("/rendicion-de-cuentas").body();
        assertThat(rendicion).contains("class=\"mapa\"", "Ejecución por provincia");
        assertThat(http.get("/rendicion-de-cuentas/" + year).body()).contains("class=\"mapa\"",
                "Ejecución por provincia (ciclo " + year + ")", "<th scope=\"row\">Cajamarca</th>");
        assertThat(http.get("/seguimiento?ciclo=" + year).body()).contains("Ejecución por provincia, ciclo " + year);
    }

    @Test
    void aProjectsPageShowsItsDistrictsAndTheNationalFiguresWithSourceAndDate() {
        int year = sharedFormalisedCycle();
        String cui = String.valueOf(3_950_000 + unique() % 10_000);
        prioritisedProject(year, cui, "Puesto de salud del mapa", 700_000, "Salud");
        long id = jdbc.sql("SELECT id FROM project WHERE cycle_year = ? AND cui = ?").params(year, cui)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO project_district (project_id, ubigeo) VALUES (?, '060101'), (?, '060106')")
                .params(id, id).update();
        Http http = new Http(port);
        String page = http.get("/proyectos/" + year + "/" + cui).body();
        assertThat(page).contains("class=\"mapa\"", "(beneficiado)", "060101, 060106")
                .doesNotContain("Lo que dice el sistema nacional de inversiones");

        Timestamp now = Timestamp.from(Instant.now());
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO national_investment_import (source, file_name, started_by, started_at, heartbeat_at, "
                + "finished_at, status) VALUES ('ARCHIVO', 'detalle.csv', 'prueba', ?, ?, ?, 'TERMINADA')")
                .params(now, now, now).update(key, "id");
        jdbc.sql("INSERT INTO national_investment (cui, name, ubigeo, state, updated_cost, pim_current_year, "
                + "accrued_current_year, accrued_before_year, physical_progress, figures_year, import_id, changed_at) "
                + "VALUES (?, 'PUESTO DE SALUD', '060101', 'ACTIVO', 750000, 300000, 120000, 200000, 40, 2026, ?, ?)")
                .params(cui, key.getKey().longValue(), now).update();
        page = http.get("/proyectos/" + year + "/" + cui).body();
        assertThat(page).contains("Lo que dice el sistema nacional de inversiones", "Banco de Inversiones",
                "S/ 300,000.00", "S/ 320,000.00", "40.00 %");
    }
}
