package pe.gob.regioncajamarca.participa.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * A vote against the least a logged-in citizen's request can durably do, in the same run, application and database,
 * at 32 clients: the baseline is {@code POST /bench/insercion} (Spring profile {@code bench}, {@code
 * operations.BareInsertController}: the same security filter chain as the vote, a citizen session and its CSRF token,
 * one autocommit insert of one row, the same redirect), the vote {@code POST /votacion/{project}} with {@code
 * confirmado=true}. The same 32 accredited agents run, one phase after the other: a short warm-up of both, then the
 * baseline, then the votes, then the baseline again (so that a machine getting busier or quieter shows). Each phase
 * prints its throughput and p99; the ratio is votes/s over the mean of the two baseline phases. Stored rows are
 * counted against the acknowledged requests.
 *
 * <p>Size: {@code -Dbench.requests=200} per client and phase (default), {@code -Dbench.warmup=20}.
 */
public class VoteVsBareSimulation extends Simulation {

    static final int YEAR = 2052;
    static final String PASSWORD = "clave-agente-bench";
    static final int CLIENTS = 32;

    /** One phase of the run: what it measured. */
    static final class Phase {
        final String name;
        final int each;
        final ConcurrentLinkedQueue<String> agents = new ConcurrentLinkedQueue<>();
        final BenchApp.Latencies latencies = new BenchApp.Latencies();
        final AtomicLong acknowledged = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong lastEnd = new AtomicLong(0);
        volatile String loadBefore = "?";
        volatile String loadAfter = "?";

        Phase(String name, int each) {
            this.name = name;
            this.each = each;
        }

        double perSecond() {
            return acknowledged.get() / Bench.seconds(lastEnd.get() - firstStart.get());
        }
    }

    final BenchApp app;
    final long[] projects;
    final List<String> agents = new ArrayList<>();
    final Phase warmVote;
    final Phase warmBare;
    final Phase bare1;
    final Phase votes;
    final Phase bare2;

    public VoteVsBareSimulation() {
        int each = Integer.getInteger("bench.requests", 200);
        int warm = Integer.getInteger("bench.warmup", 20);
        warmBare = new Phase("warm-up insert", warm);
        warmVote = new Phase("warm-up vote", warm);
        bare1 = new Phase("bare insert (1)", each);
        votes = new Phase("vote", each);
        bare2 = new Phase("bare insert (2)", each);
        app = BenchApp.start(Map.of("participa.ledger.sealer-enabled", "true"), "test", "bench");
        JdbcClient jdbc = app.bean(JdbcClient.class);
        projects = seed(jdbc, each + warm);
        System.out.printf(Locale.ROOT, "BENCH seeded: cycle %d in VOTACION, %d projects, %d agents, database %s%n",
                YEAR, projects.length, agents.size(), app.jdbcUrl);
        if (BenchApp.postgres()) {
            System.out.println("BENCH synchronous_commit = " + jdbc.sql("SHOW synchronous_commit").query(String.class)
                    .single() + ", fsync = " + jdbc.sql("SHOW fsync").query(String.class).single());
        }
        for (Phase p : List.of(warmBare, warmVote, bare1, votes, bare2)) {
            p.agents.addAll(agents);
        }
        setUp(scenarioOf(warmBare, false).injectOpen(atOnceUsers(CLIENTS))
                .andThen(scenarioOf(warmVote, true).injectOpen(atOnceUsers(CLIENTS)))
                .andThen(scenarioOf(bare1, false).injectOpen(atOnceUsers(CLIENTS)))
                .andThen(scenarioOf(votes, true).injectOpen(atOnceUsers(CLIENTS)))
                .andThen(scenarioOf(bare2, false).injectOpen(atOnceUsers(CLIENTS))))
                .protocols(http.baseUrl("http://localhost:" + app.port).disableFollowRedirect()
                        .acceptHeader("text/html").userAgentHeader("Gatling (participa bench)"));
    }

    private long[] seed(JdbcClient jdbc, int allowance) {
        long[] ids = app.votingCycle(YEAR, allowance, "0697", 5_100_000);
        for (int c = 0; c < CLIENTS; c++) {
            String dni = String.format("6%07d", 500 + c);
            app.accreditedAgent(YEAR, dni, PASSWORD, "0697");
            agents.add(dni);
        }
        return ids;
    }

