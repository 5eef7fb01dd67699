package pe.gob.regioncajamarca.participa.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.cycle.OpenCycleCommand;
import pe.gob.regioncajamarca.participa.cycle.PrioritisationRun;
import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.voting.VotingService;

/**
 * Benchmark 7 of issue 10, "Portal": 32 concurrent clients (Gatling, no pause) read the public pages of a
 * prioritised cycle with 2,000 projects: the project list (a random page of 25), a project's page (a random
 * project) and the cycle's results page (the whole prioritisation matrix). Baseline in the same run, first: the
 * same 32 clients reading /actuator/health (one trivial database check, the application's cheapest dynamic
 * answer). On H2 and, with {@code -Dparticipa.test.db=postgres}, on PostgreSQL. Target: p99 under 100 ms.
 *
 * <p>Size: {@code -Dbench.rounds=40} rounds of the three pages per client (default).
 */
public class PortalSimulation extends Simulation {

    static final int YEAR = 2051;
    static final int PROJECTS = 2_000;
    static final int CLIENTS = 32;

    final BenchApp app;
    final List<String> cuis = new ArrayList<>();
    final Map<String, BenchApp.Latencies> latencies = new LinkedHashMap<>();
    final AtomicLong failed = new AtomicLong();
    final Map<String, String> load = new HashMap<>();
    final Map<String, long[]> window = new HashMap<>();

    public PortalSimulation() {
        int rounds = Integer.getInteger("bench.rounds", 40);
        app = BenchApp.start(Map.of());
        seed();
        System.out.printf(Locale.ROOT, "BENCH seeded: cycle %d prioritised, %d projects, database %s%n", YEAR,
                cuis.size(), app.jdbcUrl);
        for (String page : List.of("baseline", "lista", "proyecto", "resultados")) {
            latencies.put(page, new BenchApp.Latencies());
        }
        ScenarioBuilder baseline = scenario("línea base: /actuator/health")
                .exec(s -> mark("baseline", s))
                .repeat(rounds * 3).on(get("baseline", "salud", s -> "/actuator/health"))
                .exec(s -> mark("baseline", s));
        ScenarioBuilder pages = scenario("portal: lista, proyecto, resultados")
                .exec(s -> mark("pages", s))
                .repeat(rounds).on(
                        get("lista", "lista de proyectos", s -> "/proyectos?ciclo=" + YEAR + "&pagina="
                                + (1 + ThreadLocalRandom.current().nextInt(PROJECTS / 25)))
                                .exec(get("proyecto", "página de proyecto", s -> "/proyectos/" + YEAR + "/"
                                        + cuis.get(ThreadLocalRandom.current().nextInt(cuis.size()))))
                                .exec(get("resultados", "resultados del ciclo", s -> "/resultados/" + YEAR)))
                .exec(s -> mark("pages", s));
        setUp(baseline.injectOpen(atOnceUsers(CLIENTS)).andThen(pages.injectOpen(atOnceUsers(CLIENTS))))
                .protocols(http.baseUrl("http://localhost:" + app.port).acceptHeader("text/html")
                        .userAgentHeader("Gatling (participa bench)"));
    }

    private io.gatling.javaapi.core.Session mark(String step, io.gatling.javaapi.core.Session s) {
        synchronized (window) {
            long[] w = window.computeIfAbsent(step, k -> new long[] {Long.MAX_VALUE, 0});
            long now = System.nanoTime();
            w[0] = Math.min(w[0], now);
            w[1] = Math.max(w[1], now);
            load.merge(step, BenchApp.load(), (a, b) -> a.contains("-") ? a.substring(0, a.indexOf('-')) + "-" + b
                    : a + "-" + b);
        }
        return s;
    }

