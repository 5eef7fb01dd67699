package pe.gob.regioncajamarca.participa.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;

/** What a form declares: the fields the user fills in, those only shown, and those that stay transient. */
class FormFieldsTest {

    @Test
    void anEmbeddedFormDeclaresItsWritableShownAndTransientFields() {
        FormFields.Declared d = FormFields.embedded("""
                <input type="hidden" readonly cam-variable-name="periodo" cam-variable-type="String">
                <input type="number" cam-variable-name="avanceFisico" cam-variable-type="Double">
                <input id="foto" type="file"
                       cam-variable-name="foto" cam-variable-type="File"
                       data-variable-transitoria>
                <textarea cam-variable-name="nota"></textarea>""");
        assertThat(d.writable()).containsExactlyInAnyOrder("avanceFisico", "foto", "nota");
        assertThat(d.shown()).containsExactly("periodo");
        assertThat(d.transients()).containsExactly("foto");
    }

    @Test
    void aCamundaFormMarksATransientFieldWithAProperty() throws Exception {
        FormFields.Declared d = FormFields.camundaForm(new ByteArrayInputStream("""
                {"id": "f", "components": [
                  {"key": "archivo", "type": "filepicker", "properties": {"transitoria": "true"}},
                  {"key": "comentario", "type": "textfield"},
                  {"key": "dato", "type": "textfield", "readonly": true, "properties": {"transitoria": "true"}}]}"""
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(d.writable()).containsExactlyInAnyOrder("archivo", "comentario");
        assertThat(d.transients()).containsExactly("archivo");
    }

    @Test
    void theQuarterlyReportsEvidenceIsTransientAndNothingElseOfItsFormIs() {
        FormFields.Declared d = FormFields.fromClasspath().embeddedForm("embedded:app:forms/reportar-avance.html")
                .orElseThrow();
        assertThat(d.transients()).containsExactlyInAnyOrder("evidencia1", "evidencia2", "evidencia3");
        assertThat(d.writable()).contains("avanceFisico", "evidencia1");
    }

    @Test
    void aSubmittedFileBecomesATransientFileWithItsNameAndType() throws Exception {
        TypedValue v = TransientValues.of(Variables.fileValue("obra.jpg").file(new byte[] {1, 2, 3})
                .mimeType("image/jpeg").create());
        assertThat(v.isTransient()).isTrue();
        FileValue file = (FileValue) v;
        assertThat(file.getFilename()).isEqualTo("obra.jpg");
        assertThat(file.getMimeType()).isEqualTo("image/jpeg");
        assertThat(file.getValue().readAllBytes()).containsExactly(1, 2, 3);
        assertThat(TransientValues.of(Variables.byteArrayValue(new byte[] {4})).isTransient()).isTrue();
        assertThat(TransientValues.of(null).isTransient()).isTrue();
    }
}
