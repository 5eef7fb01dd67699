package pe.gob.regioncajamarca.participa.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.util.DetailedError;

/** Issue 19: one message per field, the most useful, in the form's field order. */
class FormErrorsTest {

    static class Form {
        String documentNumber;
        String sex;
        java.math.BigDecimal amount;
        boolean accept;
    }

    static DetailedError e(String field, String code, String message) {
        return new DetailedError(field, code, null, message);
    }

    @Test
    void oneMessagePerFieldTheMostUsefulInTheFormsOrder() {
        List<DetailedError> errors = List.of(
                e("accept", "AssertTrue", "Debe aceptar."),
                e("sex", "Pattern", "Elija femenino o masculino."),
                e("amount", "Digits", "Admite como máximo 2 decimales."),
                e("sex", "NotBlank", "Elija su sexo."),
                e("documentNumber", "Pattern", "8 dígitos."),
                e("amount", "DecimalMax", "No puede pasar de S/ 10,000,000,000."),
                e("documentNumber", "NotBlank", "Escriba su número de documento."),
                new DetailedError("throttle", null, "Demasiados intentos."));
        FormErrors formErrors = new FormErrors();
        assertThat(formErrors.summary(errors, new Form())).extracting(DetailedError::getMessage).containsExactly(
                "Escriba su número de documento.", "Elija su sexo.", "No puede pasar de S/ 10,000,000,000.", "Debe aceptar.");
        assertThat(formErrors.of(errors, "sex")).isEqualTo("Elija su sexo.");
        assertThat(formErrors.of(errors, "amount")).isEqualTo("No puede pasar de S/ 10,000,000,000.");
        assertThat(formErrors.of(errors, "nothing")).isNull();
    }
}
