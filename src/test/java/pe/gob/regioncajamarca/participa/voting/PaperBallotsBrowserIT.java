package pe.gob.regioncajamarca.participa.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.OpenCycleCommand;
import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;
import pe.gob.regioncajamarca.participa.testsupport.WebDriver;

/**
 * The workshop pages on a phone (Chromium, 360 px wide): the planning office registers a workshop, two staff users
 * enter the same paper ballot and it counts; a ballot of an agent who already voted online is refused with a message
 * that says so, and nothing is stored.
 */
class PaperBallotsBrowserIT extends ProcessTest {

    @LocalServerPort int port;
    @Autowired VotingService voting;
    @Autowired Workshops workshops;

    int year;
    LocalDate today;
    String cuiA;
    String cuiB;

    @BeforeEach
    void votingIsOpen() {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        year = freeYear();
        today = plazos.today();
        Map<String, BigDecimal> split = new HashMap<>();
        Scopes.ALL.forEach(s -> split.put(s, new BigDecimal("1000000")));
        cycleService.open(new OpenCycleCommand(year, new BigDecimal("14000000"), 3, split,
                List.of(new Cycle.PhaseWindow(CyclePhase.VOTACION, today.minusDays(1), today.plusDays(6)))), null);
        cycleService.changePhase(year, CyclePhase.VOTACION, null);
        int base = 6_500_000 + (year % 100) * 10;
        cuiA = String.valueOf(base + 1);
        cuiB = String.valueOf(base + 2);
        for (String cui : List.of(cuiA, cuiB)) {
            jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit) "
                    + "VALUES (?, ?, ?, 'JAEN', 250000, 'Riego', ?)").params(year, cui, "Canal " + cui, TEST_UNIT).update();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String agent() {
        return jdbc.sql("SELECT document_number FROM agent_registration WHERE id = ?")
                .param(agentOf(year, "ACREDITADO", null)).query(String.class).single();
    }

    private WebDriver phoneOf(String user) throws Exception {
        WebDriver browser = WebDriver.start();
        browser.resize(360, 800);
        browser.open(url("/personal/login"));
        browser.type(browser.find("input[name='username']"), user);
        browser.type(browser.find("input[name='password']"), "secreto-" + user);
        browser.click(browser.find("form button[type='submit']"));
        browser.find("form[action='/personal/logout']");
        return browser;
    }

    /** Types one paper ballot on the entry page of the workshop and saves it. */
    private static void enterBallot(WebDriver browser, String sheet, String dni, String cuis) throws Exception {
        browser.type(browser.find("#cedula"), sheet);
        browser.type(browser.find("#dni"), dni);
        browser.type(browser.find("#cuis"), cuis);
        browser.click(browser.findXpath("//button[normalize-space(.)='Guardar digitación']"));
    }

    private static void fitsThePhone(WebDriver browser) throws Exception {
        assertThat(browser.execute("return document.documentElement.scrollWidth <= window.innerWidth").asBoolean())
                .as("no sideways scrolling at 360 px").isTrue();
    }

    private static void shot(WebDriver browser, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        browser.screenshot(dir.resolve(name + ".png"));
    }

    @Test
    void twoStaffUsersEnterTheSameBallotOnTheirPhonesAndItCounts() throws Exception {
        String dni = agent();
        String first = staffUser("planning");
        String second = staffUser("planning");
        long workshop;
        try (WebDriver browser = phoneOf(first)) {
            // the workshop, registered beforehand on the workshops page
            browser.open(url("/personal/ciclos/" + year + "/talleres"));
            browser.find("#provincia");
            fitsThePhone(browser);
            browser.execute("document.getElementById('provincia').value = 'JAEN';"
                    + "document.getElementById('fecha').value = arguments[0];", today.plusDays(1).toString());
            browser.type(browser.find("#local"), "Coliseo Municipal de Jaén");
            browser.click(browser.findXpath("//button[normalize-space(.)='Registrar taller']"));
            assertThat(browser.waitForText("Taller registrado")).isTrue();
            workshop = workshops.of(year).get(0).id();
            // held today in fact: the ballots are typed after the workshop (the date moves to today for the test)
            jdbc.sql("UPDATE workshop SET held_on = ? WHERE id = ?").params(today, workshop).update();

            browser.click(browser.find("a[href*='/talleres/cedula?taller=" + workshop + "']"));
            browser.find("#cedula");
            fitsThePhone(browser);
            enterBallot(browser, "A-17", dni, cuiA + " " + cuiB);
            assertThat(browser.waitForText("primera digitación guardada")).isTrue();
            shot(browser, "cedula-primera-digitacion");
        }
        assertThat(voting.votedProjects(year, dni)).isEmpty();
        try (WebDriver browser = phoneOf(second)) {
            browser.open(url("/personal/ciclos/" + year + "/talleres/cedula?taller=" + workshop));
            enterBallot(browser, "A-17", dni, cuiB + "," + cuiA);
            assertThat(browser.waitForText("Cédula A-17 contada")).isTrue();
            assertThat(browser.find("#contadas")).isNotNull();
            assertThat(browser.source()).contains("A-17");
            fitsThePhone(browser);
            shot(browser, "cedula-contada");
        }
        assertThat(voting.votedOnPaper(year, dni)).isTrue();
        assertThat(voting.votedProjects(year, dni)).hasSize(2);
    }

    @Test
    void aBallotOfAnAgentWhoVotedOnlineIsRefused() throws Exception {
        String dni = agent();
        long workshop = workshops.register(year, "JAEN", today, "Colegio Nacional de Jaén", "planner");
        long project = jdbc.sql("SELECT id FROM project WHERE cycle_year = ? AND cui = ?").params(year, cuiA)
                .query(Long.class).single();
        voting.cast(year, dni, project);
        String staff = staffUser("planning");
        try (WebDriver browser = phoneOf(staff)) {
            browser.open(url("/personal/ciclos/" + year + "/talleres/cedula?taller=" + workshop));
            enterBallot(browser, "B-3", dni, cuiB);
            assertThat(browser.waitForText("El agente con DNI " + dni + " ya votó en línea")).isTrue();
            // what was typed stays on the page, to be checked against the paper
            assertThat(browser.execute("return document.getElementById('dni').value").asText()).isEqualTo(dni);
            fitsThePhone(browser);
            shot(browser, "cedula-ya-voto-en-linea");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM paper_ballot_entry WHERE workshop_id = ?").param(workshop)
                .query(Integer.class).single()).isZero();
        assertThat(voting.votedProjects(year, dni)).containsExactly(project);
    }
}
