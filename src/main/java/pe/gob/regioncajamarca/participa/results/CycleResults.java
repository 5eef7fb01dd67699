package pe.gob.regioncajamarca.participa.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.projects.Territory;

/**
 * The published results of a cycle, read from the domain tables exactly as the prioritisation stored them: the
 * prioritisation matrix per scope (rank, scores, votes online and at workshops, funded or not and why) and the
 * vote summary. Nothing is computed here that the prioritisation did not store, so the page, the CSV, the PDF
 * and the open data always agree.
 */
@Service
public class CycleResults {

    private final JdbcClient jdbc;
    private final CycleService cycles;
    private final Territory territory;

    public CycleResults(JdbcClient jdbc, CycleService cycles, Territory territory) {
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.territory = territory;
    }

    public record ProjectResult(long id, String cui, String name, String scope, BigDecimal cost, String sector,
                                String executingUnit, BigDecimal technicalScore, String technicalComment,
                                int onlineVotes, int workshopVotes, int votes, BigDecimal voteScore,
                                BigDecimal totalScore, Integer rank, Boolean prioritized, String reason) {
        public boolean funded() {
            return Boolean.TRUE.equals(prioritized);
        }
    }

    public record ScopeResult(String scope, String scopeName, BigDecimal envelope, List<ProjectResult> projects) {
        public BigDecimal allocated() {
            return projects.stream().filter(ProjectResult::funded).map(ProjectResult::cost)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public BigDecimal remaining() {
            return envelope.subtract(allocated());
        }

        public long fundedCount() {
            return projects.stream().filter(ProjectResult::funded).count();
        }

        public int onlineVotes() {
            return projects.stream().mapToInt(ProjectResult::onlineVotes).sum();
        }

        public int workshopVotes() {
            return projects.stream().mapToInt(ProjectResult::workshopVotes).sum();
        }
    }

    public record Results(Cycle cycle, List<ScopeResult> scopes) {
        public BigDecimal allocated() {
            return scopes.stream().map(ScopeResult::allocated).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public long fundedCount() {
            return scopes.stream().mapToLong(ScopeResult::fundedCount).sum();
        }

        public int onlineVotes() {
            return scopes.stream().mapToInt(ScopeResult::onlineVotes).sum();
        }

        public int workshopVotes() {
            return scopes.stream().mapToInt(ScopeResult::workshopVotes).sum();
        }

        public List<ProjectResult> funded() {
            return scopes.stream().flatMap(s -> s.projects().stream()).filter(ProjectResult::funded).toList();
        }
    }

    /** The results of a cycle once prioritised; empty when the cycle does not exist or is not prioritised yet. */
    public Optional<Results> of(int year) {
        return cycles.find(year).filter(c -> c.phase().resultsPublished()).map(this::read);
    }

    private Results read(Cycle cycle) {
        Map<String, String> names = territory.scopeNames();
        Map<String, List<ProjectResult>> byScope = new LinkedHashMap<>();
        names.keySet().forEach(s -> byScope.put(s, new ArrayList<>()));
        rows(cycle.year(), null)
                .forEach(p -> byScope.computeIfAbsent(p.scope(), k -> new ArrayList<>()).add(p));
        Map<String, BigDecimal> envelopes = new LinkedHashMap<>();
        cycle.scopes().forEach(s -> envelopes.put(s.scope(), s.envelope()));
        List<ScopeResult> scopes = new ArrayList<>();
        byScope.forEach((scope, projects) -> {
            if (!projects.isEmpty() || envelopes.containsKey(scope)) {
                scopes.add(new ScopeResult(scope, names.getOrDefault(scope, scope),
                        envelopes.getOrDefault(scope, BigDecimal.ZERO), List.copyOf(projects)));
            }
        });
        return new Results(cycle, scopes);
    }

    /** The stored results of a cycle's projects (or of one project, by CUI), in the matrix's order. */
    private List<ProjectResult> rows(int year, String cui) {
        return jdbc.sql("""
                SELECT p.id, p.cui, p.name, p.scope, p.cost, p.sector, u.name AS unit_name, p.technical_score,
                       p.technical_comment, COALESCE(p.online_votes, p.votes) AS online_votes,
                       COALESCE(p.workshop_votes, 0) AS workshop_votes, p.votes, p.vote_score, p.total_score,
                       p.scope_rank, p.prioritized, p.reason
                FROM project p JOIN executing_unit u ON u.code = p.executing_unit
                WHERE p.cycle_year = ?""" + (cui == null ? "" : " AND p.cui = ?") + """

                ORDER BY p.scope, CASE WHEN p.scope_rank IS NULL THEN 1 ELSE 0 END, p.scope_rank, p.cui""")
                .params(cui == null ? List.of(year) : List.of(year, cui))
                .query((rs, i) -> new ProjectResult(rs.getLong("id"), rs.getString("cui"), rs.getString("name"),
                        rs.getString("scope"), rs.getBigDecimal("cost"), rs.getString("sector"),
                        rs.getString("unit_name"), rs.getBigDecimal("technical_score"),
                        rs.getString("technical_comment"), rs.getInt("online_votes"), rs.getInt("workshop_votes"),
                        rs.getInt("votes"), rs.getBigDecimal("vote_score"), rs.getBigDecimal("total_score"),
                        (Integer) rs.getObject("scope_rank", Integer.class),
                        (Boolean) rs.getObject("prioritized", Boolean.class), rs.getString("reason")))
                .list();
    }

    /** A project of a cycle with its published result (scores and votes only once the cycle is prioritised). */
    public Optional<ProjectResult> project(int year, String cui) {
        Optional<Cycle> cycle = cycles.find(year);
        if (cycle.isEmpty()) {
            return Optional.empty();
        }
        if (cycle.get().phase().resultsPublished()) {
            // the one project's row (not the whole matrix of the cycle: a cycle may hold thousands)
            return rows(year, cui).stream().findFirst();
        }
        return jdbc.sql("""
                SELECT p.id, p.cui, p.name, p.scope, p.cost, p.sector, u.name FROM project p
                JOIN executing_unit u ON u.code = p.executing_unit WHERE p.cycle_year = ? AND p.cui = ?""")
                .params(year, cui)
                .query((rs, i) -> new ProjectResult(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getString(6), rs.getString(7), null, null, 0, 0, 0, null, null, null,
                        null, null))
                .optional();
    }

    /** Years with published results, newest first (for the portal's list). */
    public List<Integer> publishedYears() {
        return cycles.findAll().stream().filter(c -> c.phase().resultsPublished()).map(Cycle::year)
                .sorted(java.util.Comparator.reverseOrder()).toList();
    }
}
