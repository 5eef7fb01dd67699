package pe.gob.regioncajamarca.participa.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** A jar started without a profile refuses to start (the demo would give anyone admin/demo), in one clear line. */
class ProfileRequiredTest {

    static StandardEnvironment env(String... profiles) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", Map.of()));
        env.setActiveProfiles(profiles);
        return env;
    }

    @Test
    void noProfileIsRefusedWithOneLineThatSaysHow() {
        Throwable thrown = catchThrowable(() -> new ProfileRequired().postProcessEnvironment(env(), null));
        assertThat(thrown).isInstanceOf(ProfileRequired.NoProfileException.class);
        FailureAnalysis analysis = new NoProfileFailureAnalyzer().analyze(thrown);
        assertThat(analysis.getDescription())
                .contains("Elija un perfil: --spring.profiles.active=postgres (producción)")
                .contains("demo (demostración)").doesNotContain("\n");
        assertThat(analysis.getAction()).contains("--spring.profiles.active=demo").doesNotContain("\n");
    }

    @Test
    void anUnknownProfileAloneIsRefused() {
        assertThat(catchThrowable(() -> new ProfileRequired().postProcessEnvironment(env("postgre"), null)))
                .isInstanceOf(ProfileRequired.NoProfileException.class).hasMessageContaining("postgre");
    }

    @Test
    void demoPostgresAndTestAreAccepted() {
        new ProfileRequired().postProcessEnvironment(env("demo"), null);
        new ProfileRequired().postProcessEnvironment(env("postgres"), null);
        new ProfileRequired().postProcessEnvironment(env("test"), null);
        new ProfileRequired().postProcessEnvironment(env("postgres", "metrics"), null);
    }

    @Test
    void theDemoAsDefaultProfileIsAccepted() {
        // ./mvnw spring-boot:run sets spring.profiles.default=demo (pom.xml)
        StandardEnvironment env = env();
        env.setDefaultProfiles("demo");
        new ProfileRequired().postProcessEnvironment(env, null);
    }
}
