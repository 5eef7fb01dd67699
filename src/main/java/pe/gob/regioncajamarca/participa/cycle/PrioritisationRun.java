package pe.gob.regioncajamarca.participa.cycle;

import pe.gob.regioncajamarca.participa.projects.Projects;
import pe.gob.regioncajamarca.participa.projects.Scopes;

import java.util.List;

import pe.gob.regioncajamarca.participa.ledger.LedgerPayload;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import pe.gob.regioncajamarca.participa.ledger.Ledger;
import pe.gob.regioncajamarca.participa.ledger.LedgerKinds;

/**
 * "Calcular priorización" (glue {@link Priorizar}): applies {@link Prioritisation} to the stored projects of a cycle (technical scores,
 * final vote counts, costs, districts, regional-impact decisions) and the cycle's envelopes, and stores each project's
 * vote score and total (rounded to 4 decimals, for display), rank (from the exact totals), result and reason.
 * Running it again on the same data gives the same results (reproducible).
 */
@Service
public class PrioritisationRun {

    private final Projects projects;
    private final CycleService cycles;

    private final Ledger ledger;
    private final RegionalImpact regionalImpact;

    public PrioritisationRun(Projects projects, CycleService cycles, Ledger ledger, RegionalImpact regionalImpact) {
        this.regionalImpact = regionalImpact;
        this.ledger = ledger;
        this.projects = projects;
        this.cycles = cycles;
    }

    @Transactional
    public List<Prioritisation.Result> run(int year) {
        Cycle cycle = cycles.find(year).orElseThrow();
        List<Prioritisation.Candidate> candidates = projects.forRanking(year).stream()
                .map(p -> new Prioritisation.Candidate(p.cui(), p.scope(), p.cost(), p.technicalScore(), p.votes(),
                        p.districts(), p.regionalImpact(), p.regionalImpactReason()))
                .toList();
        candidates = decideRegionalImpact(year, candidates);
        List<Prioritisation.Result> results = Prioritisation.apply(candidates, CycleService.splitOf(cycle));
        List<LedgerPayload.Ranked> logged = new java.util.ArrayList<>(results.size());
        for (Prioritisation.Result r : results) {
            logged.add(new LedgerPayload.Ranked(r.cui(), r.scope(), r.voteScore(), r.totalScore(), r.rank(),
                    r.prioritized(), r.reason()));
        }
        ledger.append(year, "priorizacion " + year, new LedgerPayload.Prioritisation(logged));
        store(year, results);
        return results;
    }

    /**
     * A MULTIPROVINCIAL project stored without the decision {@code impacto-regional} (not loaded through the programme
     * file) gets it now, from the table in force, and keeps it (regional_impact, regional_impact_reason).
     */
    private List<Prioritisation.Candidate> decideRegionalImpact(int year, List<Prioritisation.Candidate> candidates) {
        if (candidates.stream().noneMatch(c -> Scopes.MULTIPROVINCIAL.equals(c.scope()) && c.regionalImpact() == null)) {
            return candidates;
        }
        RegionalImpact.Rule rule = regionalImpact.current();
        List<Prioritisation.Candidate> out = new java.util.ArrayList<>(candidates.size());
        for (Prioritisation.Candidate c : candidates) {
            if (Scopes.MULTIPROVINCIAL.equals(c.scope()) && c.regionalImpact() == null) {
                RegionalImpact.Decision d = rule.decide(c.cost(), c.districts());
                projects.storeRegionalImpact(year, c.cui(), d.eligible(), d.reason());
                c = new Prioritisation.Candidate(c.cui(), c.scope(), c.cost(), c.technicalScore(), c.votes(),
                        c.districts(), d);
            }
            out.add(c);
        }
        return out;
    }

    /** Stores every project's scores, rank and result (one set-based write, see {@link Projects#storeRanking}). */
    private void store(int year, List<Prioritisation.Result> results) {
        projects.storeRanking(year, results.stream().map(r -> new Projects.Ranked(r.cui(), r.voteScore(),
                r.totalScore(), r.rank(), r.prioritized(), r.reason())).toList());
    }
}
