package pe.gob.regioncajamarca.participa.cycle;

import java.util.List;

/** A cycle could not be opened: every reason, in Spanish. */
public class CycleValidationException extends RuntimeException {

    private final List<String> errors;

    public CycleValidationException(List<String> errors) {
        super(String.join(" ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
