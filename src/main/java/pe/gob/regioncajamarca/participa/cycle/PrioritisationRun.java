package pe.gob.regioncajamarca.participa.cycle;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import pe.gob.regioncajamarca.participa.ledger.LedgerPayload;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
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

    private final JdbcClient jdbc;
    private final CycleService cycles;

    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final Ledger ledger;
    private final RegionalImpact regionalImpact;

    public PrioritisationRun(JdbcClient jdbc, CycleService cycles, org.springframework.jdbc.core.JdbcTemplate batch,
                             Ledger ledger, RegionalImpact regionalImpact) {
        this.regionalImpact = regionalImpact;
        this.batch = batch;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.cycles = cycles;
    }

    @Transactional
    public List<Prioritisation.Result> run(int year) {
        Cycle cycle = cycles.find(year).orElseThrow();
        Map<String, Set<String>> districts = new HashMap<>();
        jdbc.sql("SELECT p.cui, pd.ubigeo FROM project_district pd JOIN project p ON p.id = pd.project_id "
                        + "WHERE p.cycle_year = ?").param(year)
                .query((rs, i) -> districts.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)))
                .list();
        List<Prioritisation.Candidate> candidates = jdbc.sql("SELECT cui, scope, cost, technical_score, votes, "
                        + "regional_impact, regional_impact_reason FROM project WHERE cycle_year = ? ORDER BY id")
                .param(year)
                .query((rs, i) -> new Prioritisation.Candidate(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4) == null ? BigDecimal.ZERO : rs.getBigDecimal(4), rs.getInt(5),
                        districts.getOrDefault(rs.getString(1), Set.of()), (Boolean) rs.getObject(6, Boolean.class),
                        rs.getString(7)))
                .list();
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
                jdbc.sql("UPDATE project SET regional_impact = ?, regional_impact_reason = ? WHERE cycle_year = ? "
                        + "AND cui = ?").params(d.eligible(), d.reason(), year, c.cui()).update();
                c = new Prioritisation.Candidate(c.cui(), c.scope(), c.cost(), c.technicalScore(), c.votes(),
                        c.districts(), d);
            }
            out.add(c);
        }
        return out;
    }

    /**
     * Stores every project's scores, rank and result: on PostgreSQL one UPDATE from arrays ({@code unnest}),
     * elsewhere JDBC batches. 10,000 single-row updates took 3.6 s of the 9 s that the close of voting and the
     * prioritisation of 10,000 projects took on a busy machine (issue 10, benchmark 6).
     */
    private void store(int year, List<Prioritisation.Result> results) {
        int n = results.size();
        if (onPostgres()) {
            String[] cuis = new String[n];
            BigDecimal[] voteScores = new BigDecimal[n];
            BigDecimal[] totals = new BigDecimal[n];
            Integer[] ranks = new Integer[n];
            Boolean[] prioritized = new Boolean[n];
            String[] reasons = new String[n];
            for (int i = 0; i < n; i++) {
                Prioritisation.Result r = results.get(i);
                cuis[i] = r.cui();
                voteScores[i] = r.voteScore();
                totals[i] = r.totalScore();
                ranks[i] = r.rank();
                prioritized[i] = r.prioritized();
                reasons[i] = r.reason();
            }
            batch.update(con -> {
                var ps = con.prepareStatement("""
                        UPDATE project p SET vote_score = v.vs, total_score = v.ts, scope_rank = v.r,
                               prioritized = v.pz, reason = v.rs
                        FROM unnest(?, ?, ?, ?, ?, ?) AS v(cui, vs, ts, r, pz, rs)
                        WHERE p.cycle_year = ? AND p.cui = v.cui""");
                ps.setArray(1, con.createArrayOf("varchar", cuis));
                ps.setArray(2, con.createArrayOf("numeric", voteScores));
                ps.setArray(3, con.createArrayOf("numeric", totals));
                ps.setArray(4, con.createArrayOf("integer", ranks));
                ps.setArray(5, con.createArrayOf("boolean", prioritized));
                ps.setArray(6, con.createArrayOf("varchar", reasons));
                ps.setInt(7, year);
                return ps;
            });
            return;
        }
        List<Object[]> rows = new java.util.ArrayList<>(n);
        for (Prioritisation.Result r : results) {
            rows.add(new Object[] {r.voteScore(), r.totalScore(), r.rank(), r.prioritized(), r.reason(), year, r.cui()});
        }
        batch.batchUpdate("UPDATE project SET vote_score = ?, total_score = ?, scope_rank = ?, prioritized = ?, "
                + "reason = ? WHERE cycle_year = ? AND cui = ?", rows);
    }

    private volatile Boolean postgres;

    /** Whether the database is PostgreSQL (its array functions allow a set-based update). */
    private boolean onPostgres() {
        if (postgres == null) {
            postgres = batch.execute((java.sql.Connection c) -> "PostgreSQL".equalsIgnoreCase(
                    c.getMetaData().getDatabaseProductName()));
        }
        return postgres;
    }
}