    /** Log in (untimed), read the ballot's CSRF token, then EACH requests without pause, timed. */
    private ScenarioBuilder scenarioOf(Phase p, boolean vote) {
        ChainBuilder request = vote
                ? exec(http(p.name).post(s -> "/votacion/" + projects[(s.getInt("offset") + s.getInt("i"))
                                % projects.length])
                        .formParam("_csrf", "#{csrf}").formParam("confirmado", "true")
                        .check(responseTimeInMillis().saveAs("rt"), header("Location").saveAs("loc"),
                                status().is(302).saveAs("st")))
                : exec(http(p.name).post("/bench/insercion").formParam("_csrf", "#{csrf}")
                        .check(responseTimeInMillis().saveAs("rt"), header("Location").saveAs("loc"),
                                status().is(302).saveAs("st")));
        return scenario(p.name)
                .exec(s -> {
                    p.loadBefore = p.loadBefore.equals("?") ? BenchApp.load() : p.loadBefore;
                    return s.set("dni", p.agents.poll());
                })
                .exec(http("página de ingreso").get("/login")
                        .check(status().is(200), css("input[name='_csrf']", "value").saveAs("csrf")))
                .exec(http("ingreso").post("/login").formParam("username", "#{dni}")
                        .formParam("password", PASSWORD).formParam("_csrf", "#{csrf}")
                        .check(status().is(302), header("Location").transform(l -> l.contains("error")).is(false)))
                .exec(http("boleta (token CSRF)").get("/votacion")
                        .check(status().is(200), css("input[name='_csrf']", "value").saveAs("csrf")))
                .exec(s -> {
                    p.firstStart.accumulateAndGet(System.nanoTime(), Math::min);
                    // each phase of votes starts where this agent's earlier phase ended (no project twice)
                    int offset = agents.indexOf(s.getString("dni")) * 7 + (p == votes ? warmVote.each : 0);
                    return s.set("offset", offset);
                })
                .repeat(p.each, "i").on(
                        exec(s -> s.remove("st").remove("rt").remove("loc"))
                                .exec(request)
                                .exec(s -> {
                                    p.latencies.add(s.contains("rt") ? s.getInt("rt") : 60_000);
                                    if (s.contains("st") && s.contains("loc")
                                            && s.getString("loc").endsWith("/votacion")) {
                                        p.acknowledged.incrementAndGet();
                                    } else {
                                        p.failed.incrementAndGet();
                                    }
                                    return s;
                                }))
                .exec(s -> {
                    p.lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
                    p.loadAfter = BenchApp.load();
                    return s;
                });
    }

    @Override
    public void after() {
        JdbcClient jdbc = app.bean(JdbcClient.class);
        long votesStored = jdbc.sql("SELECT COUNT(*) FROM vote WHERE cycle_year = ?").param(YEAR).query(Long.class)
                .single();
        long distinct = jdbc.sql("SELECT COUNT(*) FROM (SELECT DISTINCT document_number, project_id FROM vote "
                + "WHERE cycle_year = ?) d").param(YEAR).query(Long.class).single();
        long insertsStored = jdbc.sql("SELECT COUNT(*) FROM bench_bare_insert").query(Long.class).single();
        for (Phase p : List.of(warmBare, warmVote, bare1, votes, bare2)) {
            System.out.printf(Locale.ROOT, "BENCH %s, %d clients: %d acknowledged, %d failed, %.1f s, %.0f/s, "
                            + "p50 %d ms, p99 %d ms; load %s -> %s%n", p.name, CLIENTS, p.acknowledged.get(),
                    p.failed.get(), Bench.seconds(p.lastEnd.get() - p.firstStart.get()), p.perSecond(),
                    p.latencies.percentile(50), p.latencies.percentile(99), p.loadBefore, p.loadAfter);
        }
        double baseline = (bare1.perSecond() + bare2.perSecond()) / 2;
        double ratio = votes.perSecond() / baseline;
        long baseP99 = Math.max(bare1.latencies.percentile(99), bare2.latencies.percentile(99));
        boolean exact = votesStored == warmVote.acknowledged.get() + votes.acknowledged.get() && distinct == votesStored
                && insertsStored == warmBare.acknowledged.get() + bare1.acknowledged.get() + bare2.acknowledged.get();
        System.out.printf(Locale.ROOT, "BENCH vote vs bare insert at %d clients: votes %.0f/s p99 %d ms; bare insert "
                        + "%.0f/s (mean of %.0f and %.0f) p99 %d ms; ratio vote/baseline %.2f; stored = acknowledged: "
                        + "%s (votes %d, inserts %d)%n", CLIENTS, votes.perSecond(), votes.latencies.percentile(99),
                baseline, bare1.perSecond(), bare2.perSecond(), baseP99, ratio, exact, votesStored, insertsStored);
        Bench.report("Vote vs bare HTTP insert (Gatling), 32 clients, " + votes.acknowledged.get() + " votes",
                String.format(Locale.ROOT, "%.0f votes/s, p99 %d ms (p50 %d ms); load avg %s-%s", votes.perSecond(),
                        votes.latencies.percentile(99), votes.latencies.percentile(50), votes.loadBefore,
                        votes.loadAfter),
                String.format(Locale.ROOT, "%.0f bare inserts/s (POST /bench/insercion, same chain), p99 %d ms",
                        baseline, baseP99),
                ratio, ">= 0.50 of baseline, p99 < 100 ms", ratio >= 0.5 && votes.latencies.percentile(99) < 100);
        app.stop();
        if (!exact) {
            throw new IllegalStateException("rows stored differ from requests acknowledged");
        }
    }
}
