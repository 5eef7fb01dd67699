package pe.gob.regioncajamarca.participa.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/** Issue 19: a unit's second report starts from its last one: the PIM filled in, the last figures shown. */
class ReportPrefillIT extends ProcessTest {

    @Autowired MonitoringRounds rounds;

    @Test
    void theNextReportStartsFromTheLastOne() {
        int year = sharedFormalisedCycle();
        String cui = String.valueOf(3700000 + unique());
        prioritisedProject(year, cui, "Reservorio Namora", 900000, "Agricultura");
        String firstQuarter = freeQuarter();
        String first = rounds.startByHand(firstQuarter);
        executeDueJobs(first);
        Task mine = report(first, cui);
        assertThat(tasks.getVariable(mine.getId(), "trimestreAnterior")).as("no report before").isNull();
        tasks.complete(mine.getId(), Map.of("avanceFisico", 35, "ejecucionFinanciera", 300000, "devengadoAnio", 300000, "pim", 850000,
                "estadoEjecucion", "EN_EJECUCION"));

        String second = rounds.startByHand(freeQuarter());
        executeDueJobs(second);
        Task next = report(second, cui);
        assertThat(tasks.getVariable(next.getId(), "trimestreAnterior")).isEqualTo(firstQuarter);
        assertThat(((Number) tasks.getVariable(next.getId(), "avanceAnterior")).doubleValue()).isEqualTo(35.0);
        assertThat(tasks.getVariable(next.getId(), "pim")).as("the PIM filled in from the last report")
                .isNotNull();
        assertThat(((Number) tasks.getVariable(next.getId(), "pim")).doubleValue()).isEqualTo(850000.0);
        // what Tasklist's form receives: the task's form variables
        assertThat(engine.getFormService().getTaskFormVariables(next.getId()).getValue("pim", Object.class))
                .as("the form's PIM field").isNotNull();
    }

    private Task report(String pid, String cui) {
        return reportTasks(pid).list().stream()
                .filter(t -> t.getName().contains(cui)).findFirst().orElseThrow();
    }
}
