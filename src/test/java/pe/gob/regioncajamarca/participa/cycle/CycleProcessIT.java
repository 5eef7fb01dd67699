package pe.gob.regioncajamarca.participa.cycle;

import pe.gob.regioncajamarca.participa.projects.Scopes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.gob.regioncajamarca.participa.oversight.CommitteeElection;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/** Every path of participatory-budget-cycle: the phase timers, the approval loop, an escalation, a refused start. */
class CycleProcessIT extends ProcessTest {

    @Autowired CycleStarter starter;
    @Autowired CycleService cycles;
    @Autowired CommitteeElection elections;

    static final LocalDate START = LocalDate.of(2026, 3, 2); // a Monday

    static OpenCycleCommand command(int year, LocalDate start) {
        Map<String, BigDecimal> split = new LinkedHashMap<>();
        for (String scope : Scopes.ALL) {
            split.put(scope, new BigDecimal("1000000.00"));
        }
        BigDecimal total = new BigDecimal("1000000.00").multiply(BigDecimal.valueOf(Scopes.ALL.size()));
        return new OpenCycleCommand(year, total, 5, split, List.of(
                new Cycle.PhaseWindow(CyclePhase.INSCRIPCION, start.plusDays(7), start.plusDays(27)),
                new Cycle.PhaseWindow(CyclePhase.IDEAS, start.plusDays(14), start.plusDays(34)),
                new Cycle.PhaseWindow(CyclePhase.EVALUACION, start.plusDays(35), start.plusDays(55)),
                new Cycle.PhaseWindow(CyclePhase.VOTACION, start.plusDays(56), start.plusDays(62)),
                new Cycle.PhaseWindow(CyclePhase.FORMALIZACION, start.plusDays(63), start.plusDays(80))));
    }

    private ProcessInstance startCycle(int year) {
        clockAt(START);
        String pid = starter.start(command(year, START));
        return runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    }

    static org.camunda.bpm.engine.variable.value.FileValue pmi(String csv) {
        return org.camunda.bpm.engine.variable.Variables.fileValue("pmi.csv")
                .file(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).mimeType("text/csv").encoding("UTF-8")
                .create();
    }

    private org.camunda.bpm.engine.IdentityService identityService() {
        return engine.getIdentityService();
    }

