package pe.gob.regioncajamarca.participa.cycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The prioritisation rule of the domain (docs: ../shared/design/domain.md, step 7), per scope:
 * vote score = votes / most votes of the scope × 100 (0 when nobody voted); total = 0.8 × technical +
 * 0.2 × vote score; ranked by total (ties: higher technical, lower cost, lower CUI); funded in that order
 * while the scope's envelope allows, skipping a project that does not fit. A MULTIPROVINCIAL project must be
 * of regional impact (cost ≥ S/ 3,000,000, at least 3 districts in at least 2 provinces) or it is not eligible:
 * as decided when the programme was loaded (DMN {@code impacto-regional}, stored with the project), or, for
 * projects stored without that decision (history, demo), by the same criteria checked here.
 */
public final class Prioritisation {

    public static final BigDecimal REGIONAL_IMPACT_MIN_COST = new BigDecimal("3000000");
    static final BigDecimal TECHNICAL_WEIGHT = new BigDecimal("0.8");
    static final BigDecimal VOTE_WEIGHT = new BigDecimal("0.2");
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Prioritisation() {
    }

    /** A project as the rule needs it; districts are INEI ubigeo codes (the province is their first 4 digits). */
    public record Candidate(String cui, String scope, BigDecimal cost, BigDecimal technicalScore, int votes,
                            Set<String> districts, Boolean regionalImpact, String regionalImpactReason) {

        /** A candidate whose regional impact (if MULTIPROVINCIAL) the rule checks itself. */
        public Candidate(String cui, String scope, BigDecimal cost, BigDecimal technicalScore, int votes,
                         Set<String> districts) {
            this(cui, scope, cost, technicalScore, votes, districts, null, null);
        }
    }

    public record Result(String cui, String scope, BigDecimal voteScore, BigDecimal totalScore, Integer rank,
                         boolean prioritized, String reason) {
    }

    /** Results in the order of the input. */
    public static List<Result> apply(List<Candidate> candidates, Map<String, BigDecimal> envelopes) {
        Map<String, Result> byCui = new LinkedHashMap<>();
        Map<String, List<Candidate>> byScope = candidates.stream()
                .collect(Collectors.groupingBy(Candidate::scope, LinkedHashMap::new, Collectors.toList()));
        byScope.forEach((scope, list) -> {
            int maxVotes = list.stream().mapToInt(Candidate::votes).max().orElse(0);
            record Scored(Candidate c, BigDecimal vote, BigDecimal total) {
            }
            List<Scored> eligible = new ArrayList<>();
            for (Candidate c : list) {
                BigDecimal vote = maxVotes == 0 ? BigDecimal.ZERO.setScale(4)
                        : BigDecimal.valueOf(c.votes()).multiply(HUNDRED)
                                .divide(BigDecimal.valueOf(maxVotes), 4, RoundingMode.HALF_UP);
                BigDecimal total = TECHNICAL_WEIGHT.multiply(c.technicalScore()).add(VOTE_WEIGHT.multiply(vote))
                        .setScale(4, RoundingMode.HALF_UP);
                String notEligible = !Scopes.MULTIPROVINCIAL.equals(scope) ? null
                        : c.regionalImpact() == null ? regionalImpactProblem(c) // not decided at load time
                        : c.regionalImpact() ? null : c.regionalImpactReason();
                if (notEligible != null) {
                    byCui.put(c.cui(), new Result(c.cui(), scope, vote, total, null, false,
                            "No elegible: " + notEligible));
                } else {
                    eligible.add(new Scored(c, vote, total));
                }
            }
            eligible.sort(Comparator.comparing(Scored::total).reversed()
                    .thenComparing((Scored s) -> s.c().technicalScore(), Comparator.reverseOrder())
                    .thenComparing(s -> s.c().cost())
                    .thenComparing(s -> Long.parseLong(s.c().cui())));
            BigDecimal left = envelopes.getOrDefault(scope, BigDecimal.ZERO);
            int rank = 0;
            for (Scored s : eligible) {
                rank++;
                boolean fits = s.c().cost().compareTo(left) <= 0;
                if (fits) {
                    left = left.subtract(s.c().cost());
                }
                byCui.put(s.c().cui(), new Result(s.c().cui(), scope, s.vote(), s.total(), rank, fits,
                        fits ? "Financiado" : "No financiado: asignación del ámbito agotada"));
            }
        });
        return candidates.stream().map(c -> byCui.get(c.cui())).toList();
    }

    /** Why a MULTIPROVINCIAL project is not of regional impact, or null when it is. */
    static String regionalImpactProblem(Candidate c) {
        List<String> problems = new ArrayList<>();
        if (c.cost().compareTo(REGIONAL_IMPACT_MIN_COST) < 0) {
            problems.add("costo menor a S/ 3,000,000");
        }
        long provinces = c.districts().stream().map(d -> d.substring(0, 4)).distinct().count();
        if (c.districts().size() < 3 || provinces < 2) {
            problems.add("beneficia a menos de 3 distritos de al menos 2 provincias");
        }
        return problems.isEmpty() ? null : "no es de impacto regional (" + String.join("; ", problems) + ")";
    }
}
