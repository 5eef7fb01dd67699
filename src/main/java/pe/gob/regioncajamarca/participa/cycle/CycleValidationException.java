package pe.gob.regioncajamarca.participa.cycle;

import java.util.List;

/** A cycle could not be opened: every reason, in Spanish. */
public class CycleValidationException extends pe.gob.regioncajamarca.participa.shared.Refused {

    public CycleValidationException(List<String> errors) {
        super(errors);
    }
}
