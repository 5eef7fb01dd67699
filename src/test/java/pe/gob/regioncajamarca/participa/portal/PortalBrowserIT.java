package pe.gob.regioncajamarca.participa.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.OpenCycleCommand;
import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.news.News;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;
import pe.gob.regioncajamarca.participa.testsupport.WebDriver;

/**
 * The citizen portal in a real headless Chromium: a citizen registers as a participating agent, the planning
 * office accredits her, she logs in, votes and files a complaint that she then follows by its tracking code. On
 * the main pages axe-core (the accessibility rules engine) checks WCAG 2.1 A and AA and must find no serious or
 * critical violation; screenshots at 360 and 1280 px wide go to target/portal-screenshots (copied to docs/img).
 */
// the browser sees the same pages on either database: once, on H2
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "participa.test.db", matches = "h2")
@org.springframework.test.context.TestPropertySource(properties = {"participa.test.context=portal-browser",
        // an engine name of its own: engines register by name in a static registry that /engine-rest and the
        // webapps of the shared test context look up, and "default" must stay that context's engine
        "camunda.bpm.process-engine-name=portalbrowser"})
class PortalBrowserIT extends ProcessTest {

    static final int YEAR = 2100;
    static final Path SHOTS = Path.of("target", "portal-screenshots");

    @LocalServerPort int port;
    @org.springframework.beans.factory.annotation.Autowired News news;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void aCycleWithRegistrationAndVotingOpenToday() {
        LocalDate today = plazos.today();
        Map<String, BigDecimal> split = new HashMap<>();
        Scopes.ALL.forEach(s -> split.put(s, new BigDecimal("1000000")));
        if (cycleService.find(YEAR).isEmpty()) {
            cycleService.open(new OpenCycleCommand(YEAR, new BigDecimal("1000000").multiply(BigDecimal.valueOf(split.size())),
                    3, split, List.of(
                    new Cycle.PhaseWindow(CyclePhase.INSCRIPCION, today.minusDays(1), today.plusDays(10)),
                    new Cycle.PhaseWindow(CyclePhase.IDEAS, today.minusDays(1), today.plusDays(10)),
                    new Cycle.PhaseWindow(CyclePhase.VOTACION, today.minusDays(1), today.plusDays(10)))), null);
            for (int i = 0; i < 3; i++) {
                jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit) "
                                + "VALUES (?, ?, ?, 'CAJAMARCA', ?, 'Saneamiento', ?)")
                        .params(YEAR, String.valueOf(2400000 + i), "Agua potable y saneamiento en el caserío " + (i + 1),
                                new BigDecimal(300000 + i * 50000), TEST_UNIT).update();
            }
        }
    }

    @Test
    void registerAccreditLogInVoteAndComplainWithNoSeriousAccessibilityViolation() throws Exception {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        aCycleWithRegistrationAndVotingOpenToday();
        String dni = String.format("4%07d", unique() % 10_000_000);
        List<String> violations = new ArrayList<>();
        long newsItem = news.create(new News.Draft("Empieza el presupuesto participativo " + YEAR,
                "Inscríbase como agente participante y proponga ideas de proyecto para su provincia.",
                "El Gobierno Regional abrió el ciclo " + YEAR + ".\n\nLas organizaciones pueden inscribir a sus agentes.",
                YEAR), "prueba");
        news.publish(newsItem, "prueba");
        try (WebDriver browser = WebDriver.start()) {
            // the public pages: screenshots at 1280 and 360 px and the accessibility check
            for (String page : List.of("/", "/proyectos", "/agentes/inscripcion", "/ideas", "/resultados",
                    "/seguimiento", "/reclamos", "/login", "/datos-abiertos", "/acceso/recuperar", "/noticias")) {
                browser.open(url(page));
                violations.addAll(axe(browser, page));
                shots(browser, page);
            }
            browser.open(url("/noticias/" + newsItem));
            violations.addAll(axe(browser, "/noticias/{id}"));
            shots(browser, "/noticia");

            // 1. she registers (a cheap phone: 360 px)
            browser.resize(360, 800);
            browser.open(url("/agentes/inscripcion"));
            browser.find("#documentNumber");
            browser.execute("""
                    const v = arguments[0];
                    for (const [k, x] of Object.entries(v)) { document.getElementById(k).value = x; }
                    document.getElementById('educationLevel').selectedIndex = 1;
                    const d = document.getElementById('districtUbigeo');
                    d.value = [...d.options].find(o => o.value.startsWith('0601')).value;
                    for (const c of ['acceptTerms', 'acceptPrivacy', 'acceptDataProcessing']) {
                      document.getElementById(c).checked = true; }""",
                    registration(dni));
            browser.click(browser.find("form.form button[type=submit]"));
            assertThat(browser.waitForText("Inscripción recibida")).as(browser.source()).isTrue();
            shots(browser, "/inscripcion-recibida");

            // 2. the planning office accredits her (its Tasklist form is tested in TasklistBrowserIT)
            String pid = jdbc.sql("SELECT process_instance_id FROM agent_registration WHERE document_number = ?")
                    .param(dni).query(String.class).single();
            executeDueJobs(pid);
            complete(taskOf(pid, "Task_ReviewAccreditation"), withVariables("decision", "aprobar"));
            executeDueJobs(pid);
            cycleService.changePhase(YEAR, CyclePhase.VOTACION, "Prueba del portal");

            // 3. she logs in
            browser.open(url("/login"));
            browser.portalLogin(dni, "clave-segura-1");
            browser.open(url("/mi-cuenta"));
            assertThat(browser.waitForText("Acreditado")).isTrue();
            violations.addAll(axe(browser, "/mi-cuenta"));
            shots(browser, "/mi-cuenta");

            // 4. she votes once, and the ballot shows it
            browser.open(url("/votacion"));
            violations.addAll(axe(browser, "/votacion"));
            shots(browser, "/votacion");
            browser.click(browser.find("main form.inline button.primary"));
            // a vote is final: a confirmation page first (issue 19)
            assertThat(browser.waitForText("Confirma su voto")).as(browser.source()).isTrue();
            violations.addAll(axe(browser, "/votacion/{id} (confirmar)"));
            browser.click(browser.find("main form.form button.primary"));
            assertThat(browser.waitForText("Votó")).as(browser.source()).isTrue();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM vote WHERE cycle_year = ? AND document_number = ?")
                    .params(YEAR, dni).query(Integer.class).single()).isEqualTo(1);

            // 5. a complaint, then its status by tracking code
            browser.open(url("/reclamos"));
            browser.execute("""
                    const v = arguments[0];
                    for (const [k, x] of Object.entries(v)) { document.querySelector('[name=' + k + ']').value = x; }
                    document.querySelector('[name=tipo][value=RECLAMO]').checked = true;""",
                    Map.of("asunto", "Obra de agua detenida",
                            "descripcion", "La obra de agua del caserío está detenida hace un mes.",
                            "nombre", "Rosa Elena Huamán", "correo", dni + "@example.pe"));
            browser.click(browser.find("button.primary"));
            assertThat(browser.waitForText("Reclamo SOL-")).as(browser.source()).isTrue();
            Matcher code = Pattern.compile("SOL-[0-9A-Z]{8}").matcher(browser.source());
            assertThat(code.find()).isTrue();
            browser.open(url("/reclamos/" + code.group()));
            assertThat(browser.waitForText("Obra de agua detenida")).isTrue();
            violations.addAll(axe(browser, "/reclamos/{código}"));
            shots(browser, "/reclamos-estado");
        }
        assertThat(violations).as("serious or critical WCAG 2.1 A/AA violations").isEmpty();
    }

    static Map<String, String> registration(String dni) {
        Map<String, String> v = new HashMap<>(Map.of("documentType", "DNI", "documentNumber", dni,
                "givenNames", "Rosa Elena", "firstSurname", "Huamán", "secondSurname", "Cotrina",
                "email", dni + "@example.pe", "mobilePhone", "987654321", "sex", "F", "birthDate", "1985-05-10",
                "password", "clave-segura-1"));
        v.put("passwordConfirmation", "clave-segura-1");
        return v;
    }

    /** Runs axe-core in the page; returns its serious and critical violations, one line each. */
    static List<String> axe(WebDriver browser, String page) throws Exception {
        String axe;
        try (var in = PortalBrowserIT.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        browser.execute(axe + "; return true;");
        JsonNode result = browser.executeAsync("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));""");
        List<String> out = new ArrayList<>();
        result.forEach(v -> out.add(page + " · " + v.asText()));
        return out;
    }

    static void shots(WebDriver browser, String page) throws Exception {
        String name = page.equals("/") ? "inicio" : page.substring(1).replace('/', '-').replace("{", "").replace("}", "");
        browser.resize(1280, 900);
        browser.screenshot(SHOTS.resolve(name + "-1280.png"));
        browser.resize(360, 780);
        browser.screenshot(SHOTS.resolve(name + "-360.png"));
        browser.resize(1280, 900);
    }
}