    private Object historicVariable(String pid, String name) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pid)
                .variableName(name).singleResult().getValue();
    }

    private CyclePhase phaseOf(int year) {
        return cycles.find(year).orElseThrow().phase();
    }

    @Test
    void runsFromTheConvocationToFormalisedResultsThroughEveryPhase() {
        int year = freeYear();
        ProcessInstance pi = startCycle(year);
        assertThat(pi).isWaitingAt("Timer_RegistrationOpens");
        assertThat(pi.getBusinessKey()).isEqualTo(String.valueOf(year));
        assertThat(phaseOf(year)).isEqualTo(CyclePhase.PREPARACION);

        clockAt(START.plusDays(7));
        executeDueJobs(pi.getId());
        assertThat(phaseOf(year)).isEqualTo(CyclePhase.INSCRIPCION);
        assertThat(pi).isWaitingAt("Task_LoadInvestmentProgramme");
        Task load = taskOf(pi.getId(), "Task_LoadInvestmentProgramme");
        assertThat(candidateGroupsOf(load)).containsExactly("planning");
        assertThat(load.getDueDate()).isEqualTo(plazos.habiles(10));
        // a file with a bad row is refused: the task stays open and nothing is stored
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(load.getId(), Map.of("programa",
                        pmi("cui;nombre;ambito;distritos;costo;funcion;unidad_ejecutora\n1;Canal;CHOTA;060401;0;Riego;agricultura\n"))))
                .hasMessageContaining("Fila 2, columna costo: el costo debe ser mayor que cero");
        assertThat(pi).isWaitingAt("Task_LoadInvestmentProgramme");
        complete(load, withVariables("programa", pmi("cui;nombre;ambito;distritos;costo;funcion;unidad_ejecutora\n"
                + "2324969;La Colpa;CAJAMARCA;060106;4850000;Educación;sede-central\n"
                + "9100001;Canal Llaucán;CHOTA;060401;800000;Agricultura;agricultura\n")));
        assertThat(runtime.getVariable(pi.getId(), "proyectosCargados")).isEqualTo(2);
        assertThat(runtime.getVariable(pi.getId(), "programa")).isNull();

        assertThat(pi).isWaitingAt("Timer_IdeasOpen");
        clockAt(START.plusDays(14));
        executeDueJobs(pi.getId());
        assertThat(phaseOf(year)).isEqualTo(CyclePhase.IDEAS);
        assertThat(pi).isWaitingAt("Timer_EvaluationOpens");

        clockAt(START.plusDays(35));
        executeDueJobs(pi.getId());
        assertThat(phaseOf(year)).isEqualTo(CyclePhase.EVALUACION);
        // one evaluation task per scope with projects
        java.util.List<Task> evaluations = tasks.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("Task_EvaluateProjects").list();
        assertThat(evaluations).extracting(t -> tasks.getVariable(t.getId(), "ambito"))
                .containsExactlyInAnyOrder("CAJAMARCA", "CHOTA");
        for (Task evaluate : evaluations) {
            assertThat(candidateGroupsOf(evaluate)).containsExactly("technical-team");
            assertThat(evaluate.getDueDate()).isEqualTo(plazos.finDe(START.plusDays(55).toString()));
        }
        Task cajamarca = evaluations.stream().filter(t -> "CAJAMARCA".equals(tasks.getVariable(t.getId(), "ambito")))
                .findFirst().orElseThrow();
        Task chota = evaluations.stream().filter(t -> t != cajamarca).findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(cajamarca.getId(), Map.of(
                        "matrizEvaluacion", pmi("cui;puntaje;comentario\n9100001;80;otro ámbito\n"))))
                .hasMessageContaining("Fila 2, columna cui: el CUI \"9100001\" no es un proyecto del ámbito CAJAMARCA");
        complete(cajamarca, withVariables("matrizEvaluacion", pmi("cui;puntaje;comentario\n2324969;86.5;Pertinente\n")));
        complete(chota, withVariables("matrizEvaluacion", pmi("cui,puntaje,comentario\n9100001,72,\n")));
        assertThat(jdbc.sql("SELECT technical_score FROM project WHERE cycle_year = ? AND cui = '2324969'")
                .param(year).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("86.5");

        clockAt(START.plusDays(56));
        executeDueJobs(pi.getId());
        assertThat(phaseOf(year)).isEqualTo(CyclePhase.VOTACION);
        assertThat(pi).isWaitingAt("Timer_VotingCloses");

        clockAt(START.plusDays(63));
        executeDueJobs(pi.getId()); // closes the voting, then (after a savepoint) prioritises
        assertThat(phaseOf(year)).isEqualTo(CyclePhase.PRIORIZACION);
        assertThat(pi).hasPassed("Task_CloseVoting", "Task_Prioritise");
        complete(taskOf(pi.getId(), "Task_ReviewPrioritisation"), withVariables("matrizRevisada", true));
        assertThat(phaseOf(year)).isEqualTo(CyclePhase.FORMALIZACION);

        // management sends the results back once, then approves them
        Task approve = taskOf(pi.getId(), "Task_ApproveResults");
        assertThat(candidateGroupsOf(approve)).containsExactly("regional-management");
        // sending back needs observations for the planning office
        assertThatThrownBy(() -> tasks.complete(approve.getId(), Map.of("resultadosAprobados", "no")))
                .hasMessageContaining("Escriba las observaciones");
        complete(approve, withVariables("resultadosAprobados", "no", "observacionesGerencia", "Revisar Chota"));
        assertThat(pi).isWaitingAt("Task_ReviewPrioritisation");
        assertThat(cycles.approval(year)).isEmpty();
        complete(taskOf(pi.getId(), "Task_ReviewPrioritisation"), withVariables("matrizRevisada", true));
        Task approveAgain = taskOf(pi.getId(), "Task_ApproveResults");
        identityService().setAuthentication("manager", List.of("regional-management"));
        try {
            complete(approveAgain, withVariables("resultadosAprobados", "si",
                    "observacionesGerencia", ""));
        } finally {
            identityService().clearAuthentication();
        }
        assertThat(cycles.approval(year).orElseThrow().by()).isEqualTo("manager");

        // the committee's election must be recorded before its task can be completed
        Task elect = taskOf(pi.getId(), "Task_ElectCommittee");
        assertThat(candidateGroupsOf(elect)).containsExactly("planning");
        assertThatThrownBy(() -> tasks.complete(elect.getId())).hasMessageContaining("Primero registre la elección");
        List<Long> agents = List.of(agentOf(year, "ACREDITADO", "Ronda campesina"),
                agentOf(year, "ACREDITADO", "Club de madres"), agentOf(year, "ACREDITADO", null));
        elections.record(year, new CommitteeElection.Assembly(START.plusDays(63), "Auditorio regional", 3, null),
                List.of(new CommitteeElection.Candidate(agents.get(0), "PRESIDENTE", 3, java.util.Set.of("CHOTA")),
                        new CommitteeElection.Candidate(agents.get(1), "SECRETARIO", 2, java.util.Set.of("CAJAMARCA")),
                        new CommitteeElection.Candidate(agents.get(2), "MIEMBRO", 2,
                                java.util.Set.of("CAJAMARCA", "MULTIPROVINCIAL"))), "planner");
        complete(elect);

        assertThat(pi).isWaitingAt("Task_PublishResults"); // savepoint before publishing
        executeDueJobs(pi.getId());
        assertThat(pi).isEnded().hasPassed("Task_RegisterMonitoring", "Event_Formalised");
        assertThat(phaseOf(year)).isEqualTo(CyclePhase.FORMALIZADO);
        // every prioritised project, and only those, enters the quarterly monitoring
        int prioritised = jdbc.sql("SELECT COUNT(*) FROM project WHERE cycle_year = ? AND prioritized = TRUE")
                .param(year).query(Integer.class).single();
        assertThat(prioritised).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM project WHERE cycle_year = ? AND monitored_since IS NOT NULL")
                .param(year).query(Integer.class).single()).isEqualTo(prioritised);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM project WHERE cycle_year = ? AND monitored_since IS NOT NULL "
                + "AND prioritized = FALSE").param(year).query(Integer.class).single()).isZero();
        assertThat(historicVariable(pi.getId(), "proyectosEnSeguimiento")).isEqualTo(prioritised);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Task_EvaluateProjects", "Task_ReviewPrioritisation",
            "Task_ApproveResults"})
    void everyOtherTaskOfTheCycleIsEscalatedWhenLate(String taskKey) {
        int year = freeYear();
        ProcessInstance pi = startCycle(year);
        jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit) "
                + "VALUES (?, '4455', 'Trocha carrozable', 'CHOTA', 250000, 'Transporte', ?)").params(year, TEST_UNIT).update();
        String activity = taskKey.equals("Task_EvaluateProjects") ? taskKey + "#multiInstanceBody" : taskKey;
        runtime.createProcessInstanceModification(pi.getId()).cancelAllForActivity("Timer_RegistrationOpens")
                .startBeforeActivity(activity).execute();
        Task task = taskOf(pi.getId(), taskKey);
        List<String> before = candidateGroupsOf(task);
        assertThat(before).doesNotContain("regional-management".equals(before.get(0)) ? "x" : "regional-management");
        passDeadlineOf(task);
        assertThat(candidateGroupsOf(taskOf(pi.getId(), taskKey))).contains("regional-management");
        assertThat(escalationsOf(pi.getId())).isEqualTo(1);
        assertThat(pi).hasPassed("Event_" + taskKey.substring(5) + "Escalated").isWaitingAt(taskKey);
    }

    @Test
    void theCommitteeElectionTaskIsEscalatedWhenLate() {
        int year = freeYear();
        ProcessInstance pi = startCycle(year);
        runtime.createProcessInstanceModification(pi.getId()).cancelAllForActivity("Timer_RegistrationOpens")
                .startBeforeActivity("Task_ElectCommittee").execute();
        Task elect = taskOf(pi.getId(), "Task_ElectCommittee");
        assertThat(elect.getDueDate()).isEqualTo(plazos.habiles(10));
        passDeadlineOf(elect);
        assertThat(candidateGroupsOf(taskOf(pi.getId(), "Task_ElectCommittee")))
                .containsExactlyInAnyOrder("planning", "regional-management");
        assertThat(pi).hasPassed("Event_ElectCommitteeEscalated");
    }

    @Test
    void anOverdueTaskIsEscalatedToRegionalManagementAndStaysOpen() {
        int year = freeYear();
        ProcessInstance pi = startCycle(year);
        clockAt(START.plusDays(7));
        executeDueJobs(pi.getId());
        Task load = taskOf(pi.getId(), "Task_LoadInvestmentProgramme");

        clockAt(new java.util.Date(load.getDueDate().getTime() - 60_000));
        executeDueJobs(pi.getId());
        assertThat(candidateGroupsOf(taskOf(pi.getId(), "Task_LoadInvestmentProgramme"))).containsExactly("planning");

        passDeadlineOf(load);
        Task escalated = taskOf(pi.getId(), "Task_LoadInvestmentProgramme");
        assertThat(candidateGroupsOf(escalated)).containsExactlyInAnyOrder("planning", "regional-management");
        assertThat(escalated.getPriority()).isEqualTo(90);
        assertThat(escalationsOf(pi.getId())).isEqualTo(1);
        assertThat(pi).hasPassed("Event_LoadInvestmentProgrammeEscalated").isWaitingAt("Task_LoadInvestmentProgramme");
    }

    @Test
    void anEnvelopeSplitThatDoesNotAddUpRefusesTheStartAndStoresNothing() {
        int year = freeYear();
        OpenCycleCommand good = command(year, START);
        Map<String, BigDecimal> split = new LinkedHashMap<>(good.scopeEnvelopes());
        split.put("CHOTA", new BigDecimal("999.00"));
        Map<String, Object> vars = CycleForm.variablesOf(new OpenCycleCommand(year, good.envelope(), 5, split,
                good.calendar()));
        // the path of Tasklist's start form: the variables go straight to the process
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(CycleStarter.PROCESS_KEY, vars))
                .hasMessageContaining("debe ser igual al monto total");
        assertThat(cycles.find(year)).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(year)).count())
                .isZero();
        // and a second cycle for the same year is refused
        startCycle(year);
        assertThatThrownBy(() -> starter.start(command(year, START))).hasMessageContaining("Ya existe un ciclo");
    }
}
