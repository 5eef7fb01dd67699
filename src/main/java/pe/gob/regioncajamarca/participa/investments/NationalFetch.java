package pe.gob.regioncajamarca.participa.investments;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The national file fetched from a configured address on a schedule ({@code participa.inversiones.url} and
 * {@code participa.inversiones.cron}): off unless both are set. The download goes to a temporary file and is then
 * imported like an uploaded one (same rules, same one-at-a-time lock, listed on the staff page as "descarga").
 */
@Component
class NationalFetch {

    private static final Logger log = LoggerFactory.getLogger(NationalFetch.class);

    private final NationalImports imports;
    private final String url;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30)).build();

    NationalFetch(NationalImports imports, @Value("${participa.inversiones.url:}") String url) {
        this.imports = imports;
        this.url = url == null ? "" : url.trim();
    }

    @Scheduled(cron = "${participa.inversiones.cron:-}", zone = "America/Lima")
    void scheduled() {
        if (url.isEmpty()) {
            return;
        }
        try {
            fetch();
        } catch (NationalImports.Busy e) {
            log.info("Descarga programada de inversiones omitida: ya hay una importación en curso");
        } catch (IOException | RuntimeException e) {
            log.warn("No se pudo descargar el archivo de inversiones de {}: {}", url, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Downloads the configured file and starts its import; returns the import's id. */
    long fetch() throws IOException, InterruptedException, NationalImports.Busy {
        URI uri = URI.create(url);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IOException("participa.inversiones.url debe ser una dirección http(s)");
        }
        Path file = Files.createTempFile("inversiones-descarga-", ".csv");
        try {
            HttpResponse<Path> answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30)).GET()
                    .build(), HttpResponse.BodyHandlers.ofFile(file));
            if (answer.statusCode() != 200) {
                throw new IOException("la dirección respondió " + answer.statusCode());
            }
            String name = uri.getPath() == null || uri.getPath().isEmpty() ? uri.getHost()
                    : uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1);
            return imports.start(file, name, NationalImports.Source.DESCARGA, "descarga-programada");
        } catch (IOException | InterruptedException | RuntimeException e) {
            Files.deleteIfExists(file); // start() deletes it itself when it refuses (Busy) or once the import ends
            throw e;
        }
    }
}
