package pe.gob.regioncajamarca.participa.cycle;

import pe.gob.regioncajamarca.participa.projects.Scopes;

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
 * of regional impact or it is not eligible: that is decided by the DMN {@code impacto-regional} alone
 * ({@link RegionalImpact}), and the caller hands the decision in with the candidate.
 *
 * <p>Totals are compared <em>exactly</em>. The vote score is a quotient (125 / 161 × 100 = 77.6397515527…, a
 * repeating decimal), so no number of decimals holds it exactly; but within a scope every total has the same
 * denominator, the most votes {@code m}: total × m = 0.8 × technical × m + 20 × votes. Technical scores have
 * finitely many decimals and votes are integers, so that product is a finite decimal that {@link BigDecimal}
 * holds without rounding, and ordering the products orders the totals (m &gt; 0 is the same for all; with nobody
 * voting, m is taken as 1 and every vote term is 0). The 4-decimal vote score and total in {@link Result} are
 * rounded from the exact values for display and storage (NUMERIC(7,4)); they are never compared to rank.
 */
public final class Prioritisation {

    static final BigDecimal TECHNICAL_WEIGHT = new BigDecimal("0.8");
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** 0.2 × 100: the vote term of total × m is 20 × votes. */
    static final long VOTE_TERM = 20;
    /** Decimals of the vote score and the total as displayed and stored. */
    public static final int DISPLAY_SCALE = 4;

    private Prioritisation() {
    }

    /**
     * A project as the rule needs it; districts are INEI ubigeo codes. {@code regionalImpact} and its reason are the
     * decision {@code impacto-regional} for a MULTIPROVINCIAL project (required there), null elsewhere.
     */
    public record Candidate(String cui, String scope, BigDecimal cost, BigDecimal technicalScore, int votes,
                            Set<String> districts, Boolean regionalImpact, String regionalImpactReason) {

        /** A candidate of a provincial scope (no regional-impact decision). */
        public Candidate(String cui, String scope, BigDecimal cost, BigDecimal technicalScore, int votes,
                         Set<String> districts) {
            this(cui, scope, cost, technicalScore, votes, districts, null, null);
        }

        /** A candidate with the regional-impact decision of {@link RegionalImpact}. */
        public Candidate(String cui, String scope, BigDecimal cost, BigDecimal technicalScore, int votes,
                         Set<String> districts, RegionalImpact.Decision impact) {
            this(cui, scope, cost, technicalScore, votes, districts, impact == null ? null : impact.eligible(),
                    impact == null ? null : impact.reason());
        }
    }

    /** A project's result; {@code voteScore} and {@code totalScore} are rounded for display (4 decimals). */
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
            BigDecimal m = BigDecimal.valueOf(Math.max(maxVotes, 1));
            record Scored(Candidate c, BigDecimal exact, BigDecimal vote, BigDecimal total) {
            }
            List<Scored> eligible = new ArrayList<>();
            for (Candidate c : list) {
                BigDecimal exact = totalTimesMostVotes(c.technicalScore(), c.votes(), maxVotes);
                BigDecimal vote = BigDecimal.valueOf(c.votes()).multiply(HUNDRED)
                        .divide(m, DISPLAY_SCALE, RoundingMode.HALF_UP);
                BigDecimal total = exact.divide(m, DISPLAY_SCALE, RoundingMode.HALF_UP);
                String notEligible = null;
                if (Scopes.MULTIPROVINCIAL.equals(scope)) {
                    if (c.regionalImpact() == null) {
                        throw new IllegalArgumentException("El proyecto MULTIPROVINCIAL " + c.cui()
                                + " no tiene la decisión impacto-regional (RegionalImpact)");
                    }
                    notEligible = c.regionalImpact() ? null : c.regionalImpactReason();
                }
                if (notEligible != null) {
                    byCui.put(c.cui(), new Result(c.cui(), scope, vote, total, null, false,
                            "No elegible: " + notEligible));
                } else {
                    eligible.add(new Scored(c, exact, vote, total));
                }
            }
            eligible.sort(Comparator.comparing(Scored::exact).reversed()
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

    /**
     * The total multiplied by the scope's most votes (1 when nobody voted): 0.8 × technical × m + 20 × votes, a finite
     * decimal computed without rounding. Within a scope, comparing these compares the totals exactly.
     */
    static BigDecimal totalTimesMostVotes(BigDecimal technical, int votes, int mostVotes) {
        BigDecimal m = BigDecimal.valueOf(Math.max(mostVotes, 1));
        return TECHNICAL_WEIGHT.multiply(technical).multiply(m).add(BigDecimal.valueOf(VOTE_TERM * votes));
    }
}
