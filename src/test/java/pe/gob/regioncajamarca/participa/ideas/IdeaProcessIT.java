package pe.gob.regioncajamarca.participa.ideas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/** Every path of project-idea-review: viable (incorporated), not viable, escalation of the assessment. */
class IdeaProcessIT extends ProcessTest {

    @Autowired IdeaService ideas;
    @Autowired org.springframework.context.ApplicationEventPublisher events;
    int year;

    @BeforeEach
    void cycle() {
        year = sharedFormalisedCycle();
    }

    private IdeaService.Idea submit(String email) {
        return ideas.submit(new IdeaSubmission(year, "Canal de riego Llaucán", TEST_PROVINCE, TEST_DISTRICT,
                "Agricultura", "Eje 3: Desarrollo económico", 450, new BigDecimal("850000"), email));
    }

    private ProcessInstance instanceOf(IdeaService.Idea idea) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(idea.trackingCode()).singleResult();
    }

    @Test
    void aViableIdeaIsAnsweredInPublicAndIncorporated() {
        String email = "idea" + unique() + "@example.pe";
        IdeaService.Idea idea = submit(email);
        assertThat(idea.trackingCode()).matches("IDEA-" + year + "-\\d{6}");
        ProcessInstance pi = instanceOf(idea);
        Task assess = taskOf(pi.getId(), "Task_AssessIdea");
        assertThat(candidateGroupsOf(assess)).containsExactly("technical-team");
        assertThat(assess.getDueDate()).isEqualTo(plazos.habiles(10));
        complete(assess, withVariables("viable", "si", "respuestaPublica", "Pertinente con el PDRC; se formulará."));
        executeDueJobs(pi.getId());
        assertThat(ideas.find(idea.id()).orElseThrow().status()).isEqualTo("VIABLE");
        assertThat(mailsTo(email)).containsExactly("Respuesta a su idea de proyecto " + idea.trackingCode());
        Task incorporate = taskOf(pi.getId(), "Task_AddToPortfolio");
        assertThat(candidateGroupsOf(incorporate)).containsExactly("planning");
        complete(incorporate, withVariables("ideaIncorporada", true, "cuiAsignado", "2612345"));
        assertThat(pi).isEnded().hasPassed("Event_Incorporated");

        // the project that came from the idea is prioritised: its author hears of it (an optional notice)
        jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, prioritized, reason) "
                + "VALUES (?, '2612345', 'Canal Llaucán', 'CHOTA', 850000, 'Riego', ?, TRUE, 'Financiado')")
                .params(year, TEST_UNIT).update();
        events.publishEvent(new pe.gob.regioncajamarca.participa.cycle.ResultsFormalised(year));
        assertThat(mailsTo(email)).contains("Su idea " + idea.trackingCode() + " en el presupuesto participativo " + year);
    }

    @Test
    void anIdeaThatIsNotViableEndsWithItsAnswer() {
        IdeaService.Idea idea = submit(null);
        ProcessInstance pi = instanceOf(idea);
        complete(taskOf(pi.getId(), "Task_AssessIdea"),
                withVariables("viable", "no", "respuestaPublica", "Es competencia de la municipalidad distrital."));
        executeDueJobs(pi.getId());
        assertThat(pi).isEnded().hasPassed("Event_Answered").hasNotPassed("Task_AddToPortfolio");
        IdeaService.Idea answered = ideas.find(idea.id()).orElseThrow();
        assertThat(answered.status()).isEqualTo("NO_VIABLE");
        assertThat(answered.publicAnswer()).isEqualTo("Es competencia de la municipalidad distrital.");
    }

    @Test
    void anIdeaMergedWithAnExistingProjectEndsWithItsAnswer() {
        IdeaService.Idea idea = submit(null);
        ProcessInstance pi = instanceOf(idea);
        complete(taskOf(pi.getId(), "Task_AssessIdea"),
                withVariables("viable", "fusionada", "cuiFusion", "2507448",
                        "respuestaPublica", "Se atiende con el CUI 2507448."));
        executeDueJobs(pi.getId());
        assertThat(pi).isEnded().hasPassed("Event_Answered");
        assertThat(ideas.find(idea.id()).orElseThrow().status()).isEqualTo("FUSIONADA");
    }

    @Test
    void anAssessmentNotDoneInTenBusinessDaysIsEscalated() {
        ProcessInstance pi = instanceOf(submit(null));
        passDeadlineOf(taskOf(pi.getId(), "Task_AssessIdea"));
        assertThat(candidateGroupsOf(taskOf(pi.getId(), "Task_AssessIdea")))
                .containsExactlyInAnyOrder("technical-team", "regional-management");
        assertThat(escalationsOf(pi.getId())).isEqualTo(1);
    }
}
