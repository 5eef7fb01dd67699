package pe.gob.regioncajamarca.participa.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.Http;

/** The planning office's history page and the public accountability pages with their CSV. */
class AccountabilityPagesIT extends HistoryTestSupport {

    @LocalServerPort int port;
    @org.springframework.beans.factory.annotation.Autowired Accountability accountability;

    private Http staff(String group) {
        String user = staffUser(group);
        Http http = new Http(port);
        http.staffLogin(user, "secreto-" + user);
        return http;
    }

    @Test
    void thePlanningOfficeLoadsAFileOnItsPageAndAUnitIsRefused() {
        int y = first() + 6;
        String cui = cui();
        String file = PROJECT_HEADER + y + "," + cui + ",Mejoramiento del camino vecinal Sorochuco,CELENDIN,060309,"
                + "2100000,Transporte,transportes\n";
        Http planner = staff("planning");
        String page = "/personal/historial";
        assertThat(planner.get(page).body()).contains("Historial de ciclos anteriores", "<strong>" + first() + "</strong> a", "Revisar y cargar");
        var bad = planner.postMultipart(page, Map.of("_csrf", planner.csrfTokenOf(page)), "proyectos", "p.csv",
                (PROJECT_HEADER + y + ",x,,CHOTA,060401,1,Salud,salud\n").getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("no se guardó nada", "p.csv, fila 2, columna cui", "falta el nombre del proyecto");
        var ok = planner.postMultipart(page, Map.of("_csrf", planner.csrfTokenOf(page)), "proyectos", "p.csv",
                file.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("Proyectos: <strong>1</strong> nuevos", "Ciclos creados como históricos");
        var again = planner.postMultipart(page, Map.of("_csrf", planner.csrfTokenOf(page)), "proyectos", "p.csv",
                file.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(again.body()).contains("Nada nuevo");
        var noCsrf = planner.postMultipart(page, Map.of(), "proyectos", "p.csv", file.getBytes(StandardCharsets.UTF_8),
                "text/csv");
        assertThat(noCsrf.statusCode()).isEqualTo(403);

        Http unit = staff(TEST_UNIT_GROUP);
        assertThat(unit.get(page).statusCode()).isEqualTo(403);
        assertThat(unit.postMultipart(page, Map.of("_csrf", unit.csrfTokenOf("/personal")), "proyectos", "p.csv",
                file.getBytes(StandardCharsets.UTF_8), "text/csv").statusCode()).isEqualTo(403);
        assertThat(new Http(port).get(page).statusCode()).isIn(302, 401, 403);
    }

    @Test
    void thePublicPagesShowTheLastTenCyclesAndEachCyclesProjectsWithACsv() {
        int y = first() + 5;
        String concluido = cui();
        String paralizado = cui();
        String formula = cui();
        String projects = PROJECT_HEADER
                + y + "," + concluido + ",Mejoramiento del servicio de agua para riego Apalin,CAJAMARCA,060106,1000000,Agricultura,agricultura\n"
                + y + "," + paralizado + ",Puesto de salud Chadín,CHOTA,060403,500000,Salud,salud\n"
                + y + "," + formula + ",\"Aula, \"\"nueva\"\" – I.E. 82001\",CAJAMARCA,060101,250000,Educación,educacion\n";
        String progress = PROGRESS_HEADER
                + y + "," + concluido + "," + y + "-Q4,60,500000,1000000,EN_EJECUCION\n"
                + y + "," + concluido + "," + (y + 1) + "-Q3,100,990000,1000000,CONCLUIDO\n"
                + y + "," + paralizado + "," + (y + 1) + "-Q1,20,100000.5,500000,PARALIZADO\n";
        history.load(csv("p.csv", projects), csv("a.csv", progress));
        // a name that a spreadsheet would run, written directly (as if it came from the PMI of a cycle)
        jdbc.sql("UPDATE project SET name = '=HYPERLINK(\"http://malo\")' WHERE cycle_year = ? AND cui = ?")
                .params(y, formula).update();

        Http anyone = new Http(port);
        var index = anyone.get("/rendicion-de-cuentas");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("Rendición de cuentas", "Ciclo " + y, "href=\"/rendicion-de-cuentas/" + y + "\"")
                .doesNotContain("style=");
        String section = index.body().substring(index.body().indexOf("href=\"/rendicion-de-cuentas/" + y + "\""));
        section = section.substring(0, Math.min(section.indexOf("</section>"), section.indexOf("</tr>") < 0
                ? Integer.MAX_VALUE : section.indexOf("</tr>")));
        // the cycle is in full (the newest) or folded into a line of the earlier cycles: its count, money agreed and
        // money executed (each project's latest report)
        assertThat(section).contains(">3</", "S/ 1,750,000.00", "S/ 1,090,000.50", "62.3 %", "Historial");

        var page = anyone.get("/rendicion-de-cuentas/" + y);
        assertThat(page.statusCode()).isEqualTo(200);
        // the cycle's own page: its figures, its provinces and its projects
        assertThat(page.body()).contains("<strong>3</strong> proyectos priorizados", "S/ 1,750,000.00",
                "S/ 1,090,000.50", "62.3 %", "Concluidos: <strong>1</strong>", "Paralizados: <strong>1</strong>",
                "No iniciados: <strong>1</strong>", "En ejecución: <strong>0</strong>", "class=\"mapa\"",
                "Ejecución por provincia (ciclo " + y + ")", "<th scope=\"row\">Chota</th>");
        assertThat(page.body()).contains("Mejoramiento del servicio de agua para riego Apalin",
                "href=\"/proyectos/" + y + "/" + concluido + "\"", "Concluido", "Paralizado", "100 %", "20 %",
                "S/ 990,000.00", "(" + (y + 1) + "-Q3)", "Dirección Regional de Salud", "Chota",
                "/rendicion-de-cuentas/" + y + "/proyectos.csv").doesNotContain("style=");
        assertThat(anyone.get("/proyectos/" + y + "/" + concluido).statusCode()).isEqualTo(200);
        assertThat(anyone.get("/rendicion-de-cuentas/1999").statusCode()).isEqualTo(404);

        var csv = anyone.get("/rendicion-de-cuentas/" + y + "/proyectos.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("ciclo,cui,proyecto,ambito,unidad_ejecutora,costo,estado,avance_fisico,"
                + "devengado,ultimo_trimestre\r\n")
                .contains(y + "," + concluido + ",Mejoramiento del servicio de agua para riego Apalin,CAJAMARCA,"
                        + "Dirección Regional de Agricultura,1000000.00,CONCLUIDO,100.00,990000.00," + (y + 1) + "-Q3\r\n")
                .contains(y + "," + formula + ",\"'=HYPERLINK(\"\"http://malo\"\")\",CAJAMARCA,")
                .doesNotContain(",=HYPERLINK");
    }

    /**
     * A cycle of years ago stays reachable (its own pages, its line and its rounds on the overviews), and the
     * overviews read the projects of the one cycle they show in full (twice at most), plus one grouped count (a row
     * per cycle and status): not the projects of every year (docs/performance.md, "Ten years of history").
     */
    @Test
    void anEarlierCycleIsFoldedButReachableAndTheOverviewsDoNotReadEveryYearsProjects() {
        int y = first() + 7;
        String cui = cui();
        history.load(csv("p.csv", PROJECT_HEADER + y + "," + cui + ",Reservorio de la comunidad de Llapa,CAJAMARCA,"
                + "060101,800000,Agricultura,agricultura\n"), csv("a.csv", PROGRESS_HEADER + y + "," + cui + ","
                + (y + 1) + "-Q2,40,200000,800000,EN_EJECUCION\n"));
        // a second cycle with a prioritised project (the tests' shared formalised one), whichever test runs first
        jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, prioritized) "
                + "VALUES (?, ?, 'Canal de riego de Chanta Alta', 'CAJAMARCA', 300000, 'Agricultura', ?, TRUE)")
                .params(sharedFormalisedCycle(), cui(), TEST_UNIT).update();
        Http anyone = new Http(port);
        assertThat(anyone.get("/rendicion-de-cuentas/" + y).body()).contains("Reservorio de la comunidad de Llapa",
                "Ejecución por provincia (ciclo " + y + ")");
        String overview = anyone.get("/seguimiento").body();
        assertThat(overview).contains("href=\"/seguimiento?ciclo=" + y + "\"", "href=\"/seguimiento/" + (y + 1) + "-Q2\"");
        // the cycle's line: its one project in execution, counted with its share
        String line = overview.substring(overview.indexOf("href=\"/seguimiento?ciclo=" + y + "\""));
        assertThat(line.substring(0, line.indexOf("</tr>"))).contains(">1</td>", ">0 (0 %)</td>", ">1 (100 %)</td>");
        assertThat(anyone.get("/seguimiento?ciclo=" + y).body()).contains("Por provincia (ciclo " + y + ")",
                "<th scope=\"row\">Cajamarca</th>", "S/ 200,000.00");
        assertThat(anyone.get("/seguimiento/" + (y + 1) + "-Q2").body()).contains("Reservorio de la comunidad de Llapa");

        if (pe.gob.regioncajamarca.participa.testsupport.TestDatabaseInitializer.usePostgres()) {
            return; // the statements are counted by H2's query statistics
        }
        int cycles = jdbc.sql("SELECT COUNT(DISTINCT cycle_year) FROM project WHERE prioritized = TRUE")
                .query(Integer.class).single();
        int largest = jdbc.sql("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM project WHERE prioritized = TRUE "
                + "GROUP BY cycle_year) c").query(Integer.class).single();
        assertThat(cycles).as("cycles with prioritised projects").isGreaterThanOrEqualTo(2);
        // production keeps the folded cycles' money executed for minutes (the tests read it on every visit): a first
        // visit reads it, the next ones do not
        accountability.keepEarlierFiguresFor(java.time.Duration.ofMinutes(10));
        assertThat(anyone.get("/rendicion-de-cuentas").statusCode()).isEqualTo(200);
        for (String page : new String[] {"/seguimiento", "/rendicion-de-cuentas"}) {
            jdbc.sql("SET QUERY_STATISTICS FALSE").update();
            jdbc.sql("SET QUERY_STATISTICS TRUE").update();
            assertThat(anyone.get(page).statusCode()).isEqualTo(200);
            List<Map<String, Object>> read = jdbc.sql("""
                    SELECT SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_ROW_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS
                    WHERE REGEXP_LIKE(LOWER(SQL_STATEMENT), 'from project\\s') AND SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%'""")
                    .query().listOfRows();
            jdbc.sql("SET QUERY_STATISTICS FALSE").update();
            long rows = read.stream().mapToLong(r -> ((Number) r.get("CUMULATIVE_ROW_COUNT")).longValue()).sum();
            long statements = read.stream().mapToLong(r -> ((Number) r.get("EXECUTION_COUNT")).longValue()).sum();
            assertThat(statements).as(page + ": statements on the projects " + read).isBetween(1L, 4L);
            assertThat(rows).as(page + ": rows of projects read " + read)
                    .isLessThanOrEqualTo(2L * largest + 5L * cycles);
        }
        accountability.keepEarlierFiguresFor(java.time.Duration.ZERO);
    }
}
