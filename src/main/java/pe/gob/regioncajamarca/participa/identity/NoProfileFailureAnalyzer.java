package pe.gob.regioncajamarca.participa.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link ProfileRequired.NoProfileException} into one clear line at start-up. */
public class NoProfileFailureAnalyzer extends AbstractFailureAnalyzer<ProfileRequired.NoProfileException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, ProfileRequired.NoProfileException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Arranque con --spring.profiles.active=postgres (producción, vea README.md) "
                        + "o --spring.profiles.active=demo (demostración).", cause);
    }
}
