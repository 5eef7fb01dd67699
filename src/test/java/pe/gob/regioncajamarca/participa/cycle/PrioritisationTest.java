package pe.gob.regioncajamarca.participa.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import pe.gob.regioncajamarca.participa.cycle.Prioritisation.Candidate;
import pe.gob.regioncajamarca.participa.cycle.Prioritisation.Result;

/**
 * The 80/20 rule on examples computed by hand. Each tie-break has a test of its own that fails without it: the other
 * tie-breaks and the input order would give the other answer.
 */
class PrioritisationTest {

    static Candidate c(String cui, String scope, String cost, int technical, int votes, String... districts) {
        return new Candidate(cui, scope, new BigDecimal(cost), BigDecimal.valueOf(technical), votes, Set.of(districts));
    }

    @Test
    void ranksByEightyTwentyAndFundsWhileTheEnvelopeAllowsSkippingWhatDoesNotFit() {
        // CAJAMARCA, envelope 12,000,000; most votes 212
        // 2324969: 0.8*86 + 0.2*100      = 88.8000   cost 4.85M -> funded (left 7.15M)
        // 240372 : 0.8*81 + 0.2*89.6226  = 82.7245   cost 1.78M -> funded (left 5.37M)
        // 242534 : 0.8*78 + 0.2*70.7547  = 76.5509   cost 2.96M -> funded (left 2.41M)
        // 2507448: 0.8*74 + 0.2*56.6038  = 70.5208   cost 5.20M -> does not fit
        // 2590047: 0.8*70 + 0.2*44.8113  = 64.9623   cost 3.40M -> does not fit
        // 9000001: 0.8*60 + 0.2*0        = 48.0000   cost 2.00M -> fits in what is left: funded
        List<Result> r = Prioritisation.apply(List.of(
                c("2324969", "CAJAMARCA", "4850000", 86, 212, "060106"),
                c("242534", "CAJAMARCA", "2960000", 78, 150, "060106"),
                c("240372", "CAJAMARCA", "1780000", 81, 190, "060106"),
                c("2590047", "CAJAMARCA", "3400000", 70, 95, "060106"),
                c("2507448", "CAJAMARCA", "5200000", 74, 120, "060105"),
                c("9000001", "CAJAMARCA", "2000000", 60, 0, "060101")),
                Map.of("CAJAMARCA", new BigDecimal("12000000")));
        assertThat(r).extracting(Result::cui, Result::totalScore, Result::rank, Result::prioritized).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2324969", new BigDecimal("88.8000"), 1, true),
                org.assertj.core.groups.Tuple.tuple("242534", new BigDecimal("76.5509"), 3, true),
                org.assertj.core.groups.Tuple.tuple("240372", new BigDecimal("82.7245"), 2, true),
                org.assertj.core.groups.Tuple.tuple("2590047", new BigDecimal("64.9623"), 5, false),
                org.assertj.core.groups.Tuple.tuple("2507448", new BigDecimal("70.5208"), 4, false),
                org.assertj.core.groups.Tuple.tuple("9000001", new BigDecimal("48.0000"), 6, true));
        assertThat(r.get(2).voteScore()).isEqualByComparingTo("89.6226");
        assertThat(r.get(3).reason()).isEqualTo("No financiado: asignación del ámbito agotada");
        assertThat(r.get(0).reason()).isEqualTo("Financiado");
    }

    @Test
    void totalsAreComparedExactlyNotAfterRoundingToFourDecimals() {
        // the example, scope CHOTA, most votes 161:
        // 1000001: 0.8 × 55.59 + 0.2 × (125 / 161 × 100) = 44.472 + 15.527950310559… = 59.999950310559…
        // 1000002: 0.8 × 50.00 + 0.2 × 100               = 60 exactly: really the higher of the two
        // rounded to 4 decimals both are 60.0000, and the tie-break (higher technical) would put 1000001 first
        List<Result> r = Prioritisation.apply(List.of(
                new Candidate("1000001", "CHOTA", new BigDecimal("100"), new BigDecimal("55.59"), 125, Set.of("060401")),
                new Candidate("1000002", "CHOTA", new BigDecimal("100"), new BigDecimal("50.00"), 161, Set.of("060401"))),
                Map.of("CHOTA", new BigDecimal("100")));
        assertThat(r).extracting(Result::cui, Result::rank, Result::prioritized).containsExactly(
                tuple("1000001", 2, false), tuple("1000002", 1, true));
        // what is displayed and stored is rounded: both show 60.0000, the rank says which is higher
        assertThat(r).extracting(Result::totalScore).containsExactly(new BigDecimal("60.0000"), new BigDecimal("60.0000"));
        assertThat(r.get(0).voteScore()).isEqualTo(new BigDecimal("77.6398"));
    }

    @Test
    void equalTotalsGoToTheHigherTechnicalScore() {
        // most votes 100 (9000003); totals 0.8 × 60 + 0 = 48 and 0.8 × 55 + 0.2 × 20 = 48, exactly equal.
        // 900 has the higher technical score but the higher cost and CUI: only the technical tie-break puts it first
        List<Result> r = Prioritisation.apply(List.of(
                c("100", "CHOTA", "400", 55, 20, "060401"),
                c("900", "CHOTA", "500", 60, 0, "060401"),
                c("9000003", "CHOTA", "1", 0, 100, "060401")),
                Map.of("CHOTA", new BigDecimal("1000")));
        assertThat(r).extracting(Result::cui, Result::totalScore, Result::rank).containsExactly(
                tuple("100", new BigDecimal("48.0000"), 2),
                tuple("900", new BigDecimal("48.0000"), 1),
                tuple("9000003", new BigDecimal("20.0000"), 3));
    }

    @Test
    void equalTotalsAndTechnicalScoresGoToTheLowerCost() {
        // same score and votes; 900 costs less but has the higher CUI: only the cost tie-break puts it first
        List<Result> r = Prioritisation.apply(List.of(
                c("100", "CHOTA", "200", 70, 3, "060401"),
                c("900", "CHOTA", "100", 70, 3, "060401")),
                Map.of("CHOTA", new BigDecimal("1000")));
        assertThat(r).extracting(Result::cui, Result::rank).containsExactly(tuple("100", 2), tuple("900", 1));
    }

    @Test
    void equalTotalsTechnicalScoresAndCostsGoToTheLowerCui() {
        // everything equal; the CUI compares as a number (99 < 100, though "100" < "99" as text), and the input
        // order puts 100 first: only the CUI tie-break puts 99 first
        List<Result> r = Prioritisation.apply(List.of(
                c("100", "CHOTA", "100", 70, 3, "060401"),
                c("99", "CHOTA", "100", 70, 3, "060401")),
                Map.of("CHOTA", new BigDecimal("1000")));
        assertThat(r).extracting(Result::cui, Result::rank).containsExactly(tuple("100", 2), tuple("99", 1));
    }

    @Test
    void aMultiprovincialProjectIsEligibleOnlyAsTheRegionalImpactDecisionSays() {
        // the decision itself is the DMN impacto-regional (RegionalImpactIT); here: the rule follows what it says
        RegionalImpact.Decision yes = new RegionalImpact.Decision(true, "proyecto de impacto regional", 1);
        RegionalImpact.Decision no = new RegionalImpact.Decision(false,
                "no es de impacto regional: sus distritos están en menos de 2 provincias", 1);
        List<Result> r = Prioritisation.apply(List.of(
                new Candidate("9000002", "MULTIPROVINCIAL", new BigDecimal("5000000"), BigDecimal.valueOf(95), 1,
                        Set.of("060101", "060102", "060103"), no),
                new Candidate("2585850", "MULTIPROVINCIAL", new BigDecimal("3370340.00"), BigDecimal.valueOf(80), 5,
                        Set.of("060101", "060108", "060201"), yes)),
                Map.of("MULTIPROVINCIAL", new BigDecimal("10000000")));
        assertThat(r.get(0).prioritized()).isFalse();
        assertThat(r.get(0).rank()).isNull();
        assertThat(r.get(0).reason())
                .isEqualTo("No elegible: no es de impacto regional: sus distritos están en menos de 2 provincias");
        assertThat(r.get(1).prioritized()).isTrue();
        assertThat(r.get(1).rank()).isEqualTo(1);
        // without a decision the rule refuses to guess (there is no second copy of the regional-impact rule)
        assertThatThrownBy(() -> Prioritisation.apply(List.of(c("2500442", "MULTIPROVINCIAL", "456468.55", 90, 10,
                "060101", "060401", "060801")), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("impacto-regional");
    }
}
