package pe.gob.regioncajamarca.participa.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ParticipaIntegrationTest;

/** Issue 19: after logging in, the citizen lands where she was going, never on another site. */
@ParticipaIntegrationTest
class LoginReturnIT {

    static final java.util.concurrent.atomic.AtomicInteger DNI = new java.util.concurrent.atomic.AtomicInteger(
            (int) (System.nanoTime() % 1_000_000));

    @LocalServerPort int port;
    @Autowired CitizenAccounts accounts;

    private String citizen() {
        String dni = String.format("5%07d", DNI.incrementAndGet() % 10_000_000);
        accounts.create("DNI", dni, "clave-de-retorno", dni + "@example.pe", "Rosa", "Chávez", null);
        return dni;
    }

    private java.net.http.HttpResponse<String> login(Http http, String dni, String extra) {
        Map<String, String> f = new java.util.LinkedHashMap<>(Map.of("username", dni, "password", "clave-de-retorno",
                "_csrf", http.csrfTokenOf("/login" + (extra == null ? "" : "?continuar=" + extra))));
        if (extra != null) {
            f.put("continuar", java.net.URLDecoder.decode(extra, java.nio.charset.StandardCharsets.UTF_8));
        }
        return http.postForm("/login", f);
    }

    private static String location(java.net.http.HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElse("");
    }

    @Test
    void aCitizenSentToTheLoginLandsOnThePageThatAskedForIt() {
        String dni = citizen();
        Http http = new Http(port);
        var ask = http.get("/votacion");
        assertThat(ask.statusCode()).isEqualTo(302);
        assertThat(location(ask)).endsWith("/login");
        var in = login(http, dni, null);
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(location(in)).matches("http://localhost:" + port + "/votacion(\\?continue)?");
        assertThat(http.get("/votacion").statusCode()).isEqualTo(200);
    }

    @Test
    void theLoginLinkOfAPageReturnsToItAndOnlyToALocalPath() {
        String dni = citizen();
        Http http = new Http(port);
        // the header's «Iniciar sesión» names the page it was on
        assertThat(http.get("/capacitacion").body()).contains("href=\"/login?continuar=/capacitacion\"");
        assertThat(http.get("/login?continuar=/capacitacion").body())
                .contains("name=\"continuar\" value=\"/capacitacion\"");
        // a wrong password first: back to the login, still going to the same page
        var wrong = http.postForm("/login", Map.of("username", dni, "password", "otra-clave", "continuar", "/capacitacion",
                "_csrf", http.csrfTokenOf("/login?continuar=/capacitacion")));
        assertThat(location(wrong)).endsWith("/login?error&continuar=%2Fcapacitacion");
        assertThat(http.get("/login?error&continuar=%2Fcapacitacion").body())
                .contains("name=\"continuar\" value=\"/capacitacion\"", "no son correctos");
        assertThat(location(login(http, dni, "/capacitacion"))).endsWith("/capacitacion");

        // another site, a protocol-relative address or a backslash trick: home, not away
        for (String away : new String[] {"https://evil.example/x", "//evil.example/x", "/\\evil.example/x",
                "/%5Cevil.example", "javascript:alert(1)", "/%0d%0aSet-Cookie:x=1"}) {
            Http other = new Http(port);
            String where = location(login(other, dni, java.net.URLEncoder.encode(away,
                    java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(where).as(away).isIn("/", "http://localhost:" + port + "/");
        }
    }
}
