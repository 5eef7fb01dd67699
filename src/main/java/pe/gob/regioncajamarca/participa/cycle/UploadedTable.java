package pe.gob.regioncajamarca.participa.cycle;

import java.io.IOException;
import java.util.List;

import pe.gob.regioncajamarca.participa.documents.TabularFile.Problem;
import pe.gob.regioncajamarca.participa.documents.TabularFile.RejectedFile;

/** A table file uploaded in a Tasklist form (the engine's file value), for the cycle's glue. */
final class UploadedTable {

    private UploadedTable() {
    }

    /** The bytes of a file uploaded in a Tasklist form; a missing file is a rejection with {@code missing}. */
    static byte[] uploaded(org.camunda.bpm.engine.variable.value.FileValue file, String missing) {
        if (file == null || file.getValue() == null) {
            throw new RejectedFile(List.of(new Problem(1, null, missing)));
        }
        try (var in = file.getValue()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
