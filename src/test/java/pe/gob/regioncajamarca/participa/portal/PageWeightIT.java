package pe.gob.regioncajamarca.participa.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * A phone on 3G: each main page weighs (HTML plus every stylesheet, script and image it loads) under 200 KB on
 * first load, and nothing is fetched from another host.
 */
class PageWeightIT extends ProcessTest {

    static final int LIMIT = 200 * 1024;
    static final Pattern ASSET = Pattern.compile("<(?:link|script|img)[^>]+(?:href|src)=\"([^\"]+)\"");

    @LocalServerPort int port;

    @Test
    void everyMainPageIsLightAndSelfContained() {
        Http http = new Http(port);
        for (String page : List.of("/", "/proyectos", "/agentes/inscripcion", "/ideas", "/resultados", "/seguimiento",
                "/rendicion-de-cuentas", "/capacitacion", "/vigilancia", "/reclamos", "/login", "/datos-abiertos",
                "/noticias")) {
            var r = http.get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            long bytes = r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            Set<String> assets = new LinkedHashSet<>();
            Matcher m = ASSET.matcher(r.body());
            while (m.find()) {
                assets.add(m.group(1));
            }
            for (String asset : assets) {
                assertThat(asset).as(page + " loads " + asset + " from its own host").startsWith("/");
                bytes += http.get(asset).body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            }
            System.out.printf("PageWeightIT: %-24s %6.1f KB (%d assets)%n", page, bytes / 1024.0, assets.size());
            assertThat(bytes).as(page + " weighs").isLessThan(LIMIT);
        }
    }
}