    private ChainBuilder get(String key, String name, java.util.function.Function<io.gatling.javaapi.core.Session,
            String> path) {
        return exec(s -> s.remove("st").remove("rt"))
                .exec(http(name).get(path).header("Accept", key.equals("baseline") ? "application/json" : "text/html")
                        .check(responseTimeInMillis().saveAs("rt"), status().is(200).saveAs("st")))
                .exec(s -> {
                    // a request that timed out has no response time: counted as the timeout (60 s)
                    latencies.get(key).add(s.contains("rt") ? s.getInt("rt") : 60_000);
                    if (!s.contains("st")) {
                        failed.incrementAndGet();
                    }
                    return s;
                });
    }

    private void seed() {
        CycleService cycles = app.bean(CycleService.class);
        JdbcClient jdbc = app.bean(JdbcClient.class);
        Map<String, BigDecimal> split = new HashMap<>();
        Scopes.ALL.forEach(s -> split.put(s, new BigDecimal("5000000")));
        cycles.open(new OpenCycleCommand(YEAR, new BigDecimal("5000000").multiply(BigDecimal.valueOf(split.size())),
                5, split, List.of()), null);
        jdbc.sql("INSERT INTO executing_unit (code, name, group_id) VALUES ('unidad-bench', 'Unidad bench', "
                + "'unit-unidad-bench')").update();
        List<String> scopes = List.copyOf(Scopes.ALL);
        List<Object[]> rows = new ArrayList<>();
        String[] sectors = {"Transporte", "Salud", "Educación", "Saneamiento", "Agricultura"};
        for (int i = 0; i < PROJECTS; i++) {
            String cui = String.valueOf(6_000_000 + i);
            cuis.add(cui);
            rows.add(new Object[] {YEAR, cui, "Mejoramiento del servicio número " + i + " de la provincia",
                    scopes.get(i % scopes.size()), new BigDecimal(50_000 + (i * 7919L) % 900_000),
                    sectors[i % sectors.length], "unidad-bench", 40 + (i * 31) % 60, (i * 13) % 400});
        }
        app.bean(JdbcTemplate.class).batchUpdate("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, "
                + "executing_unit, technical_score, votes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        app.bean(VotingService.class).storeFinalCounts(YEAR);
        jdbc.sql("UPDATE project SET votes = (id * 13) % 400, online_votes = (id * 13) % 400 WHERE cycle_year = ?")
                .param(YEAR).update();
        app.bean(PrioritisationRun.class).run(YEAR);
        cycles.changePhase(YEAR, CyclePhase.PRIORIZACION, null);
    }

    @Override
    public void after() {
        BenchApp.Latencies base = latencies.get("baseline");
        long baseP99 = base.percentile(99);
        System.out.printf(Locale.ROOT, "BENCH baseline /actuator/health: %d requests, p50 %d ms, p99 %d ms, load %s%n",
                base.count(), base.percentile(50), baseP99, load.get("baseline"));
        for (String page : List.of("lista", "proyecto", "resultados")) {
            BenchApp.Latencies l = latencies.get(page);
            long p99 = l.percentile(99);
            String what = switch (page) {
                case "lista" -> "project list (page of 25 of 2,000)";
                case "proyecto" -> "project page";
                default -> "results page (2,000 projects)";
            };
            System.out.printf(Locale.ROOT, "BENCH %s: %d requests, p50 %d ms, p99 %d ms%n", what, l.count(),
                    l.percentile(50), p99);
            Bench.report("Portal at 32 clients (Gatling): " + what,
                    String.format(Locale.ROOT, "p99 %d ms (p50 %d ms, %d requests); load avg %s", p99,
                            l.percentile(50), l.count(), load.get("pages")),
                    String.format(Locale.ROOT, "p99 %d ms (p50 %d ms): /actuator/health, same 32 clients", baseP99,
                            base.percentile(50)),
                    (double) Math.max(1, p99) / Math.max(1, baseP99), "p99 < 100 ms", p99 < 100);
        }
        System.out.println("BENCH failed requests: " + failed.get());
        app.stop();
    }
}
