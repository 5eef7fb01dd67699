package pe.gob.regioncajamarca.participa.faults;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * An accredited agent voting through the portal of one node like a browser: own cookie jar (session), login form
 * with its CSRF token, the ballot page, POST /votacion/{id} with the ballot's CSRF token, then the ballot again
 * with the flash message ("Su voto quedó registrado" or the reason of a refusal). Plus the seed those agents need.
 */
final class PortalVoter {

    static final String PASSWORD = "clave-agente-fallas";
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** SESSION_ENDED: sent to the login page with "Su sesión terminó" (the node that held the session is gone). */
    enum Outcome { REGISTERED, ALREADY_VOTED, USED_UP, REFUSED, ERROR_PAGE, SESSION_ENDED }

    final String base;
    final String dni;
    private final HttpClient http;
    private String csrf;
    /** The message of the last refusal (class="error" on the ballot). */
    String lastMessage;
    /** Behind a proxy that names the node it used (header X-Participa-Nodo): the last one. */
    volatile String node;

    PortalVoter(String base, String dni) {
        this.base = base;
        this.dni = dni;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Logs in and reads the ballot (for its CSRF token); false when the node could not answer. */
    boolean login() throws IOException, InterruptedException {
        csrf = null;
        var form = send(get("/login"));
        if (form.statusCode() != 200) {
            return false;
        }
        var login = send(post("/login", Map.of("username", dni, "password", PASSWORD, "_csrf", token(form.body()))));
        String to = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || to.contains("error") || to.contains("demasiados")) {
            return false;
        }
        var ballot = send(get("/votacion"));
        if (ballot.statusCode() != 200) {
            return false;
        }
        csrf = token(ballot.body());
        return true;
    }

    boolean loggedIn() {
        return csrf != null;
    }

    /** One vote; ERROR_PAGE when the POST or the page after it was the error page (the vote may or may not be in). */
    Outcome vote(long project) throws IOException, InterruptedException {
        var answer = send(post("/votacion/" + project, Map.of("_csrf", csrf, "confirmado", "true")));
        if (sessionEnded(answer)) {
            return sessionEndedPage(answer);
        }
        if (answer.statusCode() != 302 || !answer.headers().firstValue("Location").orElse("").endsWith("/votacion")) {
            if (answer.statusCode() == 403) {
                csrf = null; // session lost: log in again
            }
            return Outcome.ERROR_PAGE;
        }
        var page = send(get("/votacion"));
        if (sessionEnded(page)) {
            // the vote was answered, the ballot after it came from a node that does not know the session
            return sessionEndedPage(page);
        }
        if (page.statusCode() != 200) {
            return Outcome.ERROR_PAGE;
        }
        if (page.body().contains("Su voto quedó registrado")) {
            return Outcome.REGISTERED;
        }
        if (page.body().contains("Ya votó por este proyecto")) {
            return Outcome.ALREADY_VOTED;
        }
        if (page.body().contains("Ya usó sus")) {
            return Outcome.USED_UP;
        }
        Matcher m = Pattern.compile("class=\"error\"[^>]*>([^<]*)<").matcher(page.body());
        lastMessage = m.find() ? m.group(1) : page.body();
        return Outcome.REFUSED;
    }

    private static boolean sessionEnded(HttpResponse<String> r) {
        return r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").contains("/login?sesion");
    }

    /** Follows the redirect to the login page, which must say «Su sesión terminó»; the session is gone. */
    private Outcome sessionEndedPage(HttpResponse<String> redirect) throws IOException, InterruptedException {
        csrf = null;
        String to = redirect.headers().firstValue("Location").orElseThrow();
        var login = send(get(to.substring(to.indexOf("/login"))));
        return login.statusCode() == 200 && login.body().contains("Su sesión terminó") ? Outcome.SESSION_ENDED
                : Outcome.ERROR_PAGE;
    }

    /**
     * Every 5xx must be the portal's error page, in Spanish; a request without an answer within REQUEST_TIMEOUT
     * throws HttpTimeoutException (a hang).
     */
    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        r.headers().firstValue("X-Participa-Nodo").ifPresent(n -> node = lastOf(n));
        if (r.statusCode() >= 500 && !r.body().contains("No pudimos completar su pedido")) {
            throw new AssertionError("a 5xx without the error page: " + r.statusCode() + " " + request.uri() + "\n"
                    + r.body().substring(0, Math.min(500, r.body().length())));
        }
        return r;
    }

    HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT).header("Accept", "text/html")
                .GET().build();
    }

    HttpRequest post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static String token(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    /** nginx's $upstream_addr lists every server it tried ("a:1, b:2"): the one that answered is the last. */
    static String lastOf(String upstreams) {
        String[] all = upstreams.split(",");
        return all[all.length - 1].trim();
    }

    static boolean isHang(Exception e) {
        return e instanceof HttpTimeoutException;
    }

    static String dni(int a) {
        return String.format("7%07d", a);
    }

    /**
     * A cycle in its voting phase (no calendar: the phase alone opens it), PROJECTS projects and AGENTS accredited
     * agents with portal accounts (password PASSWORD), written straight into the database the application created.
     */
    static void seed(String url, int year, int votesPerAgent, int projects, int agents) throws Exception {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); var s = c.createStatement()) {
            s.execute("INSERT INTO cycle (cycle_year, phase, envelope, votes_per_agent, phase_changed_at, created_at) "
                    + "VALUES (" + year + ", 'VOTACION', 1000000, " + votesPerAgent + ", now(), now())");
            for (int p = 1; p <= projects; p++) {
                s.execute("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit) VALUES ("
                        + year + ", '9" + year % 100 + p + "', 'Proyecto " + p + "', 'CAJAMARCA', 100000, 'Salud', "
                        + "'sede-central')");
            }
            for (int a = 0; a < agents; a++) {
                String dni = dni(a);
                s.execute("INSERT INTO citizen_account (document_type, document_number, password_hash, email, "
                        + "given_names, first_surname, created_at) VALUES ('DNI', '" + dni + "', '" + hash + "', '"
                        + dni + "@example.pe', 'Ana', 'Vera', now())");
                s.execute("INSERT INTO agent_registration (cycle_year, citizen_id, document_number, mobile_phone, sex, "
                        + "birth_date, education_level, province_code, district_ubigeo, consent_at, status, created_at) "
                        + "SELECT " + year + ", id, document_number, '987654321', 'F', DATE '1980-01-01', 'Secundaria', "
                        + "'0601', '060101', now(), 'ACREDITADO', now() FROM citizen_account WHERE document_number = '"
                        + dni + "'");
            }
        }
    }

    /** The ids of the cycle's projects, in order. */
    static List<Long> projects(String url, int year) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
             var rs = c.createStatement().executeQuery("SELECT id FROM project WHERE cycle_year = " + year + " ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
