package pe.gob.regioncajamarca.participa.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;
import pe.gob.regioncajamarca.participa.testsupport.WebDriver;

/** Issue 23: the region's map on a 360-px phone: as wide as the screen at most, every province drawn, a legend. */
class RegionMapBrowserIT extends ProcessTest {

    @LocalServerPort int port;

    @Test
    void theMapFitsAPhoneAndDrawsEveryProvince() throws Exception {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        int year = sharedFormalisedCycle();
        prioritisedProject(year, String.valueOf(3_970_000 + unique() % 10_000), "Canal del mapa", 400_000,
                "Agricultura");
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        try (WebDriver browser = WebDriver.start()) {
            browser.resize(360, 740);
            for (String page : new String[] {"/rendicion-de-cuentas", "/seguimiento"}) {
                browser.open("http://localhost:" + port + page);
                browser.find("svg.mapa path");
                var fit = browser.execute("""
                        const svg = document.querySelector('svg.mapa');
                        svg.scrollIntoView({block: 'start'});
                        const r = svg.getBoundingClientRect();
                        return [r.width, document.documentElement.clientWidth, r.height,
                                svg.querySelectorAll('path').length,
                                document.querySelectorAll('.leyenda li').length];""");
                assertThat(fit.get(0).asDouble()).as(page + ": the map's width").isPositive()
                        .isLessThanOrEqualTo(fit.get(1).asDouble());
                assertThat(fit.get(2).asDouble()).as(page + ": drawn, not collapsed").isGreaterThan(200);
                assertThat(fit.get(3).asInt()).as(page + ": provinces").isEqualTo(13);
                assertThat(fit.get(4).asInt()).as(page + ": five shades and 'sin datos'").isEqualTo(6);
                browser.screenshot(shots.resolve("mapa" + page.replace('/', '-') + "-360.png"));
            }
        }
    }
}
