package pe.gob.regioncajamarca.participa.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.oversight.CommitteeElection;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.Journey;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;
import pe.gob.regioncajamarca.participa.testsupport.Tasklist;
import pe.gob.regioncajamarca.participa.testsupport.WebDriver;

/**
 * The formalisation of a cycle done by its people in Tasklist (Chromium): the planning office reviews the
 * prioritisation matrix, regional management sends it back with observations and then approves it, the planning
 * office records the committee's election and completes its task; the results are formalised and public.
 * (The phases before run through the engine as in CycleProcessIT; the file tasks have FileTasksBrowserIT.)
 */
class CycleJourneysBrowserIT extends ProcessTest {

    @LocalServerPort int port;
    @Autowired CycleStarter starter;
    @Autowired CycleService cycles;
    @Autowired CommitteeElection elections;

    @Test
    @Journey(process = "participatory-budget-cycle", task = "Task_ReviewPrioritisation")
    @Journey(process = "participatory-budget-cycle", task = "Task_ApproveResults")
    @Journey(process = "participatory-budget-cycle", task = "Task_ElectCommittee")
    void theCycleIsReviewedApprovedAndItsCommitteeRecordedInTasklist() throws Exception {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        int year = freeYear();
        clockAt(CycleProcessIT.START);
        String pid = starter.start(CycleProcessIT.command(year, CycleProcessIT.START));
        clockAt(CycleProcessIT.START.plusDays(7));
        executeDueJobs(pid);
        tasks.complete(taskOf(pid, "Task_LoadInvestmentProgramme").getId(), Map.of("programa", CycleProcessIT.pmi(
                "cui;nombre;ambito;distritos;costo;funcion;unidad_ejecutora\n"
                        + "2324969;La Colpa;CAJAMARCA;060106;4850000;Educación;sede-central\n")));
        clockAt(CycleProcessIT.START.plusDays(35));
        executeDueJobs(pid);
        tasks.complete(taskOf(pid, "Task_EvaluateProjects").getId(),
                Map.of("matrizEvaluacion", CycleProcessIT.pmi("cui;puntaje;comentario\n2324969;86.5;Pertinente\n")));
        clockAt(CycleProcessIT.START.plusDays(63));
        executeDueJobs(pid);
        assertThat(cycles.find(year).orElseThrow().phase()).isEqualTo(CyclePhase.PRIORIZACION);

        String planner = staffUser("planning");
        String manager = staffUser("regional-management");
        String review = taskOf(pid, "Task_ReviewPrioritisation").getId();
        try (Tasklist tasklist = Tasklist.login(port, planner, "secreto-" + planner)) {
            tasklist.openAndClaim(review, "Matriz de priorización del ciclo " + year)
                    .choose("La matriz y el resumen de votos están revisados")
                    .type("Observaciones para la Gerencia", "Sin observaciones.")
                    .screenshot("journey-revisar-matriz")
                    .complete();
            assertThat(Tasklist.waitUntil(() -> tasks.createTaskQuery().taskId(review).count() == 0)).isTrue();
        }
        assertThat(cycles.find(year).orElseThrow().phase()).isEqualTo(CyclePhase.FORMALIZACION);

        // management sends the results back with observations, planning reviews again, management approves
        String approve = taskOf(pid, "Task_ApproveResults").getId();
        try (Tasklist tasklist = Tasklist.login(port, manager, "secreto-" + manager)) {
            tasklist.openAndClaim(approve, "Resultados del ciclo " + year)
                    .choose("No")
                    .type("Observaciones (obligatorias si no aprueba)", "Revisar el ámbito Cajamarca.")
                    .screenshot("journey-aprobar-resultados-observados")
                    .complete();
            assertThat(Tasklist.waitUntil(() -> tasks.createTaskQuery().taskId(approve).count() == 0)).isTrue();
        }
        assertThat(cycles.approval(year)).as("sent back: not approved").isEmpty();
        tasks.complete(taskOf(pid, "Task_ReviewPrioritisation").getId(), Map.of("matrizRevisada", true));
        String approveAgain = taskOf(pid, "Task_ApproveResults").getId();
        try (Tasklist tasklist = Tasklist.login(port, manager, "secreto-" + manager)) {
            tasklist.openAndClaim(approveAgain, "Resultados del ciclo " + year)
                    .choose("Sí")
                    .screenshot("journey-aprobar-resultados")
                    .complete();
            assertThat(Tasklist.waitUntil(() -> tasks.createTaskQuery().taskId(approveAgain).count() == 0)).isTrue();
        }
        assertThat(cycles.approval(year).orElseThrow().by()).as("approved by the manager who completed the task")
                .isEqualTo(manager);

        // the committee's election, recorded on the staff page's service, then its task
        List<Long> agents = List.of(agentOf(year, "ACREDITADO", "Ronda campesina"),
                agentOf(year, "ACREDITADO", "Club de madres"), agentOf(year, "ACREDITADO", null));
        elections.record(year, new CommitteeElection.Assembly(CycleProcessIT.START.plusDays(63), "Auditorio regional",
                        3, null),
                List.of(new CommitteeElection.Candidate(agents.get(0), "PRESIDENTE", 3, java.util.Set.of("CAJAMARCA")),
                        new CommitteeElection.Candidate(agents.get(1), "SECRETARIO", 2, java.util.Set.of("CAJAMARCA")),
                        new CommitteeElection.Candidate(agents.get(2), "MIEMBRO", 2, java.util.Set.of("CAJAMARCA"))),
                planner);
        String elect = taskOf(pid, "Task_ElectCommittee").getId();
        try (Tasklist tasklist = Tasklist.login(port, planner, "secreto-" + planner)) {
            tasklist.openAndClaim(elect, "Elección del Comité de Vigilancia del ciclo " + year)
                    .choose("La elección está registrada en la página del personal")
                    .screenshot("journey-elegir-comite")
                    .complete();
            assertThat(Tasklist.waitUntil(() -> tasks.createTaskQuery().taskId(elect).count() == 0)).isTrue();
        }
        executeDueJobs(pid);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).as("formalised").isZero();
        assertThat(cycles.find(year).orElseThrow().phase()).isEqualTo(CyclePhase.FORMALIZADO);
        assertThat(new Http(port).get("/resultados/" + year).body()).contains("La Colpa");
    }
}
