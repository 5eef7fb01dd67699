package pe.gob.regioncajamarca.participa.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.projects.ExecutingUnits;

/**
 * Runs {@link StaffIdentitySetup} as soon as the engine is built, before the web server accepts requests.
 * While no user is a member of camunda-admin, Camunda Admin offers anybody a page to create the first
 * administrator; with the setup at ApplicationReadyEvent only, that page was reachable for the seconds
 * between "Tomcat started" and "application ready" on the first start of a postgres installation.
 * (ExecutingUnits reads through JdbcClient, which makes Flyway migrate first, so the units exist.) {@link IdentityStartup} runs it
 * again when the application is ready (idempotent, cheap), which keeps the ordering with demo data.
 */
@Component
class StaffIdentityPlugin extends AbstractProcessEnginePlugin {

    private final JdbcClient jdbc;
    private final Environment env;
    private final ExecutingUnits executingUnits;

    StaffIdentityPlugin(JdbcClient jdbc, Environment env, ExecutingUnits executingUnits) {
        this.jdbc = jdbc;
        this.env = env;
        this.executingUnits = executingUnits;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        new StaffIdentitySetup(engine.getIdentityService(), engine.getAuthorizationService(), jdbc, env,
                executingUnits).run();
    }
}
