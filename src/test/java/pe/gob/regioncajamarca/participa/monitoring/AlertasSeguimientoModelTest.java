package pe.gob.regioncajamarca.participa.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import pe.gob.regioncajamarca.participa.testsupport.ModelTests;

/**
 * The decision {@code alertas-seguimiento} alone (hit policy COLLECT: every rule that applies raises its alert): each
 * rule on both sides of its threshold (more than 20 points between financial and physical progress, 2 quarters
 * without progress, the MEF difference strictly above planning's threshold) and their combinations.
 */
class AlertasSeguimientoModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTests.extension();

    @BeforeEach
    void deploy() {
        ModelTests.deploy(engine, "alertas-seguimiento.dmn");
    }

    private List<Object> alerts(Boolean reported, String state, Double gap, Integer quartersWithout, Double mefDifference,
            Double mefThreshold) {
        VariableMap in = Variables.putValue("reportado", reported).putValue("estado", state).putValue("brecha", gap)
                .putValue("trimestresSinAvance", quartersWithout).putValue("diferenciaMef", mefDifference)
                .putValue("umbralMef", mefThreshold);
        return engine.getDecisionService().evaluateDecisionTableByKey("alertas-seguimiento").variables(in).evaluate()
                .collectEntries("codigo");
    }

    @ParameterizedTest(name = "reportado={0} estado={1} brecha={2} sinAvance={3} difMef={4}/{5}: {6}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            // not reported: that alert only, whatever else is known
            "false | null        | null  | null | null  | null | NO_REPORTADO",
            "false | PARALIZADO  | 50    | 4    | 30    | 5    | NO_REPORTADO",
            // reported and on track: no alert (each threshold exactly at its limit)
            "true  | EN_EJECUCION | 20   | 1    | 10    | 10   | ",
            "true  | EN_EJECUCION | -35  | 0    | null  | 5    | ",
            // one rule each
            "true  | PARALIZADO  | 0     | 0    | null  | 5    | PARALIZADO",
            "true  | EN_EJECUCION | 20.01 | 0   | null  | 5    | FINANCIERO_ADELANTADO",
            "true  | EN_EJECUCION | 0    | 2    | null  | 5    | SIN_AVANCE",
            "true  | CONCLUIDO   | 0     | 5    | null  | 5    | ",
            "true  | EN_EJECUCION | 0    | 0    | 10.01 | 10   | DIFIERE_MEF",
            // all of them, in the table's order
            "true  | PARALIZADO  | 30    | 3    | 20    | 5    | PARALIZADO,FINANCIERO_ADELANTADO,SIN_AVANCE,DIFIERE_MEF",
    })
    void everyRuleThatAppliesRaisesItsAlert(Boolean reported, String state, Double gap, Integer quartersWithout,
            Double mefDifference, Double mefThreshold, String expected) {
        List<String> codes = expected == null ? List.of() : List.of(expected.split(","));

        assertThat(alerts(reported, state, gap, quartersWithout, mefDifference, mefThreshold))
                .containsExactlyElementsOf(codes);
    }
}
