package pe.gob.regioncajamarca.participa.shared;

import java.util.List;

/**
 * A request refused with the Spanish messages that tell the person what to fix, all at once; nothing of it was
 * stored. Each module's refusal extends it (so that its callers can catch its own type), none repeats it.
 */
public class Refused extends RuntimeException {

    private final List<String> errors;

    public Refused(List<String> errors) {
        super(String.join(" ", errors));
        this.errors = List.copyOf(errors);
    }

    public Refused(String error) {
        this(List.of(error));
    }

    /** The messages, in the order found. */
    public List<String> errors() {
        return errors;
    }
}
