package pe.gob.regioncajamarca.participa.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs {@link StaffIdentitySetup} as soon as the engine is built, before the web server accepts requests.
 * While no user is a member of camunda-admin, Camunda Admin offers anybody a page to create the first
 * administrator; with the setup at ApplicationReadyEvent only, that page was reachable for the seconds
 * between "Tomcat started" and "application ready" on the first start of a postgres installation.
 * (JdbcClient makes Flyway migrate first, so {@code executing_unit} exists.) {@link IdentityStartup} runs it
 * again when the application is ready (idempotent, cheap), which keeps the ordering with demo data.
 */
@Component
class StaffIdentityPlugin extends AbstractProcessEnginePlugin {

    private final JdbcClient jdbc;
    private final Environment env;

    StaffIdentityPlugin(JdbcClient jdbc, Environment env) {
        this.jdbc = jdbc;
        this.env = env;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        new StaffIdentitySetup(engine.getIdentityService(), engine.getAuthorizationService(), jdbc, env).run();
    }
}
