package pe.gob.regioncajamarca.participa.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import pe.gob.regioncajamarca.participa.cycle.Prioritisation.Candidate;
import pe.gob.regioncajamarca.participa.cycle.Prioritisation.Result;

/** The 80/20 rule on examples computed by hand. */
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
    void tiesGoToTheHigherTechnicalScoreThenTheLowerCostThenTheLowerCui() {
        // nobody voted: vote score 0; totals 0.8*technical
        List<Result> r = Prioritisation.apply(List.of(
                c("300", "CHOTA", "100", 50, 0, "060401"),
                c("200", "CHOTA", "90", 50, 0, "060401"),
                c("100", "CHOTA", "90", 50, 0, "060401"),
                c("400", "CHOTA", "10", 60, 0, "060401")),
                Map.of("CHOTA", new BigDecimal("1000")));
        assertThat(r).extracting(Result::cui, Result::rank)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("300", 4), org.assertj.core.groups.Tuple.tuple("200", 3),
                        org.assertj.core.groups.Tuple.tuple("100", 2), org.assertj.core.groups.Tuple.tuple("400", 1));
        assertThat(r).allMatch(x -> x.voteScore().signum() == 0);
    }

    @Test
    void aMultiprovincialProjectMustBeOfRegionalImpact() {
        List<Result> r = Prioritisation.apply(List.of(
                // 456,468.55 < 3,000,000: not eligible
                c("2500442", "MULTIPROVINCIAL", "456468.55", 90, 10, "060101", "060401", "060801"),
                // 3 districts of 2 provinces, 3,370,340: eligible
                c("2585850", "MULTIPROVINCIAL", "3370340.00", 80, 5, "060101", "060108", "060201"),
                // 3 districts of one province: not eligible
                c("9000002", "MULTIPROVINCIAL", "5000000", 95, 1, "060101", "060102", "060103")),
                Map.of("MULTIPROVINCIAL", new BigDecimal("10000000")));
        assertThat(r.get(0).prioritized()).isFalse();
        assertThat(r.get(0).rank()).isNull();
        assertThat(r.get(0).reason()).contains("costo menor a S/ 3,000,000");
        assertThat(r.get(1).prioritized()).isTrue();
        assertThat(r.get(1).rank()).isEqualTo(1);
        assertThat(r.get(2).reason()).contains("menos de 3 distritos de al menos 2 provincias");
    }
}
