package pe.gob.regioncajamarca.participa.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.BytesValue;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A submitted value as a transient variable of the engine: it lives while the command that received it runs (its
 * listeners read it as any variable) and is written nowhere, neither to the runtime tables nor to the history.
 */
final class TransientValues {

    private TransientValues() {
    }

    static TypedValue of(Object value) {
        if (value instanceof TypedValue typed && typed.isTransient()) {
            return typed;
        }
        if (value instanceof FileValue file) {
            byte[] bytes;
            try (InputStream in = file.getValue()) {
                bytes = in == null ? new byte[0] : in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Variables.fileValue(file.getFilename() == null ? "" : file.getFilename()).file(bytes)
                    .mimeType(file.getMimeType()).encoding(file.getEncoding()).setTransient(true).create();
        }
        if (value instanceof BytesValue bytes) {
            return Variables.byteArrayValue(bytes.getValue(), true);
        }
        Object raw = value instanceof TypedValue typed ? typed.getValue() : value;
        if (raw == null) {
            return Variables.untypedNullValue(true);
        }
        if (raw instanceof byte[] bytes) {
            return Variables.byteArrayValue(bytes, true);
        }
        return Variables.untypedValue(raw, true);
    }
}
