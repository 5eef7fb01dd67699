package pe.gob.regioncajamarca.participa.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.calendar.Now;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;
import pe.gob.regioncajamarca.participa.testsupport.PortalCycle;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;
import pe.gob.regioncajamarca.participa.testsupport.WebDriver;

/**
 * An agent on a phone whose session the server no longer knows (the node that held it died and the proxy sent her to
 * the other one; docs/operations.md): she confirms a vote, is sent to log in again with a page that says her session
 * ended and the vote was not saved, logs in, votes again and the vote counts once. In a real headless Chromium.
 */
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "participa.test.db", matches = "h2")
class LostSessionBrowserIT extends ProcessTest {

    /** The portal tests' cycle, the newest of all, so that the ballot shows it while its voting is open. */
    static final int YEAR = PortalCycle.YEAR;

    @LocalServerPort int port;
    @Autowired CitizenAccounts accounts;
    @Autowired VotingService voting;

    private CyclePhase phaseBefore;

    /** The portal's cycle goes back to the phase the other portal tests left it in. */
    @AfterEach
    void votingIsOver() {
        if (phaseBefore != null && phaseBefore != CyclePhase.VOTACION) {
            cycleService.changePhase(YEAR, phaseBefore, null);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aVoteSentAfterTheSessionWasLostIsNotSavedAndSheIsToldToLogInAgain() throws Exception {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        PortalCycle.ensure(cycleService, plazos.today());
        String cui = String.valueOf(2190000 + unique() % 10_000);
        jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit) "
                        + "VALUES (?, ?, 'Puesto de salud de Chugur', 'HUALGAYOC', 450000, 'Salud', ?)")
                .params(YEAR, cui, TEST_UNIT).update();
        phaseBefore = cycleService.find(YEAR).orElseThrow().phase();
        int votes = cycleService.find(YEAR).orElseThrow().votesPerAgent();
        if (phaseBefore != CyclePhase.VOTACION) {
            cycleService.changePhase(YEAR, CyclePhase.VOTACION, "Prueba de la sesión perdida");
        }
        String dni = String.format("7%07d", unique() % 10_000_000);
        long citizen = accounts.create("DNI", dni, "clave-del-agente", dni + "@example.pe", "Elsa", "Quispe", null);
        jdbc.sql("""
                INSERT INTO agent_registration (cycle_year, citizen_id, document_number, mobile_phone, sex, birth_date,
                    education_level, province_code, district_ubigeo, consent_at, status, created_at)
                VALUES (?, ?, ?, '987654321', 'F', DATE '1982-03-04', 'Secundaria', ?, ?, ?, 'ACREDITADO', ?)""")
                .params(YEAR, citizen, dni, TEST_PROVINCE, TEST_DISTRICT, Now.timestamp(), Now.timestamp()).update();
        long project = jdbc.sql("SELECT id FROM project WHERE cycle_year = ? AND cui = ?").params(YEAR, cui)
                .query(Long.class).single();

        try (WebDriver browser = WebDriver.start()) {
            browser.resize(360, 800);
            logIn(browser, dni);
            // she chooses the project and gets the confirmation page
            browser.click(browser.find("main form.inline[action='/votacion/" + project + "'] button.primary"));
            assertThat(browser.waitForText("Confirma su voto")).as(browser.source()).isTrue();

            // the node that held her session dies: the browser keeps a session cookie the server does not know
            browser.replaceCookie("JSESSIONID", "5E55105D1E5E55105D1E5E55105D1E00");
            browser.click(browser.find("main form.form button.primary"));
            assertThat(browser.waitForText("Su sesión terminó")).as(browser.source()).isTrue();
            assertThat(browser.source()).contains("El último formulario que envió no se guardó")
                    .doesNotContain("No tiene permiso");
            assertThat(browser.url()).contains("/login?sesion");
            assertThat(voting.votedProjects(YEAR, dni)).as("the lost session's vote").isEmpty();

            // she logs in again on this page and votes: it counts once
            browser.portalLogin(dni, "clave-del-agente");
            browser.open(url("/votacion"));
            browser.click(browser.find("main form.inline[action='/votacion/" + project + "'] button.primary"));
            assertThat(browser.waitForText("Confirma su voto")).as(browser.source()).isTrue();
            browser.click(browser.find("main form.form button.primary"));
            assertThat(browser.waitForText("Votó")).as(browser.source()).isTrue();
        }
        assertThat(voting.votedProjects(YEAR, dni)).containsExactly(project);
        assertThat(voting.votesLeft(YEAR, dni)).contains(votes - 1);
    }

    private void logIn(WebDriver browser, String dni) throws Exception {
        browser.open(url("/votacion"));
        browser.portalLogin(dni, "clave-del-agente");
        assertThat(browser.url()).matches(url("/votacion") + "(\\?continue)?");
    }
}
