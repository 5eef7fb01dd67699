package pe.gob.regioncajamarca.participa.staffexperience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ParticipaIntegrationTest;

/** The running application serves the project's config.js and Spanish texts in place of the webjar's own. */
@ParticipaIntegrationTest
class WebappLocalesIT {

    @LocalServerPort int port;

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theWebappsLoadTheProjectsConfigurationAndSpanishTexts(String app) {
        Http http = new Http(port);
        HttpResponse<String> config = http.get("/camunda/app/" + app + "/scripts/config.js?bust=1");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("Caxamarca Participa", "availableLocales: ['es']");

        HttpResponse<String> spanish = http.get("/camunda/app/" + app + "/locales/es.json?bust=7.24.0");
        assertThat(spanish.statusCode()).isEqualTo(200);
        assertThat(spanish.body()).contains("\"Cerrar sesión\"");

        // English stays available (the webjar's own file)
        HttpResponse<String> english = http.get("/camunda/app/" + app + "/locales/en.json?bust=7.24.0");
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.body()).contains("\"Log out\"");
    }
}
