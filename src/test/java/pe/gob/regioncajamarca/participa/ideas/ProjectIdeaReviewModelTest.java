package pe.gob.regioncajamarca.participa.ideas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.START;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.businessDays;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.clockAt;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.fire;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.now;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.runJob;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.timer;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import pe.gob.regioncajamarca.participa.testsupport.ModelTests;

/** {@code project-idea-review} alone: the assessment, the public answer, the viable idea's portfolio task, both deadlines. */
class ProjectIdeaReviewModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTests.extension();

    ModelTests.Beans beans;

    @BeforeEach
    void deploy() {
        ModelTests.deploy(engine, "project-idea-review.bpmn");
        clockAt(START);
        beans = new ModelTests.Beans();
        beans.taskListener("prepararEvaluacionIdea");
        beans.taskListener("ideaEvaluada");
        beans.delegate("responderIdea");
        beans.taskListener("incorporarIdeaCartera");
        beans.executionListener("escalacion");
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("project-idea-review", "IDEA-2026-0005",
                withVariables("ideaId", 5L, "anio", 2026));
    }

    @Test
    void aViableIdeaIsAnsweredInPublicThenPlanningAddsItToThePortfolio() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("Task_AssessIdea");
        assertThat(task(pi)).hasCandidateGroup("technical-team").hasDueDate(businessDays(START, 10));
        assertThat(beans.where("prepararEvaluacionIdea")).containsExactly("Task_AssessIdea"); // on create

        complete(task(pi), withVariables("viable", "si", "respuestaPublica", "Viable"));
        assertThat(pi).isWaitingAt("Task_PublishAnswer"); // savepoint before the answer is published and mailed
        runJob(pi, "Task_PublishAnswer");

        assertThat(pi).hasPassed("Task_PublishAnswer", "Gateway_Viable").isWaitingAt("Task_AddToPortfolio");
        assertThat(task(pi)).hasCandidateGroup("planning").hasDueDate(businessDays(START, 15));
        assertThat(beans.calls("responderIdea")).singleElement()
                .satisfies(c -> assertThat(c.variables()).containsEntry("ideaId", 5L).containsEntry("viable", "si"));

        complete(task(pi), withVariables("ideaIncorporada", true));
        assertThat(pi).hasPassed("Event_Incorporated").hasNotPassed("Event_Answered").isEnded();
        assertThat(beans.where("ideaEvaluada")).containsExactly("Task_AssessIdea");
        assertThat(beans.where("incorporarIdeaCartera")).containsExactly("Task_AddToPortfolio");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "fusionada"})
    void anIdeaNotViableOrMergedEndsWithItsPublicAnswer(String viable) {
        ProcessInstance pi = start();

        complete(task(pi), withVariables("viable", viable, "respuestaPublica", "No procede"));
        runJob(pi, "Task_PublishAnswer");

        assertThat(pi).hasPassed("Event_Answered").hasNotPassed("Task_AddToPortfolio").isEnded();
        assertThat(beans.calls("incorporarIdeaCartera")).isEmpty();
    }

    @Test
    void bothTasksEscalateToRegionalManagementWhenOverdue() {
        ProcessInstance pi = start();
        assertThat(timer(pi, "Timer_AssessIdeaOverdue").getDuedate()).isEqualTo(businessDays(START, 10));

        fire(pi, "Timer_AssessIdeaOverdue");
        assertThat(pi).hasPassed("Event_AssessIdeaEscalated").isWaitingAt("Task_AssessIdea");

        complete(task(pi), withVariables("viable", "si"));
        runJob(pi, "Task_PublishAnswer");
        var created = now();
        assertThat(timer(pi, "Timer_AddToPortfolioOverdue").getDuedate()).isEqualTo(businessDays(created, 15));
        fire(pi, "Timer_AddToPortfolioOverdue");

        assertThat(beans.escalations()).containsExactly("Timer_AssessIdeaOverdue → regional-management",
                "Timer_AddToPortfolioOverdue → regional-management");
        assertThat(pi).hasPassed("Event_AddToPortfolioEscalated").isWaitingAt("Task_AddToPortfolio");
    }
}
