package pe.gob.regioncajamarca.participa.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Profile postgres refuses to start without its database and first administrator, in one clear line. */
class RequiredConfigurationTest {

    static StandardEnvironment env(String profile, Map<String, Object> props) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", props));
        env.setActiveProfiles(profile);
        return env;
    }

    @Test
    void postgresWithoutDatabaseOrAdminIsRefusedInOneLine() {
        var env = env("postgres", Map.of("spring.datasource.url", "jdbc:postgresql://db/participa"));
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> new RequiredConfiguration().postProcessEnvironment(env, null));
        assertThat(thrown).isInstanceOf(RequiredConfiguration.MissingConfigurationException.class);
        FailureAnalysis analysis = new MissingConfigurationFailureAnalyzer().analyze(thrown);
        assertThat(analysis.getDescription()).isEqualTo("Falta configuración obligatoria del perfil postgres: "
                + "SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD, PARTICIPA_ADMIN_USERNAME, "
                + "PARTICIPA_ADMIN_PASSWORD, PARTICIPA_MAIL_SECRET, PARTICIPA_LEDGER_SECRET").doesNotContain("\n");
        assertThat(analysis.getAction()).contains("README.md");
    }

    @Test
    void postgresWithEverythingStarts() {
        var env = env("postgres", Map.of("spring.datasource.url", "jdbc:postgresql://db/participa",
                "spring.datasource.username", "participa", "spring.datasource.password", "s",
                "participa.admin.username", "jefe", "participa.admin.password", "s3cr3t",
                "participa.mail.preferences-secret", "m", "participa.ledger.pseudonym-secret", "l"));
        new RequiredConfiguration().postProcessEnvironment(env, null);
    }

    @Test
    void otherProfilesNeedNothing() {
        new RequiredConfiguration().postProcessEnvironment(env("demo", Map.of()), null);
        assertThatThrownBy(() -> new RequiredConfiguration().postProcessEnvironment(env("postgres", Map.of()), null))
                .hasMessageContaining("SPRING_DATASOURCE_URL");
    }
}
