package pe.gob.regioncajamarca.participa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import pe.gob.regioncajamarca.participa.ParticipaApplication;
import pe.gob.regioncajamarca.participa.testsupport.TestDatabaseInitializer;

/**
 * The application as the Gatling simulations load it: started inside the simulation's JVM (Gatling's forked JVM)
 * with profile test on a free port, on H2 in memory or, with {@code -Dparticipa.test.db=postgres}, on a fresh
 * database of an embedded PostgreSQL where commits are durable ({@code synchronous_commit = on}; the embedded
 * server's default is off).
 */
final class BenchApp {

    final ConfigurableApplicationContext context;
    final int port;
    final String jdbcUrl;
    final String user;
    final String password;

    private BenchApp(ConfigurableApplicationContext context, String jdbcUrl, String user, String password) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    static boolean postgres() {
        return TestDatabaseInitializer.usePostgres();
    }

    static BenchApp start(Map<String, String> properties) {
        return start(properties, "test");
    }

    /** With other Spring profiles besides test, e.g. {@code bench} (the vote's baseline endpoint). */
    static BenchApp start(Map<String, String> properties, String... profiles) {
        String[] db = new String[3];
        ApplicationContextInitializer<ConfigurableApplicationContext> database = ctx -> {
            if (!postgres()) {
                String url = "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
                TestPropertyValues.of("spring.datasource.url=" + url).applyTo(ctx.getEnvironment());
                db[0] = url;
                db[1] = "sa";
                db[2] = "";
                return;
            }
            EmbeddedPostgres pg = TestDatabaseInitializer.postgres();
            String name = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
                // durable commits, as in production (zonky's embedded server turns synchronous_commit off)
                s.execute("ALTER DATABASE " + name + " SET synchronous_commit = on");
                // and fsync (zonky's server has it off; the server is this JVM's own). In the runs of 2026-11-23
                // SHOW fsync still said off afterwards (zonky's start options win): see docs/performance.md
                s.execute("ALTER SYSTEM SET fsync = on");
                s.execute("SELECT pg_reload_conf()");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            db[0] = pg.getJdbcUrl("postgres", name);
            db[1] = "postgres";
            db[2] = "postgres";
            TestPropertyValues.of("spring.datasource.url=" + db[0], "spring.datasource.username=postgres",
                    "spring.datasource.password=postgres", "spring.datasource.driver-class-name=org.postgresql.Driver")
                    .applyTo(ctx.getEnvironment());
        };
        SpringApplicationBuilder app = new SpringApplicationBuilder(ParticipaApplication.class).profiles(profiles)
                .initializers(database);
        // as command-line arguments: they win over application.yml and application-test.yml
        java.util.Map<String, String> props = new java.util.HashMap<>(properties);
        props.putIfAbsent("server.port", "0");
        ConfigurableApplicationContext ctx = app.run(props.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        return new BenchApp(ctx, db[0], db[1], db[2]);
    }

    void stop() {
        context.close();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The 1-minute load average of the machine (other workers share its 2 cores). */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Response times in ms (1 ms buckets up to 60 s), safe for Gatling's threads. */
    static final class Latencies {
        private final AtomicIntegerArray buckets = new AtomicIntegerArray(60_001);
        private final AtomicLong count = new AtomicLong();

        void add(long millis) {
            buckets.incrementAndGet((int) Math.min(60_000, Math.max(0, millis)));
            count.incrementAndGet();
        }

        long count() {
            return count.get();
        }

        long percentile(double p) {
            long n = count.get();
            if (n == 0) {
                return -1;
            }
            long rank = (long) Math.ceil(p / 100.0 * n);
            long seen = 0;
            for (int i = 0; i < buckets.length(); i++) {
                seen += buckets.get(i);
                if (seen >= rank) {
                    return i;
                }
            }
            return 60_000;
        }
    }

    /**
     * A cycle in VOTACION for the vote simulations, seeded untimed: the allowance far above the 50 a cycle may give
     * (one agent per client logs in once and then only votes; the vote's path does not depend on it), a bench
     * province, district and unit, and {@code allowance + 100} projects from CUI {@code firstCui}. Returns the
     * projects' ids in order.
     */
    long[] votingCycle(int year, int allowance, String provinceCode, int firstCui) {
        var jdbc = bean(org.springframework.jdbc.core.simple.JdbcClient.class);
        var cycles = bean(pe.gob.regioncajamarca.participa.cycle.CycleService.class);
        java.time.LocalDate today = bean(pe.gob.regioncajamarca.participa.calendar.DueDates.class).today();
        java.util.List<String> scopes = java.util.List.copyOf(pe.gob.regioncajamarca.participa.projects.Scopes.ALL);
        Map<String, java.math.BigDecimal> split = new java.util.HashMap<>();
        scopes.forEach(x -> split.put(x, new java.math.BigDecimal("1000000")));
        cycles.open(new pe.gob.regioncajamarca.participa.cycle.OpenCycleCommand(year,
                new java.math.BigDecimal("1000000").multiply(java.math.BigDecimal.valueOf(split.size())), 50, split,
                java.util.List.of(new pe.gob.regioncajamarca.participa.cycle.Cycle.PhaseWindow(
                        pe.gob.regioncajamarca.participa.cycle.CyclePhase.VOTACION, today.minusDays(1),
                        today.plusDays(5)))), null);
        cycles.changePhase(year, pe.gob.regioncajamarca.participa.cycle.CyclePhase.VOTACION, null);
        jdbc.sql("UPDATE cycle SET votes_per_agent = ? WHERE cycle_year = ?").params(allowance, year).update();
        jdbc.sql("INSERT INTO province (code, name, scope) VALUES (?, 'Provincia bench', 'BENCH')").param(provinceCode)
                .update();
        jdbc.sql("INSERT INTO district (ubigeo, province_code, name) VALUES (?, ?, 'Distrito bench')")
                .params(provinceCode + "01", provinceCode).update();
        jdbc.sql("INSERT INTO executing_unit (code, name, group_id) VALUES ('unidad-bench', 'Unidad bench', "
                + "'unit-unidad-bench')").update();
        java.util.List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < allowance + 100; i++) {
            rows.add(new Object[] {year, String.valueOf(firstCui + i), "Proyecto de prueba de carga " + i,
                    scopes.get(i % scopes.size()), new java.math.BigDecimal(100_000 + i), "Transporte", "unidad-bench",
                    50});
        }
        bean(org.springframework.jdbc.core.JdbcTemplate.class).batchUpdate("INSERT INTO project (cycle_year, cui, "
                + "name, scope, cost, sector, executing_unit, technical_score) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        return jdbc.sql("SELECT id FROM project WHERE cycle_year = ? ORDER BY id").param(year)
                .query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
    }

    /** An accredited agent of {@code year} in the bench province, with an account and {@code password}. */
    void accreditedAgent(int year, String dni, String password, String provinceCode) {
        long id = bean(pe.gob.regioncajamarca.participa.identity.CitizenAccounts.class)
                .create("DNI", dni, password, "bench" + dni + "@example.pe", "Agente", "Carga", null);
        java.sql.Timestamp now = pe.gob.regioncajamarca.participa.calendar.Now.timestamp();
        bean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("""
                INSERT INTO agent_registration (cycle_year, citizen_id, document_number, mobile_phone, sex,
                    birth_date, education_level, province_code, district_ubigeo, consent_at, status, created_at)
                VALUES (?, ?, ?, '987654321', 'F', DATE '1980-01-01', 'Secundaria', ?, ?, ?, 'ACREDITADO', ?)""")
                .params(year, id, dni, provinceCode, provinceCode + "01", now, now).update();
    }
}
