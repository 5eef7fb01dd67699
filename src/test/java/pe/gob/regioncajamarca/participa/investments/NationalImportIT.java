package pe.gob.regioncajamarca.participa.investments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Issue 23: the national investment file imported as the planning office and the nightly fetch do it: the region's
 * rows and the CUIs the system knows kept, a second import of the same file changes nothing, one import at a time,
 * a file whose columns changed refused by name; the figures in open data.
 */
class NationalImportIT extends ProcessTest {

    @LocalServerPort int port;
    @Autowired NationalImports imports;
    @Autowired NationalFigures figures;

    private NationalImports.Import awaitEnd(long id) throws InterruptedException {
        return NationalFiles.awaitEnd(imports, id, 3);
    }

    private NationalImports.Import imported(Path file) throws Exception {
        return NationalFiles.imported(imports, file, 3);
    }

    private List<Map<String, Object>> rowsOf(long base) {
        return jdbc.sql("SELECT * FROM national_investment WHERE cui BETWEEN ? AND ? ORDER BY cui")
                .params(String.valueOf(base), String.valueOf(base + 99_999)).query().listOfRows();
    }

    @Test
    void theRegionsRowsAndKnownCuisAreKeptAndImportingTheSameFileAgainChangesNothing(@TempDir Path dir)
            throws Exception {
        long base = 3_100_000;
        // a project of ours whose national row carries another department's ubigeo (row 7): kept by its CUI
        prioritisedProject(sharedFormalisedCycle(), NationalFiles.cui(base, 7), "Proyecto conocido", 900_000,
                "Saneamiento");
        Path file = NationalFiles.write(dir.resolve("detalle.csv"), 20_000, 100, base, 0);

        NationalImports.Import first = imported(file);
        assertThat(first.status()).isEqualTo(NationalImports.Status.TERMINADA);
        assertThat(first.rowsRead()).isEqualTo(20_000);
        assertThat(first.regionRows()).isEqualTo(201);
        assertThat(first.inserted()).isEqualTo(201);
        assertThat(rowsOf(base)).hasSize(201);
        NationalFigures.National hundred = figures.of(NationalFiles.cui(base, 100)).orElseThrow();
        assertThat(hundred.pimCurrentYear()).isEqualByComparingTo("1100");
        assertThat(hundred.accruedToDate()).isEqualByComparingTo(String.valueOf(200_000 + 100 + 100 + 100) + ".25");
        assertThat(hundred.executingUnit()).isEqualTo("SEDE CENTRAL, 06");
        assertThat(figures.of(NationalFiles.cui(base, 7))).isPresent();
        assertThat(figures.of(NationalFiles.cui(base, 8))).as("another department's investment").isEmpty();

        List<Map<String, Object>> before = rowsOf(base);
        NationalImports.Import again = imported(file);
        assertThat(again.status()).isEqualTo(NationalImports.Status.TERMINADA);
        assertThat(again.inserted() + again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(201);
        assertThat(rowsOf(base)).as("not a row, not a date changed").isEqualTo(before);

        // the next release: one investment's PIM changed
        Path next = NationalFiles.write(dir.resolve("detalle-2.csv"), 20_000, 100, base, 5_000);
        NationalImports.Import third = imported(next);
        assertThat(third.updated()).isEqualTo(1);
        assertThat(third.unchanged()).isEqualTo(200);
        assertThat(figures.of(NationalFiles.cui(base, 100)).orElseThrow().pimCurrentYear())
                .isEqualByComparingTo("6100");
    }

    @Test
    void aFileWhoseColumnsChangedIsRefusedNamingThemAndStoresNothing(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("nuevo-formato.csv"),
                "CUI,NOMBRE_INVERSION,UBIGEO,COSTO,PIM_ANIO_ACTUAL,DEV_ANIO_ACTUAL,DEVEN_ACUMUL_ANIO_ANT\n"
                        + "3200001,Obra,060101,1,1,1,1\n");
        NationalImports.Import refused = imported(file);
        assertThat(refused.status()).isEqualTo(NationalImports.Status.RECHAZADA);
        assertThat(refused.message()).contains("CODIGO_UNICO (cui)", "COSTO_ACTUALIZADO (costo-actualizado)");
        assertThat(figures.of("3200001")).isEmpty();
    }

    @Test
    void oneImportAtATimeAndOneAbandonedByADeadNodeDoesNotBlockTheNext(@TempDir Path dir) throws Exception {
        Path file = NationalFiles.write(dir.resolve("detalle.csv"), 1_000, 100, 93_300_000, 0);
        Timestamp now = Timestamp.from(Instant.now());
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO national_investment_import (source, file_name, started_by, started_at, heartbeat_at, "
                + "status) VALUES ('ARCHIVO', 'otro.csv', 'otro-nodo', ?, ?, 'EN_CURSO')").params(now, now)
                .update(key, "id");
        long running = key.getKey().longValue();
        jdbc.sql("UPDATE national_investment_lock SET import_id = ? WHERE id = 1").param(running).update();
        try {
            assertThatThrownBy(() -> imported(file)).isInstanceOf(NationalImports.Busy.class)
                    .hasMessageContaining("Ya hay una importación en curso");
            assertThat(imports.recent(5)).extracting(NationalImports.Import::id).doesNotContain(running + 1);

            // the node died: its heartbeat stopped long ago
            jdbc.sql("UPDATE national_investment_import SET heartbeat_at = ? WHERE id = ?")
                    .params(Timestamp.from(Instant.now().minus(NationalImports.ABANDONED_AFTER).minusSeconds(60)),
                            running).update();
            NationalImports.Import next = imported(file);
            assertThat(next.status()).isEqualTo(NationalImports.Status.TERMINADA);
            assertThat(imports.get(running).orElseThrow().status()).isEqualTo(NationalImports.Status.FALLIDA);
        } finally {
            jdbc.sql("UPDATE national_investment_lock SET import_id = NULL WHERE id = 1 AND import_id = ?")
                    .param(running).update();
            jdbc.sql("UPDATE national_investment_import SET status = 'FALLIDA' WHERE id = ? AND status = 'EN_CURSO'")
                    .param(running).update();
        }
    }

