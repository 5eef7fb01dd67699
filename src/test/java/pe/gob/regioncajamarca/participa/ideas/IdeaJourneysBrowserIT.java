package pe.gob.regioncajamarca.participa.ideas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.Journey;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;
import pe.gob.regioncajamarca.participa.testsupport.Tasklist;
import pe.gob.regioncajamarca.participa.testsupport.WebDriver;

/**
 * A citizen's idea assessed by the technical team and incorporated by the planning office, each in Tasklist in a
 * real Chromium: the public answer is on the idea's page, the author gets a mail, the idea is incorporated with its
 * CUI.
 */
class IdeaJourneysBrowserIT extends ProcessTest {

    @LocalServerPort int port;
    @Autowired IdeaService ideas;

    @Test
    @Journey(process = "project-idea-review", task = "Task_AssessIdea")
    @Journey(process = "project-idea-review", task = "Task_AddToPortfolio")
    void theTechnicalTeamAssessesAnIdeaAndPlanningIncorporatesIt() throws Exception {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        int year = sharedFormalisedCycle();
        String email = "idea" + unique() + "@example.pe";
        IdeaService.Idea idea = ideas.submit(new IdeaSubmission(year, "Canal de riego Llaucán", TEST_PROVINCE,
                TEST_DISTRICT, "Agricultura", "Eje 3: Desarrollo económico", 450, new BigDecimal("850000"), email,
                "Revestir 3 km del canal de Llaucán: hoy se pierde la mitad del agua y 450 familias riegan una vez."));
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(idea.trackingCode())
                .singleResult();

        String assess = taskOf(pi.getId(), "Task_AssessIdea").getId();
        assertThat(tasks.createTaskQuery().taskId(assess).singleResult().getName()).as("the task says which idea")
                .isEqualTo("Evaluar idea de proyecto · " + idea.trackingCode() + " Canal de riego Llaucán");
        String evaluator = staffUser("technical-team");
        try (Tasklist tasklist = Tasklist.login(port, evaluator, "secreto-" + evaluator)) {
            tasklist.openAndClaim(assess, "Resultado de la evaluación");
            // what the citizen wrote and the support, on the form (issue 19)
            assertThat(tasklist.browser().waitForText("Agentes acreditados que la apoyan")).isTrue();
            assertThat(tasklist.shown("Descripción (escrita por el ciudadano)")).startsWith("Revestir 3 km del canal");
            assertThat(tasklist.shown("Eje del PDRC")).isEqualTo("Eje 3: Desarrollo económico");
            assertThat(tasklist.shown("Tema")).isEqualTo("Agricultura");
            tasklist.choose("Viable: se incorpora a la cartera")
                    .type("Respuesta pública", "Pertinente con el PDRC; la unidad formuladora la registrará.")
                    .screenshot("journey-evaluar-idea")
                    .complete();
            assertThat(Tasklist.waitUntil(() -> tasks.createTaskQuery().taskId(assess).count() == 0))
                    .as("assessed through Tasklist").isTrue();
        }
        executeDueJobs(pi.getId());
        IdeaService.Idea answered = ideas.find(idea.id()).orElseThrow();
        assertThat(answered.status()).isEqualTo("VIABLE");
        assertThat(answered.publicAnswer()).isEqualTo("Pertinente con el PDRC; la unidad formuladora la registrará.");
        assertThat(mailsTo(email)).contains("Respuesta a su idea de proyecto " + idea.trackingCode());
        assertThat(new Http(port).get("/ideas/" + idea.trackingCode()).body())
                .as("the answer and the citizen's description are public on the idea's page")
                .contains("Pertinente con el PDRC; la unidad formuladora la registrará.", "Revestir 3 km del canal");

        String incorporate = taskOf(pi.getId(), "Task_AddToPortfolio").getId();
        String planner = staffUser("planning");
        try (Tasklist tasklist = Tasklist.login(port, planner, "secreto-" + planner)) {
            tasklist.openAndClaim(incorporate, "CUI o código de idea asignado")
                    .type("CUI o código de idea asignado", "2612345")
                    .choose("La idea está registrada en la cartera")
                    .screenshot("journey-incorporar-idea")
                    .complete();
            assertThat(Tasklist.waitUntil(() -> tasks.createTaskQuery().taskId(incorporate).count() == 0))
                    .as("incorporated through Tasklist").isTrue();
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(jdbc.sql("SELECT assigned_cui FROM project_idea WHERE id = ?").param(idea.id())
                .query(String.class).single()).isEqualTo("2612345");
    }

    /** Merged with an existing project: the form asks for its CUI, which is stored and public. */
    @Test
    @Journey(process = "project-idea-review", task = "Task_AssessIdea")
    void anIdeaMergedWithAProjectNamesItsCui() throws Exception {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        int year = sharedFormalisedCycle();
        IdeaService.Idea idea = ideas.submit(new IdeaSubmission(year, "Mejoramiento del camino a Chetilla",
                TEST_PROVINCE, TEST_DISTRICT, "Transporte", "Eje 2: Infraestructura", 1200,
                new BigDecimal("2300000"), null));
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(idea.trackingCode())
                .singleResult();
        String assess = taskOf(pi.getId(), "Task_AssessIdea").getId();
        String evaluator = staffUser("technical-team");
        try (Tasklist tasklist = Tasklist.login(port, evaluator, "secreto-" + evaluator)) {
            tasklist.openAndClaim(assess, "Resultado de la evaluación")
                    .choose("Se fusiona con un proyecto existente")
                    .type("CUI del proyecto con el que se fusiona", "2324969")
                    .type("Respuesta pública", "Se atiende con el proyecto de la carretera a Chetilla.")
                    .screenshot("journey-evaluar-idea-fusionada")
                    .complete();
            assertThat(Tasklist.waitUntil(() -> tasks.createTaskQuery().taskId(assess).count() == 0)).isTrue();
        }
        executeDueJobs(pi.getId());
        assertThat(ideas.find(idea.id()).orElseThrow().status()).isEqualTo("FUSIONADA");
        assertThat(ideas.mergedInto(idea.id())).contains("2324969");
        assertThat(new Http(port).get("/ideas/" + idea.trackingCode()).body()).contains("2324969");
    }
}
