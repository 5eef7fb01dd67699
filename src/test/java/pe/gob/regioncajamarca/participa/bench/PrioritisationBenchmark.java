package pe.gob.regioncajamarca.participa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

import pe.gob.regioncajamarca.participa.cycle.PrioritisationRun;
import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;
import pe.gob.regioncajamarca.participa.voting.VotingService;

/**
 * Benchmark 6 of issue 10: the close of voting and the prioritisation of a cycle with 10,000 projects and
 * 1,000,000 votes (200,000 agents with 5 votes each): the final count per project stored, then the 80/20 rule
 * applied and every project's score, rank and result stored. Baseline: PostgreSQL's own GROUP BY count of the
 * same votes. PostgreSQL only (the data is generated with generate_series).
 */
@EnabledIfSystemProperty(named = "participa.test.db", matches = "postgres")
class PrioritisationBenchmark extends ProcessTest {

    static final int PROJECTS = 10_000;
    static final int AGENTS = 200_000;

    @Autowired VotingService voting;
    @Autowired PrioritisationRun prioritisation;

    @Test
    void tenThousandProjectsAndAMillionVotes() {
        int year = freeYear();
        formalisedCycle(year);
        List<String> scopes = List.copyOf(Scopes.ALL);
        // projects: ids are consecutive within this one statement
        jdbc.sql("""
                INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, technical_score)
                SELECT ?, CAST(8100000 + g AS VARCHAR), 'Proyecto ' || g,
                       (ARRAY[%s])[1 + g %% %d], 50000 + (g * 7919) %% 900000, 'Transporte', 'sede-central', 40 + (g * 31) %% 60
                FROM generate_series(0, ? - 1) g""".formatted(String.join(",", scopes.stream().map(s -> "'" + s + "'").toList()),
                scopes.size())).params(year, PROJECTS).update();
        long first = jdbc.sql("SELECT MIN(id) FROM project WHERE cycle_year = ?").param(year).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO ballot (cycle_year, document_number, votes_left, created_at)
                SELECT ?, 'B' || g, 0, CURRENT_TIMESTAMP FROM generate_series(0, ? - 1) g""")
                .params(year, AGENTS).update();
        // agent d votes for 5 distinct projects, skewed towards some of them
        jdbc.sql("""
                INSERT INTO vote (cycle_year, document_number, project_id, cast_at)
                SELECT ?, 'B' || d, ? + ((d * 13 + k * 2003 + (d % 97) * (d % 89)) % ?), CURRENT_TIMESTAMP
                FROM generate_series(0, ? - 1) d, generate_series(0, 4) k""")
                .params(year, first, PROJECTS, AGENTS).update();
        int votes = jdbc.sql("SELECT COUNT(*) FROM vote WHERE cycle_year = ?").param(year).query(Integer.class).single();
        assertThat(votes).isEqualTo(AGENTS * 5);
        jdbc.sql("ANALYZE").update();

        long t0 = System.nanoTime();
        int groups = jdbc.sql("SELECT project_id, COUNT(*) FROM vote WHERE cycle_year = ? GROUP BY project_id")
                .param(year).query((rs, i) -> rs.getLong(1)).list().size();
        long baseline = System.nanoTime() - t0;

        long t1 = System.nanoTime();
        voting.storeFinalCounts(year);
        long counted = System.nanoTime() - t1;
        var results = prioritisation.run(year);
        long run = System.nanoTime() - t1;
        System.out.printf("BENCHMARK prioritisation parts: final counts stored %.2f s, rule applied and results stored "
                + "%.2f s; load average %s%n", Bench.seconds(counted), Bench.seconds(run - counted), loadAverage());
        assertThat(results).hasSize(PROJECTS);
        assertThat(jdbc.sql("SELECT SUM(votes) FROM project WHERE cycle_year = ?").param(year).query(Integer.class)
                .single()).isEqualTo(votes);
        Bench.report("Close of voting + prioritisation, " + PROJECTS + " projects, " + votes + " votes",
                String.format("%.2f s", Bench.seconds(run)),
                String.format("%.2f s (GROUP BY count of the votes, %d projects)", Bench.seconds(baseline), groups),
                (double) run / baseline, "< 2 s", Bench.seconds(run) < 2);
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
