package pe.gob.regioncajamarca.participa.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link RequiredConfiguration.MissingConfigurationException} into one clear line at start-up. */
public class MissingConfigurationFailureAnalyzer
        extends AbstractFailureAnalyzer<RequiredConfiguration.MissingConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, RequiredConfiguration.MissingConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Defina las variables de entorno " + String.join(", ", cause.missing())
                        + " (vea README.md, sección PostgreSQL).", cause);
    }
}
