package pe.gob.regioncajamarca.participa.training;

import java.util.List;

/** Input refused with one Spanish message per problem, each saying what to fix; nothing of it is stored. */
public class TrainingInvalid extends RuntimeException {

    private final List<String> errors;

    public TrainingInvalid(List<String> errors) {
        super(String.join(" ", errors));
        this.errors = List.copyOf(errors);
    }

    public TrainingInvalid(String error) {
        this(List.of(error));
    }

    public List<String> errors() {
        return errors;
    }
}
