package pe.gob.regioncajamarca.participa.training;

import java.util.List;

/** Training input refused with one Spanish message per problem, each saying what to fix; nothing of it is stored. */
public class TrainingInvalid extends pe.gob.regioncajamarca.participa.shared.Refused {

    public TrainingInvalid(List<String> errors) {
        super(errors);
    }

    public TrainingInvalid(String error) {
        super(error);
    }
}
