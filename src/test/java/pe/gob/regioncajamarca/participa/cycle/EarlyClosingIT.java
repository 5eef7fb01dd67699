package pe.gob.regioncajamarca.participa.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;
import pe.gob.regioncajamarca.participa.voting.VotingService;

/** Staff close a phase's window before its date, with a reason kept; closing the voting moves the cycle on. */
class EarlyClosingIT extends ProcessTest {

    @Autowired CycleStarter starter;
    @Autowired EarlyClosing earlyClosing;
    @Autowired VotingService voting;
    @LocalServerPort int port;

    static final LocalDate START = LocalDate.of(2026, 3, 2);

    /** A cycle whose process waits for the end of the voting, on the third day of the voting window. */
    private ProcessInstance votingCycle(int year) {
        clockAt(START);
        String pid = starter.start(CycleProcessIT.command(year, START));
        runtime.createProcessInstanceModification(pid).cancelAllForActivity("Timer_RegistrationOpens")
                .startBeforeActivity("Timer_VotingCloses").execute();
        cycleService.changePhase(year, CyclePhase.VOTACION, null);
        clockAt(START.plusDays(58));
        return runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    }

    @Test
    void closingTheVotingEarlyStopsVotesKeepsTheReasonAndPrioritises() {
        int year = freeYear();
        ProcessInstance pi = votingCycle(year);
        jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, technical_score) "
                + "VALUES (?, '777', 'Posta de Sorochuco', 'CELENDIN', 500000, 'Salud', ?, 70)")
                .params(year, TEST_UNIT).update();
        long project = jdbc.sql("SELECT id FROM project WHERE cycle_year = ? AND cui = '777'").param(year)
                .query(Long.class).single();
        String dni = jdbc.sql("SELECT document_number FROM agent_registration WHERE id = ?")
                .param(agentOf(year, "ACREDITADO", null)).query(String.class).single();
        voting.cast(year, dni, project);
        assertThat(earlyClosing.closableNow(cycleService.find(year).orElseThrow())).contains(CyclePhase.VOTACION);

        String planner = staffUser("planning");
        Http http = new Http(port);
        http.staffLogin(planner, "secreto-" + planner);
        String page = "/personal/ciclos/" + year;
        assertThat(http.get(page).body()).contains("Cerrar una fase anticipadamente");
        // a reason is required
        var refused = http.submit(page, page + "/cierre-anticipado", Map.of("fase", "VOTACION", "motivo", "corto"));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(http.get(page).body()).contains("Escriba el motivo del cierre anticipado");
        assertThat(cycleService.find(year).orElseThrow().window(CyclePhase.VOTACION).orElseThrow().closedEarlyAt()).isNull();

        String reason = "Todas las provincias terminaron sus talleres y la mesa de votación lo acordó";
        http.submit(page, page + "/cierre-anticipado", Map.of("fase", "VOTACION", "motivo", reason));
        assertThat(http.get(page).body()).contains(reason, planner);
        Cycle.PhaseWindow window = cycleService.find(year).orElseThrow().window(CyclePhase.VOTACION).orElseThrow();
        assertThat(window.closedEarlyBy()).isEqualTo(planner);
        assertThat(window.closedEarlyReason()).isEqualTo(reason);
        assertThat(runtime.getVariable(pi.getId(), "cierreAnticipado").toString()).startsWith("VOTACION: " + reason);

        // no more votes, and the voting's end timer is due now: the cycle goes on to prioritisation
        String other = jdbc.sql("SELECT document_number FROM agent_registration WHERE id = ?")
                .param(agentOf(year, "ACREDITADO", null)).query(String.class).single();
        assertThatThrownBy(() -> voting.cast(year, other, project)).isInstanceOf(VotingService.VoteRefused.class)
                .hasMessageContaining("fue cerrada");
        executeDueJobs(pi.getId());
        assertThat(pi).hasPassed("Task_CloseVoting", "Task_Prioritise").isWaitingAt("Task_ReviewPrioritisation");
        assertThat(cycleService.find(year).orElseThrow().phase()).isEqualTo(CyclePhase.PRIORIZACION);
        assertThat(jdbc.sql("SELECT votes FROM project WHERE id = ?").param(project).query(Integer.class).single())
                .isEqualTo(1);
        // closing twice is refused
        assertThatThrownBy(() -> earlyClosing.close(year, CyclePhase.VOTACION, reason, planner))
                .isInstanceOf(CycleValidationException.class);
    }

    @Test
    void aPhaseThatIsNotOpenCannotBeClosed() {
        int year = freeYear();
        votingCycle(year);
        // the registration window ended before today
        assertThatThrownBy(() -> earlyClosing.close(year, CyclePhase.INSCRIPCION, "Ya no hace falta inscribir", "p"))
                .isInstanceOf(CycleValidationException.class).hasMessageContaining("no está abierta");
        assertThatThrownBy(() -> earlyClosing.close(year, CyclePhase.EVALUACION, "No se cierra la evaluación", "p"))
                .isInstanceOf(CycleValidationException.class);
    }
}
