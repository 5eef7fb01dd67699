package pe.gob.regioncajamarca.participa.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;
import pe.gob.regioncajamarca.participa.testsupport.WebDriver;

/** Issue 19: the citizen's journeys on a phone-sized window (360 px), in a real headless Chromium. */
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "participa.test.db", matches = "h2")
class CitizenJourneysBrowserIT extends ProcessTest {

    @LocalServerPort int port;
    @org.springframework.beans.factory.annotation.Autowired
    pe.gob.regioncajamarca.participa.identity.CitizenAccounts accounts;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** On a phone, every label of «Sus datos» sits above its own input, never beside the previous one. */
    @Test
    void theComplaintFormsLabelsSitAboveTheirInputsOnAPhone() throws Exception {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        try (WebDriver browser = WebDriver.start()) {
            browser.resize(360, 800);
            browser.open(url("/reclamos"));
            browser.find("#nombre");
            JsonNode boxes = browser.execute("""
                    return [...document.querySelectorAll('form label[for]')].map(l => {
                      const i = document.getElementById(l.getAttribute('for'));
                      const a = l.getBoundingClientRect(), b = i.getBoundingClientRect();
                      return { id: i.id, labelBottom: a.bottom, inputTop: b.top, labelLeft: a.left, inputLeft: b.left,
                               inputWidth: b.width };
                    });""");
            java.util.List<String> ids = new java.util.ArrayList<>();
            for (JsonNode box : boxes) {
                ids.add(box.get("id").asText());
                assertThat(box.get("labelBottom").asDouble()).as("label of %s above its input", box.get("id").asText())
                        .isLessThanOrEqualTo(box.get("inputTop").asDouble() + 0.5);
                assertThat(Math.abs(box.get("labelLeft").asDouble() - box.get("inputLeft").asDouble()))
                        .as("label of %s aligned with its input", box.get("id").asText()).isLessThan(2);
            }
            assertThat(ids).contains("nombre", "dni", "correo", "telefono");
        }
    }

    /** On a phone: the ballot asks for a login, and after it the citizen is on the ballot, not on the home page. */
    @Test
    void afterTheLoginTheCitizenIsWhereSheWasGoing() throws Exception {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        String dni = String.format("6%07d", unique() % 10_000_000);
        accounts.create("DNI", dni, "clave-del-telefono", dni + "@example.pe", "Rosa", "Chávez", null);
        try (WebDriver browser = WebDriver.start()) {
            browser.resize(360, 800);
            browser.open(url("/votacion"));
            browser.portalLogin(dni, "clave-del-telefono");
            assertThat(browser.url()).matches(url("/votacion") + "(\\?continue)?");
        }
    }

    /**
     * On a phone, an empty registration: one message per field in the form's order, each faulty field marked and
     * its message right below it (named by aria-describedby), the summary's links leading to the fields.
     */
    @Test
    void anEmptyRegistrationMarksEveryFaultyFieldWithItsMessageBelowIt() throws Exception {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        pe.gob.regioncajamarca.participa.testsupport.PortalCycle.ensure(cycleService, plazos.today());
        try (WebDriver browser = WebDriver.start()) {
            browser.resize(360, 800);
            browser.open(url("/agentes/inscripcion"));
            browser.click(browser.find("form.form button[type=submit]"));
            browser.find("#errores");
            JsonNode result = browser.execute("""
                    const links = [...document.querySelectorAll('#errores li a')].map(a => a.getAttribute('href').slice(1));
                    const marked = [...document.querySelectorAll('[aria-invalid=true]')].map(f => {
                      const m = document.getElementById(f.getAttribute('aria-describedby'));
                      const box = (f.type === 'checkbox' ? f.closest('label') : f).getBoundingClientRect();
                      const mb = m ? m.getBoundingClientRect() : null;
                      return { id: f.id, message: m ? m.textContent : null, below: mb ? mb.top >= box.bottom - 1 : false,
                               near: mb ? mb.top - box.bottom < 40 : false, invalidClass: f.classList.contains('invalid') };
                    });
                    return { links, marked, texts: [...document.querySelectorAll('#errores li')].map(l => l.textContent) };""");
            java.util.List<String> links = new java.util.ArrayList<>();
            result.get("links").forEach(l -> links.add(l.asText()));
            java.util.List<String> marked = new java.util.ArrayList<>();
            for (JsonNode f : result.get("marked")) {
                marked.add(f.get("id").asText());
                assertThat(f.get("message").isNull()).as("message of %s", f.get("id")).isFalse();
                assertThat(f.get("below").asBoolean()).as("message of %s below it", f.get("id")).isTrue();
                assertThat(f.get("near").asBoolean()).as("message of %s next to it", f.get("id")).isTrue();
                assertThat(f.get("invalidClass").asBoolean()).isTrue();
            }
            // the summary lists the marked fields, in the page's order, once each
            assertThat(links).containsExactlyElementsOf(marked).doesNotHaveDuplicates()
                    .startsWith("documentNumber", "firstSurname", "givenNames", "email", "mobilePhone", "sex");
            assertThat(result.get("texts").toString()).contains("Elija su sexo.").doesNotContain("Elija femenino o masculino.");
        }
    }
}
