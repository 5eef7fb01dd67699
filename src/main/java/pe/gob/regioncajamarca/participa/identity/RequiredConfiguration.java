package pe.gob.regioncajamarca.participa.identity;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Profile {@code postgres} needs a database, a first administrator and its own secrets (signed mail links, the
 * ledger's pseudonyms) from the environment. When one is
 * missing, start-up stops before anything else with {@link MissingConfigurationException}, which
 * {@link MissingConfigurationFailureAnalyzer} reports in one line.
 */
public class RequiredConfiguration implements EnvironmentPostProcessor {

    static final String[][] REQUIRED = {
            {"spring.datasource.url", "SPRING_DATASOURCE_URL"},
            {"spring.datasource.username", "SPRING_DATASOURCE_USERNAME"},
            {"spring.datasource.password", "SPRING_DATASOURCE_PASSWORD"},
            {"participa.admin.username", "PARTICIPA_ADMIN_USERNAME"},
            {"participa.admin.password", "PARTICIPA_ADMIN_PASSWORD"},
            // the demo's defaults would make signed mail links forgeable and the ledger's pseudonyms reversible
            {"participa.mail.preferences-secret", "PARTICIPA_MAIL_SECRET"},
            {"participa.ledger.pseudonym-secret", "PARTICIPA_LEDGER_SECRET"}};

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.acceptsProfiles(Profiles.of("postgres"))) {
            return;
        }
        List<String> missing = missing(env);
        if (!missing.isEmpty()) {
            throw new MissingConfigurationException(missing);
        }
    }

    static List<String> missing(ConfigurableEnvironment env) {
        List<String> missing = new ArrayList<>();
        for (String[] r : REQUIRED) {
            String v = env.getProperty(r[0]);
            if (v == null || v.isBlank()) {
                missing.add(r[1]);
            }
        }
        return missing;
    }

    /** Start-up refused: required configuration is missing. */
    public static class MissingConfigurationException extends IllegalStateException {
        private final List<String> missing;

        MissingConfigurationException(List<String> missing) {
            super("Falta configuración obligatoria del perfil postgres: " + String.join(", ", missing));
            this.missing = List.copyOf(missing);
        }

        public List<String> missing() {
            return missing;
        }
    }
}
