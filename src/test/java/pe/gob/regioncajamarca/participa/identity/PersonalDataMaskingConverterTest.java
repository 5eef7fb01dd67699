package pe.gob.regioncajamarca.participa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataMaskingConverterTest {

    @Test
    void masksDniEmailAndMobileNumbersAndLeavesTheRest() {
        assertThat(PersonalDataMaskingConverter.mask("Cuenta 40000001 creada para ana.rojas+pb@correo.gob.pe, cel. 987654321"))
                .isEqualTo("Cuenta ******** creada para ***@correo.gob.pe, cel. 9********");
        // not a DNI: shorter or longer digit runs, a CUI of 7 digits, amounts, an 11-digit RUC
        assertThat(PersonalDataMaskingConverter.mask("CUI 2324969, costo 4850000.00, RUC 20453744168, año 2026"))
                .isEqualTo("CUI 2324969, costo 4850000.00, RUC 20453744168, año 2026");
        assertThat(PersonalDataMaskingConverter.mask("dni=12345678;")).isEqualTo("dni=********;");
        assertThat(PersonalDataMaskingConverter.mask("sin datos @ ninguno")).isEqualTo("sin datos @ ninguno");
        // identifiers (Camunda ids are UUIDs) are left whole: an 8-digit run inside a word or a UUID is no DNI
        assertThat(PersonalDataMaskingConverter.mask("Tarea 0aeeabf2-e766-11f1-a671-02fc00000001 y 12345678-e766-11f1"))
                .isEqualTo("Tarea 0aeeabf2-e766-11f1-a671-02fc00000001 y 12345678-e766-11f1");
        assertThat(PersonalDataMaskingConverter.mask(null)).isNull();
    }

    @Test
    void stackTracesAreMaskedToo() {
        var converter = new PersonalDataMaskingThrowableConverter();
        converter.start();
        var event = new ch.qos.logback.classic.spi.LoggingEvent("x",
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("prueba"),
                ch.qos.logback.classic.Level.WARN, "envío fallido",
                new IllegalStateException("550 5.1.1 <vecina.rojas@example.pe>: Recipient address rejected",
                        new RuntimeException("DNI 40000001")), null);
        String trace = converter.convert(event);
        assertThat(trace).contains("IllegalStateException: 550 5.1.1 <***@example.pe>: Recipient address rejected")
                .contains("Caused by: java.lang.RuntimeException: DNI ********")
                .contains("at pe.gob.regioncajamarca.participa.identity.PersonalDataMaskingConverterTest")
                .doesNotContain("vecina.rojas").doesNotContain("40000001");
    }
}
