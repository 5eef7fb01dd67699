package pe.gob.regioncajamarca.participa.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import pe.gob.regioncajamarca.participa.testsupport.ModelTests;

/**
 * The decision {@code impacto-regional} alone (DS 132-2010-EF, docs/adr/0006): each of its eight rules, on both sides
 * of each threshold (S/ 3,000,000; 3 districts; 2 provinces). Hit policy UNIQUE: exactly one rule for any input.
 */
class ImpactoRegionalModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTests.extension();

    @BeforeEach
    void deploy() {
        ModelTests.deploy(engine, "impacto-regional.dmn");
    }

    @ParameterizedTest(name = "S/ {0}, {1} distritos, {2} provincias: {3}")
    @CsvSource(delimiter = '|', value = {
            "3000000    | 3 | 2 | true  | proyecto de impacto regional",
            "45000000.5 | 12| 5 | true  | proyecto de impacto regional",
            "2999999.99 | 3 | 2 | false | no es de impacto regional: costo menor a S/ 3,000,000",
            "3000000    | 2 | 2 | false | no es de impacto regional: beneficia a menos de 3 distritos",
            "3000000    | 3 | 1 | false | no es de impacto regional: sus distritos están en menos de 2 provincias",
            "2999999.99 | 2 | 2 | false | no es de impacto regional: costo menor a S/ 3,000,000 y beneficia a menos de 3 distritos",
            "0          | 3 | 1 | false | no es de impacto regional: costo menor a S/ 3,000,000 y sus distritos están en menos de 2 provincias",
            "3000000    | 2 | 1 | false | no es de impacto regional: beneficia a menos de 3 distritos y sus distritos están en menos de 2 provincias",
            "2999999.99 | 1 | 1 | false | no es de impacto regional: costo menor a S/ 3,000,000, beneficia a menos de 3 distritos y sus distritos están en menos de 2 provincias",
            "2999999.99 | 0 | 0 | false | no es de impacto regional: costo menor a S/ 3,000,000, beneficia a menos de 3 distritos y sus distritos están en menos de 2 provincias",
    })
    void oneRulePerCombinationOfTheThreeCriteria(double cost, int districts, int provinces, boolean eligible,
            String reason) {
        DmnDecisionRuleResult result = engine.getDecisionService().evaluateDecisionTableByKey("impacto-regional")
                .variables(Variables.putValue("costo", cost).putValue("distritos", districts)
                        .putValue("provincias", provinces))
                .evaluate().getSingleResult();

        assertThat(result.<Boolean>getEntry("elegible")).isEqualTo(eligible);
        assertThat(result.<String>getEntry("motivo")).isEqualTo(reason);
    }
}
