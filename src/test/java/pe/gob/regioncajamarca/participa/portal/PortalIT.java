package pe.gob.regioncajamarca.participa.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ParticipaIntegrationTest;

/** The public home page: Spanish, without login, no personal data. */
@ParticipaIntegrationTest
class PortalIT {

    @LocalServerPort int port;
    @Autowired CitizenAccounts citizens;

    @Test
    void theHomePageIsPublicSpanishAndShowsNoPersonalData() {
        citizens.create("DNI", "48765432", "x", "privada@example.pe", "Pedro", "Sánchez", "Gil");
        var r = new Http(port).get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<html lang=\"es\"", "Presupuesto participativo del Gobierno Regional de Cajamarca",
                "Iniciar sesión", "Datos abiertos");
        assertThat(r.body()).doesNotContain("48765432", "privada@example.pe");
        assertThat(new Http(port).get("/login").body()).contains("Número de documento (DNI)", "name=\"_csrf\"");
    }

    @Test
    void spanishByDefaultWhateverTheBrowserSaysAndEnglishOnRequest() throws Exception {
        var english = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/")).header("Accept-Language", "en-US,en;q=0.9").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(english.body()).contains("<html lang=\"es\"", "Presupuesto participativo del Gobierno Regional",
                ">Proyectos<", "hreflang=\"en\"");
        Http http = new Http(port);
        assertThat(http.get("/?lang=en").body()).contains("<html lang=\"en\"",
                "Participatory budget of the Regional Government of Cajamarca", ">Projects<", ">Log in<");
        // remembered (cookie) on the next pages
        assertThat(http.get("/login").body()).contains("Document number (DNI)", "Forgot your password?");
        assertThat(http.get("/proyectos").body()).contains("Search by name or CUI");
        assertThat(http.get("/?lang=qu").body()).contains("Presupuesto participativo del Gobierno Regional");
    }
}
