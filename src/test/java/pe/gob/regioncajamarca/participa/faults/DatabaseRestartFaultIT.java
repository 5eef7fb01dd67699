package pe.gob.regioncajamarca.participa.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Issue 9, faults: PostgreSQL restarted while agents vote through the packaged application (a separate OS process).
 * Requests caught by the outage get an answer (the error page), none hangs; the application recovers by itself;
 * every vote answered "registrado" is in the database and the ballots agree with the votes.
 */
@org.junit.jupiter.api.Disabled("draft of session 6, not yet seen passing: the last run failed only because the "
        + "health check sent Accept: text/html (406), fixed since; remove this line after one green run of "
        + "./mvnw -B verify -Pfaults")
class DatabaseRestartFaultIT {

    static final int YEAR = 2091;
    static final int AGENTS = 40;
    static final int VOTES = 3;

    @Test
    void votesSurviveARestartOfPostgres() throws Exception {
        Path work = Path.of("target/faults/db-restart");
        deleteTree(work.toFile());
        Files.createDirectories(work);
        int pgPort = freePort();
        EmbeddedPostgres pg = postgres(work.resolve("pgdata"), pgPort);
        String url = "jdbc:postgresql://localhost:" + pgPort + "/postgres";
        int port = freePort();
        Process app = null;
        try {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-jar", System.getProperty("participa.jar", "target/participa-0.1.0-SNAPSHOT.jar"),
                    "--spring.profiles.active=postgres", "--server.port=" + port,
                    "--spring.mail.host=localhost", "--spring.mail.port=" + freePort(), "--participa.mail.outbox-enabled=false",
                    "--spring.datasource.hikari.connection-timeout=5000")
                    .redirectErrorStream(true).redirectOutput(work.resolve("app.log").toFile());
            pb.environment().putAll(Map.of("SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", "postgres",
                    "SPRING_DATASOURCE_PASSWORD", "postgres", "PARTICIPA_ADMIN_USERNAME", "admin.prueba",
                    "PARTICIPA_ADMIN_PASSWORD", "clave-admin-prueba"));
            app = pb.start();
            waitHealthy(port, app);
            seed(url);

            Set<String> confirmed = ConcurrentHashMap.newKeySet();
            AtomicInteger errorPages = new AtomicInteger();
            AtomicInteger hung = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> voters = new ArrayList<>();
            for (int a = 0; a < AGENTS; a++) {
                String dni = dni(a);
                voters.add(pool.submit(() -> vote(port, dni, confirmed, errorPages, hung)));
            }
            while (confirmed.size() < AGENTS * VOTES / 3) {
                Thread.sleep(200);
            }
            pg.close();
            Thread.sleep(3000);
            pg = postgres(work.resolve("pgdata"), pgPort);
            for (Future<?> f : voters) {
                f.get();
            }
            pool.shutdown();
            waitHealthy(port, app);

            assertThat(hung.get()).as("requests without an answer").isZero();
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
                Set<String> stored = new java.util.HashSet<>();
                try (var rs = c.createStatement().executeQuery(
                        "SELECT document_number, project_id FROM vote WHERE cycle_year = " + YEAR)) {
                    while (rs.next()) {
                        stored.add(rs.getString(1) + ":" + rs.getLong(2));
                    }
                }
                assertThat(stored).containsAll(confirmed);
                assertThat(stored).hasSize(AGENTS * VOTES);
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM ballot WHERE cycle_year = "
                        + YEAR + " AND votes_left <> 0")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("ballots disagreeing with votes").isZero();
                }
            }
            System.out.println("db-restart: confirmed " + confirmed.size() + ", error pages " + errorPages.get());
        } finally {
            if (app != null) {
                app.destroyForcibly().waitFor();
            }
            pg.close();
        }
    }

    static EmbeddedPostgres postgres(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    static String dni(int a) {
        return String.format("7%07d", a);
    }

    static void seed(String url) throws Exception {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("clave-agente");
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); var s = c.createStatement()) {
            s.execute("INSERT INTO cycle (cycle_year, phase, envelope, votes_per_agent, phase_changed_at, created_at) "
                    + "VALUES (" + YEAR + ", 'VOTACION', 1000000, " + VOTES + ", now(), now())");
            for (int p = 1; p <= 4; p++) {
                s.execute("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit) VALUES ("
                        + YEAR + ", '90" + p + "', 'Proyecto " + p + "', 'CAJAMARCA', 100000, 'Salud', 'sede-central')");
            }
            for (int a = 0; a < AGENTS; a++) {
                String dni = dni(a);
                s.execute("INSERT INTO citizen_account (document_type, document_number, password_hash, email, "
                        + "given_names, first_surname, created_at) VALUES ('DNI', '" + dni + "', '" + hash + "', '"
                        + dni + "@example.pe', 'Ana', 'Vera', now())");
                s.execute("INSERT INTO agent_registration (cycle_year, citizen_id, document_number, mobile_phone, sex, "
                        + "birth_date, education_level, province_code, district_ubigeo, consent_at, status, created_at) "
                        + "SELECT " + YEAR + ", id, document_number, '987654321', 'F', DATE '1980-01-01', 'Secundaria', "
                        + "'0601', '060101', now(), 'ACREDITADO', now() FROM citizen_account WHERE document_number = '"
                        + dni + "'");
            }
        }
    }

    /** One agent: logs in and votes for three projects, retrying what the outage interrupted. */
    static Void vote(int port, String dni, Set<String> confirmed, AtomicInteger errorPages, AtomicInteger hung)
            throws Exception {
        String base = "http://localhost:" + port;
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        List<Long> projects = null;
        String csrf = null;
        int done = 0;
        for (int attempt = 0; attempt < 200 && done < VOTES; attempt++) {
            try {
                if (csrf == null) {
                    String token = token(send(http, get(base + "/login"), errorPages).body());
                    var login = send(http, post(base + "/login", Map.of("username", dni, "password", "clave-agente",
                            "_csrf", token)), errorPages);
                    if (login.headers().firstValue("Location").orElse("").contains("error")) {
                        Thread.sleep(500);
                        continue;
                    }
                    var ballot = send(http, get(base + "/votacion"), errorPages);
                    if (ballot.statusCode() != 200) {
                        Thread.sleep(500);
                        continue;
                    }
                    csrf = token(ballot.body());
                    Matcher m = Pattern.compile("action=\"/votacion/(\\d+)\"").matcher(ballot.body());
                    List<Long> ids = new ArrayList<>();
                    while (m.find()) {
                        ids.add(Long.parseLong(m.group(1)));
                    }
                    projects = ids.stream().distinct().sorted().collect(Collectors.toList());
                }
                long project = projects.get(done);
                var answer = send(http, post(base + "/votacion/" + project, Map.of("_csrf", csrf)), errorPages);
                if (answer.statusCode() != 302) {
                    Thread.sleep(500);
                    continue;
                }
                var page = send(http, get(base + "/votacion"), errorPages).body();
                if (page.contains("Su voto quedó registrado")) {
                    confirmed.add(dni + ":" + project);
                    done++;
                } else if (page.contains("Ya votó por este proyecto")) {
                    done++; // the first attempt was stored but its answer was lost in the outage
                } else {
                    Thread.sleep(500);
                }
            } catch (java.net.http.HttpTimeoutException e) {
                hung.incrementAndGet();
            } catch (java.io.IOException e) {
                Thread.sleep(500);
            }
        }
        return null;
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request, AtomicInteger errorPages) throws Exception {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() >= 500) {
            assertThat(r.body()).contains("No pudimos completar su pedido");
            errorPages.incrementAndGet();
        }
        return r;
    }

    static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Accept", "text/html").GET().build();
    }

    static HttpRequest post(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static String token(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("sin token CSRF");
        }
        return m.group(1);
    }

    static void waitHealthy(int port, Process app) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive()).as("application process").isTrue();
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .timeout(Duration.ofSeconds(30)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the application did not become healthy");
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void deleteTree(File f) {
        File[] children = f.listFiles();
        if (children != null) {
            for (File c : children) {
                deleteTree(c);
            }
        }
        f.delete();
    }
}
