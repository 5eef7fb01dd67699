package pe.gob.regioncajamarca.participa.identity;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * The demo (demo users with the password "demo", an administrator, the mail sink) runs only when asked for: a jar
 * started without {@code demo}, {@code postgres} (or the tests' {@code test}) among its profiles stops before
 * anything else with {@link NoProfileException}, which {@link NoProfileFailureAnalyzer} reports in one line
 * (exit code 1). {@code ./mvnw spring-boot:run} asks for the demo itself (spring-boot-maven-plugin in pom.xml sets
 * {@code spring.profiles.default=demo}, which an explicitly chosen profile overrides).
 */
public class ProfileRequired implements EnvironmentPostProcessor {

    static final String MESSAGE = "Elija un perfil: --spring.profiles.active=postgres (producción) "
            + "o --spring.profiles.active=demo (demostración)";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        // after ConfigDataEnvironmentPostProcessor (this one has the lowest precedence), so profiles activated in
        // configuration files count too; acceptsProfiles falls back on the default profiles when none is active
        if (!env.acceptsProfiles(Profiles.of("demo | postgres | test"))) {
            throw new NoProfileException(env.getActiveProfiles().length == 0
                    ? "ninguno" : String.join(", ", Arrays.asList(env.getActiveProfiles())));
        }
    }

    /** Start-up refused: neither the demo nor production was chosen. */
    public static class NoProfileException extends IllegalStateException {
        NoProfileException(String active) {
            super("No se eligió un perfil (activos: " + active + "). " + MESSAGE);
        }
    }
}
