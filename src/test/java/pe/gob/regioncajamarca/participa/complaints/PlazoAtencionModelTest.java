package pe.gob.regioncajamarca.participa.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import pe.gob.regioncajamarca.participa.testsupport.ModelTests;

/** The decision {@code plazo-atencion} alone: the legal deadline in business days of each kind of request. */
class PlazoAtencionModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTests.extension();

    @BeforeEach
    void deploy() {
        ModelTests.deploy(engine, "plazo-atencion.dmn");
    }

    private org.camunda.bpm.dmn.engine.DmnDecisionTableResult evaluate(String kind) {
        return engine.getDecisionService().evaluateDecisionTableByKey("plazo-atencion")
                .variables(Variables.putValue("tipo", kind)).evaluate();
    }

    @ParameterizedTest(name = "{0}: {1} días hábiles")
    @CsvSource({"RECLAMO, 15", "ACCESO_INFORMACION, 10", "CONSULTA, 10"})
    void eachKindHasItsLegalDeadline(String kind, int days) {
        assertThat(evaluate(kind).getSingleResult().<Integer>getEntry("plazoDias")).isEqualTo(days);
    }

    @Test
    void aReportOfWrongdoingIsNotDecidedHere() {
        // wrongdoing-report computes its own 10 days: the history of this decision is read by other offices
        assertThat(evaluate("DENUNCIA").getResultList()).isEmpty();
    }
}
