package pe.gob.regioncajamarca.participa.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.gob.regioncajamarca.participa.identity.StaffGroups;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * The regional-impact rule (DS 132-2010-EF) in its one place, the DMN {@code impacto-regional}, evaluated by the engine:
 * directly through the {@link DecisionService} and through {@link RegionalImpact}, which every consumer uses. Districts
 * are real ubigeo codes: 0601xx Cajamarca, 0602xx Cajabamba, 0604xx Chota.
 */
class RegionalImpactIT extends ProcessTest {

    @Autowired RegionalImpact regionalImpact;
    @Autowired DecisionService decisions;
    @Autowired HistoryService history;
    @Autowired IdentityService identity;

    static final String ELIGIBLE = "proyecto de impacto regional";

    @ParameterizedTest(name = "{0}: costo {1}, distritos {2}")
    @CsvSource(delimiter = ';', value = {
            // the cases of the issue
            "2 distritos en 2 provincias;5000000;060101 060401;false;no es de impacto regional: beneficia a menos de 3 distritos",
            "3 distritos en 1 provincia;5000000;060101 060102 060103;false;no es de impacto regional: sus distritos están en menos de 2 provincias",
            "3 distritos en 2 provincias;3370340.00;060101 060108 060201;true;" + ELIGIBLE,
            "un céntimo menos;2999999.99;060101 060108 060201;false;no es de impacto regional: costo menor a S/ 3,000,000",
            "exactamente 3 millones;3000000.00;060101 060108 060201;true;" + ELIGIBLE,
            // every combination of failing criteria has its own reason
            "barato y 2 distritos;2000000;060101 060401;false;no es de impacto regional: costo menor a S/ 3,000,000 y beneficia a menos de 3 distritos",
            "barato y 1 provincia;2000000;060101 060102 060103;false;no es de impacto regional: costo menor a S/ 3,000,000 y sus distritos están en menos de 2 provincias",
            "2 distritos de 1 provincia;5000000;060101 060102;false;no es de impacto regional: beneficia a menos de 3 distritos y sus distritos están en menos de 2 provincias",
            "nada se cumple;456468.55;060101;false;no es de impacto regional: costo menor a S/ 3,000,000, beneficia a menos de 3 distritos y sus distritos están en menos de 2 provincias",
            "muchos distritos en muchas provincias;9000000;060101 060201 060401 060801;true;" + ELIGIBLE})
    void theDecisionSaysWhichCriterionFails(String name, String cost, String districts, boolean eligible, String reason) {
        List<String> list = List.of(districts.split(" "));
        RegionalImpact.Decision d = regionalImpact.decide(new BigDecimal(cost), list);
        assertThat(d.eligible()).as(name).isEqualTo(eligible);
        assertThat(d.reason()).as(name).isEqualTo(reason);

        // the same through the engine's DecisionService directly: the table is the rule, RegionalImpact only maps
        DmnDecisionResultEntries direct = decisions.evaluateDecisionByKey(RegionalImpact.DECISION)
                .variables(Variables.createVariables().putValue("costo", new BigDecimal(cost).doubleValue())
                        .putValue("distritos", list.size()).putValue("provincias", RegionalImpact.provincesOf(list)))
                .evaluate().getSingleResult();
        assertThat(direct.getEntryMap()).isEqualTo(Map.of("elegible", eligible, "motivo", reason));
    }

    @Test
    void provincesAreTheFirstFourDigitsOfTheUbigeo() {
        assertThat(RegionalImpact.provincesOf(List.of("060101", "060102", "060103"))).isEqualTo(1);
        assertThat(RegionalImpact.provincesOf(List.of("060101", "060401"))).isEqualTo(2);
    }

    @Test
    void eachDistinctInputIsEvaluatedOnceAndKeptInTheDecisionHistory() {
        // a cost no other test uses: its evaluations are this test's alone
        BigDecimal cost = new BigDecimal("4000000." + String.format("%02d", unique() % 100)).add(
                BigDecimal.valueOf(unique() % 100000));
        long before = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(RegionalImpact.DECISION)
                .count();
        RegionalImpact.Decision first = regionalImpact.decide(cost, List.of("060101", "060108", "060201"));
        RegionalImpact.Decision again = regionalImpact.decide(cost, List.of("060201", "060101", "060108"));
        assertThat(again).isEqualTo(first);
        assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(RegionalImpact.DECISION)
                .count()).isEqualTo(before + 1);
        assertThat(first.version()).isEqualTo(regionalImpact.current().version());
    }

    @Test
    void theApplicationDecidesWhoeverIsAuthenticatedInTheEngine() {
        // an oversight-committee member has no grant on the decision; a request of theirs that leads to the rule
        // (none does today, the integrity page is public) still gets the decision, and keeps its authentication
        String overseer = staffUser(StaffGroups.OVERSIGHT_COMMITTEE);
        identity.setAuthentication(overseer, List.of(StaffGroups.OVERSIGHT_COMMITTEE));
        try {
            BigDecimal cost = new BigDecimal("5100000").add(BigDecimal.valueOf(unique() % 100000));
            assertThat(regionalImpact.decide(cost, List.of("060101", "060401")).reason())
                    .isEqualTo("no es de impacto regional: beneficia a menos de 3 distritos");
            assertThat(identity.getCurrentAuthentication().getUserId()).isEqualTo(overseer);
        } finally {
            identity.clearAuthentication();
        }
    }
}
