package pe.gob.regioncajamarca.participa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    @Test
    void shortCommonRepeatedOrDocumentPasswordsAreRefusedInSpanish() {
        assertThat(PasswordRules.weakness("corta", "40000001")).hasValueSatisfying(m -> assertThat(m).contains("8 caracteres"));
        assertThat(PasswordRules.weakness("40000001", "40000001")).hasValueSatisfying(m -> assertThat(m).contains("documento"));
        assertThat(PasswordRules.weakness("mi40000001x", "40000001")).hasValueSatisfying(m -> assertThat(m).contains("documento"));
        assertThat(PasswordRules.weakness("12345678", "40000001")).hasValueSatisfying(m -> assertThat(m).contains("Elija otra"));
        assertThat(PasswordRules.weakness("Cajamarca", "40000001")).hasValueSatisfying(m -> assertThat(m).contains("Elija otra"));
        assertThat(PasswordRules.weakness("aaaaaaaaaa", "40000001")).isPresent();
        assertThat(PasswordRules.weakness("sauce-rio-colpa", "40000001")).isEmpty();
        assertThat(PasswordRules.weakness("clave-agente", "40000001")).isEmpty();
    }
}
