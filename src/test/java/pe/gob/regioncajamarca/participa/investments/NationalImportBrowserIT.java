package pe.gob.regioncajamarca.participa.investments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;
import pe.gob.regioncajamarca.participa.testsupport.WebDriver;

/**
 * Issue 23, as the planning office does it in Chromium: log in to the staff pages, choose the Ministry's file, press
 * Importar, watch the rows being read and see the import listed with its counts; the figures then on open data.
 */
class NationalImportBrowserIT extends ProcessTest {

    @LocalServerPort int port;

    @Test
    void thePlanningOfficeImportsTheNationalFileFromItsPage(@TempDir Path dir) throws Exception {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        Path file = NationalFiles.write(dir.resolve("DETALLE_INVERSIONES.csv"), 60_000, 200, 96_000_000, 0);
        String base = "http://localhost:" + port;
        String planner = staffUser("planning");
        try (WebDriver browser = WebDriver.start()) {
            browser.resize(390, 844);
            browser.open(base + "/personal/login");
            browser.type(browser.find("input[name='username']"), planner);
            browser.type(browser.find("input[name='password']"), "secreto-" + planner);
            browser.click(browser.find("form button[type='submit']"));
            assertThat(browser.waitForText("Páginas del personal")).isTrue();
            browser.click(browser.findXpath("//a[contains(normalize-space(.),'Cifras del Banco de Inversiones')]"));
            assertThat(browser.waitForText("Archivo del Ministerio")).isTrue();

            browser.click(browser.find("#importar-boton"));
            assertThat(browser.waitForText("Elija el archivo del Ministerio")).as("nothing chosen: told so").isTrue();

            browser.type(browser.find("#archivo"), file.toAbsolutePath().toString());
            browser.click(browser.find("#importar-boton"));
            assertThat(browser.waitForText("Importación terminada: 60,000 filas leídas, 300 de la región"))
                    .as(browser.source()).isTrue();
            screenshot(browser, "inversiones-mef-importada");
            // the page reloads with the import listed
            assertThat(browser.waitForText("DETALLE_INVERSIONES.csv")).isTrue();
            assertThat(browser.findXpath("//table[@id='importaciones']//td[normalize-space(.)='Terminada']"))
                    .isNotBlank();

            // the threshold of the alert DIFIERE_MEF: typed with a decimal comma, saved, stored
            String threshold = browser.find("input#umbral-valor");
            browser.clear(threshold);
            browser.type(threshold, "25,5");
            browser.click(browser.findXpath("//button[normalize-space(.)='Guardar umbral']"));
            assertThat(browser.waitForText("Umbral guardado")).isTrue();
            assertThat(browser.waitForText("25.50 puntos porcentuales")).isTrue();
        }
        assertThat(jdbc.sql("SELECT gap_threshold FROM national_investment_setting WHERE id = 1")
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("25.5");
        jdbc.sql("UPDATE national_investment_setting SET gap_threshold = 20 WHERE id = 1").update();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM national_investment WHERE cui BETWEEN '96000000' AND '96099999'")
                .query(Integer.class).single()).isEqualTo(300);
    }

    private static void screenshot(WebDriver browser, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        browser.screenshot(dir.resolve(name + ".png"));
    }
}
