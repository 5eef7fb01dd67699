package pe.gob.regioncajamarca.participa.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Benchmark 1 of issue 10, "Votes": accredited agents cast votes through the real HTTP stack (form login and
 * session cookie, the CSRF token of the ballot, the controller's checks, the vote's transaction with the ballot
 * decrement, the vote row and the integrity ledger entry, the ledger's sealer running every 5 s as in production)
 * with Gatling at 1, 8 and 32 concurrent clients, one after the other. Each client is one agent that logs in once
 * (the login is timed apart) and then votes for distinct projects without pause, not following the redirect to
 * the ballot page. Baseline, measured in the same run on the same database before the load: plain JDBC autocommit
 * single-row inserts into a table like {@code vote} at the same concurrency. After the run the stored votes are
 * counted: they must equal the votes acknowledged (answered with the redirect to the ballot), per agent.
 *
 * <p>Size: {@code -Dbench.votes32=100000} (default), {@code bench.votes8} (10,000), {@code bench.votes1} (2,000).
 */
public class VotesSimulation extends Simulation {

    static final int YEAR = 2050;
    static final String PASSWORD = "clave-agente-bench";
    static final int[] CLIENTS = {1, 8, 32};

    /** One load step: its clients' agents, the votes each casts, and what they measured. */
    static final class Step {
        final int clients;
        final int votesEach;
        final ConcurrentLinkedQueue<String> agents = new ConcurrentLinkedQueue<>();
        final List<String> allAgents = new ArrayList<>();
        final BenchApp.Latencies votes = new BenchApp.Latencies();
        final BenchApp.Latencies logins = new BenchApp.Latencies();
        final AtomicLong acknowledged = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final Map<String, AtomicLong> ackedBy = new java.util.concurrent.ConcurrentHashMap<>();
        final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong lastEnd = new AtomicLong(0);
        volatile String loadBefore = "?";
        volatile String loadAfter = "?";
        double baselinePerSecond;
        long baselineInserts;

        Step(int clients, int votesEach) {
            this.clients = clients;
            this.votesEach = votesEach;
        }
    }

    final BenchApp app;
    final List<Step> steps = new ArrayList<>();
    final long[] projects;

    public VotesSimulation() {
        int v32 = Integer.getInteger("bench.votes32", 100_000);
        int v8 = Integer.getInteger("bench.votes8", 10_000);
        int v1 = Integer.getInteger("bench.votes1", 2_000);
        steps.add(new Step(1, v1));
        steps.add(new Step(8, v8 / 8));
        steps.add(new Step(32, (v32 + 31) / 32));
        int allowance = steps.stream().mapToInt(s -> s.votesEach).max().orElseThrow();

        app = BenchApp.start(Map.of("participa.ledger.sealer-enabled", "true"));
        JdbcClient jdbc = app.bean(JdbcClient.class);
        projects = seed(jdbc, allowance);
        System.out.printf(Locale.ROOT, "BENCH seeded: cycle %d in VOTACION, %d projects, %d agents, database %s%n",
                YEAR, projects.length, steps.stream().mapToInt(s -> s.clients).sum(), app.jdbcUrl);
        if (BenchApp.postgres()) {
            System.out.println("BENCH synchronous_commit = " + jdbc.sql("SHOW synchronous_commit").query(String.class)
                    .single() + ", fsync = " + jdbc.sql("SHOW fsync").query(String.class).single());
        }
        for (Step s : steps) {
            baseline(s);
        }

        HttpProtocolBuilder protocol = http.baseUrl("http://localhost:" + app.port).disableFollowRedirect()
                .acceptHeader("text/html").userAgentHeader("Gatling (participa bench)");
        PopulationBuilder chain = null;
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step s = steps.get(i);
            PopulationBuilder p = scenarioOf(s).injectOpen(atOnceUsers(s.clients));
            chain = chain == null ? p : p.andThen(chain);
        }
        setUp(chain).protocols(protocol);
    }

    private long[] seed(JdbcClient jdbc, int allowance) {
        long[] ids = app.votingCycle(YEAR, allowance, "0698", 5_000_000);
        int k = 0;
        for (Step s : steps) {
            for (int c = 0; c < s.clients; c++) {
                String dni = String.format("6%07d", ++k);
                app.accreditedAgent(YEAR, dni, PASSWORD, "0698");
                s.agents.add(dni);
                s.allAgents.add(dni);
                s.ackedBy.put(dni, new AtomicLong());
            }
        }
        return ids;
    }

    /** Plain JDBC, autocommit, one row per statement, at the step's concurrency, into a table like vote. */
    private void baseline(Step s) {
        String table = "bench_insert_" + s.clients;
        try (Connection c = DriverManager.getConnection(app.jdbcUrl, app.user, app.password)) {
            c.createStatement().execute("CREATE TABLE " + table + " (id BIGINT GENERATED BY DEFAULT AS IDENTITY "
                    + "PRIMARY KEY, cycle_year INT NOT NULL, document_number VARCHAR(12) NOT NULL, project_id BIGINT "
                    + "NOT NULL REFERENCES project(id), cast_at TIMESTAMP NOT NULL, "
                    + "UNIQUE (cycle_year, document_number, project_id))");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        int each = Math.min(s.votesEach, Math.max(1, 32_000 / s.clients));
        ExecutorService pool = Executors.newFixedThreadPool(s.clients);
        List<Future<?>> done = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < s.clients; t++) {
            String doc = String.format("B%07d", t);
            done.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(app.jdbcUrl, app.user, app.password);
                     PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                             + " (cycle_year, document_number, project_id, cast_at) VALUES (?, ?, ?, ?)")) {
                    c.setAutoCommit(true);
                    for (int i = 0; i < each; i++) {
                        ps.setInt(1, YEAR);
                        ps.setString(2, doc);
                        ps.setLong(3, projects[i % projects.length]);
                        ps.setTimestamp(4, Timestamp.from(Instant.now()));
                        ps.executeUpdate();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        long nanos = System.nanoTime() - t0;
        pool.shutdown();
        s.baselineInserts = (long) each * s.clients;
        s.baselinePerSecond = s.baselineInserts / Bench.seconds(nanos);
        System.out.printf(Locale.ROOT, "BENCH baseline %d threads: %d JDBC inserts in %.2f s = %.0f/s (load %s)%n",
                s.clients, s.baselineInserts, Bench.seconds(nanos), s.baselinePerSecond, BenchApp.load());
    }

    private ScenarioBuilder scenarioOf(Step s) {
        return scenario(s.clients + (s.clients == 1 ? " cliente" : " clientes"))
                .exec(session -> {
                    s.loadBefore = s.loadBefore.equals("?") ? BenchApp.load() : s.loadBefore;
                    return session.set("dni", s.agents.poll()).set("agentIndex", s.allAgents.size());
                })
                .exec(http("página de ingreso").get("/login")
                        .check(status().is(200), css("input[name='_csrf']", "value").saveAs("csrf")))
                .exec(http("ingreso").post("/login").formParam("username", "#{dni}")
                        .formParam("password", PASSWORD).formParam("_csrf", "#{csrf}")
                        .check(responseTimeInMillis().saveAs("rt"), status().is(302),
                                header("Location").transform(l -> l.contains("error")).is(false)))
                .exec(session -> {
                    s.logins.add(session.getInt("rt"));
                    return session;
                })
                .exec(http("boleta (token CSRF)").get("/votacion")
                        .check(status().is(200), css("input[name='_csrf']", "value").saveAs("csrf")))
                .exec(session -> {
                    s.firstStart.accumulateAndGet(System.nanoTime(), Math::min);
                    int offset = (int) (Math.abs((long) session.getString("dni").hashCode() * 7919) % projects.length);
                    return session.set("offset", offset);
                })
                .repeat(s.votesEach, "i").on(
                        exec(session -> session.remove("st").remove("rt").remove("loc"))
                                .exec(http("voto").post(session -> "/votacion/"
                                                + projects[(session.getInt("offset") + session.getInt("i")) % projects.length])
                                        .formParam("_csrf", "#{csrf}").formParam("confirmado", "true")
                                        .check(responseTimeInMillis().saveAs("rt"), header("Location").saveAs("loc"),
                                                status().is(302).saveAs("st")))
                                .exec(session -> {
                                    s.votes.add(session.contains("rt") ? session.getInt("rt") : 60_000);
                                    if (session.contains("st") && session.contains("loc")
                                            && session.getString("loc").endsWith("/votacion")) {
                                        s.acknowledged.incrementAndGet();
                                        s.ackedBy.get(session.getString("dni")).incrementAndGet();
                                    } else {
                                        s.failed.incrementAndGet();
                                    }
                                    return session;
                                }))
                .exec(session -> {
                    s.lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
                    s.loadAfter = BenchApp.load();
                    return session;
                });
    }

    @Override
    public void after() {
        JdbcClient jdbc = app.bean(JdbcClient.class);
        boolean allCounted = true;
        for (Step s : steps) {
            double seconds = Bench.seconds(s.lastEnd.get() - s.firstStart.get());
            double rate = s.acknowledged.get() / seconds;
            long stored = 0;
            boolean exact = true;
            for (String dni : s.allAgents) {
                long rows = jdbc.sql("SELECT COUNT(*) FROM vote WHERE cycle_year = ? AND document_number = ?")
                        .params(YEAR, dni).query(Long.class).single();
                long distinct = jdbc.sql("SELECT COUNT(DISTINCT project_id) FROM vote WHERE cycle_year = ? "
                        + "AND document_number = ?").params(YEAR, dni).query(Long.class).single();
                stored += rows;
                exact &= rows == s.ackedBy.get(dni).get() && distinct == rows;
            }
            exact &= stored == s.acknowledged.get();
            allCounted &= exact;
            double ratio = rate / s.baselinePerSecond;
            long p99 = s.votes.percentile(99);
            boolean met = s.clients != 32 || (ratio >= 0.5 && p99 < 100 && exact);
            System.out.printf(Locale.ROOT, "BENCH step %d clients: %d acknowledged, %d failed, %d stored, %.1f s, "
                            + "%.0f votes/s, p50 %d ms, p99 %d ms; logins p50 %d ms p99 %d ms; load %s -> %s%n",
                    s.clients, s.acknowledged.get(), s.failed.get(), stored, seconds, rate, s.votes.percentile(50),
                    p99, s.logins.percentile(50), s.logins.percentile(99), s.loadBefore, s.loadAfter);
            Bench.report("Votes through HTTP (Gatling), " + s.clients + (s.clients == 1 ? " client" : " clients")
                            + ", " + s.acknowledged.get() + " votes",
                    String.format(Locale.ROOT, "%.0f votes/s, p99 %d ms (p50 %d ms); stored %d = acknowledged %d: %s; "
                                    + "login p99 %d ms; load avg %s-%s", rate, p99, s.votes.percentile(50), stored,
                            s.acknowledged.get(), exact ? "none lost or doubled" : "MISMATCH",
                            s.logins.percentile(99), s.loadBefore, s.loadAfter),
                    String.format(Locale.ROOT, "%.0f inserts/s (plain JDBC autocommit, %d threads, %d rows)",
                            s.baselinePerSecond, s.clients, s.baselineInserts),
                    ratio, s.clients == 32 ? ">= 0.50 of baseline, p99 < 100 ms, none lost" : "(none at this step)",
                    met);
        }
        app.stop();
        if (!allCounted) {
            throw new IllegalStateException("votes stored differ from votes acknowledged");
        }
    }
}