    @Test
    void theScheduledFetchDownloadsTheConfiguredAddressGzippedAndImportsIt(@TempDir Path dir) throws Exception {
        Path csv = NationalFiles.write(dir.resolve("detalle.csv"), 5_000, 100, 93_400_000, 0);
        Path gz = dir.resolve("DETALLE_INVERSIONES.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(csv, out);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/datos/DETALLE_INVERSIONES.csv.gz", exchange -> {
            exchange.sendResponseHeaders(200, Files.size(gz));
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(gz, out);
            }
        });
        server.start();
        try {
            NationalFetch fetch = new NationalFetch(imports, "http://127.0.0.1:" + server.getAddress().getPort()
                    + "/datos/DETALLE_INVERSIONES.csv.gz");
            NationalImports.Import done = awaitEnd(fetch.fetch());
            assertThat(done.status()).isEqualTo(NationalImports.Status.TERMINADA);
            assertThat(done.source()).isEqualTo(NationalImports.Source.DESCARGA);
            assertThat(done.fileName()).isEqualTo("DETALLE_INVERSIONES.csv.gz");
            assertThat(done.regionRows()).isEqualTo(50);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void onlyThePlanningOfficeUploadsAndTheFiguresArePublicOpenData(@TempDir Path dir) throws Exception {
        Path file = NationalFiles.write(dir.resolve("detalle.csv"), 2_000, 100, 93_500_000, 0);
        String technical = staffUser("technical-team");
        Http other = new Http(port);
        other.staffLogin(technical, "secreto-" + technical);
        assertThat(other.get("/personal/inversiones").statusCode()).isEqualTo(403);

        String planner = staffUser("planning");
        Http http = new Http(port);
        http.staffLogin(planner, "secreto-" + planner);
        String page = http.get("/personal/inversiones").body();
        assertThat(page).contains("Cifras del Banco de Inversiones", "CODIGO_UNICO");
        String token = http.csrfTokenOf("/personal/inversiones");
        HttpResponse<String> withoutToken = http.send(HttpRequest.newBuilder(
                        http.uri("/personal/inversiones/archivo?nombre=detalle.csv"))
                .POST(HttpRequest.BodyPublishers.ofFile(file)).header("Content-Type", "application/octet-stream")
                .build());
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        HttpResponse<String> sent = http.send(HttpRequest.newBuilder(
                        http.uri("/personal/inversiones/archivo?nombre=detalle.csv"))
                .POST(HttpRequest.BodyPublishers.ofFile(file)).header("Content-Type", "application/octet-stream")
                .header("X-CSRF-TOKEN", token).build());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        long id = Long.parseLong(sent.body().replaceAll("\\D", ""));
        assertThat(awaitEnd(id).regionRows()).isEqualTo(20);
        assertThat(http.get("/personal/inversiones/importaciones/" + id).body()).contains("\"status\":\"TERMINADA\"");
        assertThat(other.get("/personal/inversiones/importaciones/" + id).statusCode()).isEqualTo(403);

        // the threshold of the alert DIFIERE_MEF: read and changed by the planning office, a bad value refused
        assertThat(page).contains("Alerta de diferencia con el MEF", "DIFIERE_MEF");
        String changed = http.submit("/personal/inversiones", "/personal/inversiones/umbral", Map.of("umbral", "25,5"))
                .body();
        assertThat(changed).contains("Umbral guardado", "25.50 puntos porcentuales");
        assertThat(http.submit("/personal/inversiones", "/personal/inversiones/umbral", Map.of("umbral", "120")).body())
                .contains("entre 0 y 100");
        assertThat(other.submit("/personal", "/personal/inversiones/umbral", Map.of("umbral", "1")).statusCode())
                .isEqualTo(403);
        http.submit("/personal/inversiones", "/personal/inversiones/umbral", Map.of("umbral", "20"));

        Http anyone = new Http(port);
        String cui = NationalFiles.cui(93_500_000, 100);
        HttpResponse<String> one = anyone.get("/api/open-data/national-investments/" + cui);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("\"pim\":1100.00", "\"accruedToDate\":200300.25", "Banco de Inversiones");
        assertThat(anyone.get("/api/open-data/national-investments").body()).contains("\"cui\":\"" + cui + "\"");
        assertThat(anyone.get("/api/open-data/national-investments.csv").body())
                .startsWith("cui,name,ubigeo,").contains(cui + ",\"MEJORAMIENTO DEL SERVICIO DE AGUA POTABLE, ");
    }
}
