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
}
