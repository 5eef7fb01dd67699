package pe.gob.regioncajamarca.participa.results;

import pe.gob.regioncajamarca.participa.projects.Projects;

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
class CycleResults {

    private final JdbcClient jdbc;
    private final CycleService cycles;
    private final Territory territory;

    private final Projects projects;

    public CycleResults(JdbcClient jdbc, CycleService cycles, Territory territory, Projects projects) {
        this.projects = projects;
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
        List<Projects.Project> found = cui == null ? projects.inCycle(year)
                : projects.find(year, cui).map(List::of).orElse(List.of());
        return found.stream()
                .sorted(java.util.Comparator.comparing(Projects.Project::scope)
                        .thenComparing(Projects.Project::rank, java.util.Comparator.nullsLast(
                                java.util.Comparator.naturalOrder()))
                        .thenComparing(Projects.Project::cui))
                .map(p -> new ProjectResult(p.id(), p.cui(), p.name(), p.scope(), p.cost(), p.sector(), p.unitName(),
                        p.technicalScore(), p.technicalComment(),
                        p.onlineVotes() != null ? p.onlineVotes() : p.votes(),
                        p.workshopVotes() != null ? p.workshopVotes() : 0, p.votes(), p.voteScore(), p.totalScore(),
                        p.rank(), p.prioritized(), p.reason()))
                .toList();
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
        return projects.find(year, cui).map(p -> new ProjectResult(p.id(), p.cui(), p.name(), p.scope(), p.cost(),
                p.sector(), p.unitName(), null, null, 0, 0, 0, null, null, null, null, null));
    }

    /** Years with published results, newest first (for the portal's list). */
    public List<Integer> publishedYears() {
        return cycles.findAll().stream().filter(c -> c.phase().resultsPublished()).map(Cycle::year)
                .sorted(java.util.Comparator.reverseOrder()).toList();
    }
}
