package pe.gob.regioncajamarca.participa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * A browser whose session this node does not know (the node that held it died and the proxy moved the citizen here,
 * or the node restarted): a form it sends and a page that needs a login both go to the login page with a Spanish
 * "your session ended" notice (for the form: "it was not saved"), not to "No tiene permiso" (403); public pages answer as usual; a request without a
 * session, or with a live one and no CSRF token, keeps its usual answer.
 */
class SessionEndedIT extends ProcessTest {

    @LocalServerPort int port;

    @Test
    void aLostSessionIsSentToLogInAgainWithAClearMessage() {
        Http http = new Http(port);
        // a client without a cookie store: the cookie of the lost session is sent as it is
        HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String gone = "JSESSIONID=5E55105D1E5E55105D1E5E55105D1E00";
        var form = send(plain, HttpRequest.newBuilder(http.uri("/votacion/1")).header("Cookie", gone)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.urlEncoded(Map.of("_csrf", "de-la-sesion-perdida",
                        "confirmado", "true")))).build());
        assertThat(form.statusCode()).isEqualTo(302);
        assertThat(form.headers().firstValue("Location").orElse("")).endsWith("/login?sesion&reenviar");
        var page = send(plain, HttpRequest.newBuilder(http.uri("/mi-cuenta")).header("Cookie", gone).GET().build());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login?sesion");
        assertThat(new Http(port).get("/login?sesion&reenviar").body()).contains("Su sesión terminó")
                .contains("El último formulario que envió no se guardó");
        assertThat(new Http(port).get("/login?sesion").body()).contains("Su sesión terminó")
                .contains("Ingrese de nuevo para continuar").doesNotContain("no se guardó");
        var open = send(plain, HttpRequest.newBuilder(http.uri("/proyectos")).header("Cookie", gone).GET().build());
        assertThat(open.statusCode()).as("a public page").isEqualTo(200);

        // without a lost session: as before
        Http fresh = new Http(port);
        assertThat(fresh.get("/mi-cuenta").headers().firstValue("Location").orElse("")).endsWith("/login");
        fresh.get("/login");
        var noToken = fresh.postForm("/votacion/1", Map.of("confirmado", "true"));
        assertThat(noToken.statusCode()).as("a live session without the CSRF token").isEqualTo(403);
        assertThat(fresh.get("/login").body()).doesNotContain("Su sesión terminó");
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
