package pe.gob.regioncajamarca.participa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.PortalCycle;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Personal data stays out of the logs: the application's whole output (console, at the test profile's levels:
 * the application at INFO) is captured while a citizen registers (a valid and an invalid form), fails to log in,
 * asks for a password link and files a complaint and a report of wrongdoing with her DNI, e-mail and phone; none
 * of them appears in it.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataLogsIT extends ProcessTest {

    @LocalServerPort int port;
    @Autowired DueDates dueDates;

    @Test
    void noDniEmailOrPhoneIsLogged(CapturedOutput output) {
        PortalCycle.ensure(cycleService, dueDates.today());
        int n = unique();
        String dni = String.format("4%07d", n % 10_000_000);
        String email = "privada" + n + "@example.pe";
        String phone = String.format("9%08d", n % 100_000_000);
        Http http = new Http(port);

        Map<String, String> f = new LinkedHashMap<>();
        f.put("documentType", "DNI");
        f.put("documentNumber", dni);
        f.put("firstSurname", "Quispe");
        f.put("secondSurname", "Huamán");
        f.put("givenNames", "Juana Rosa");
        f.put("email", email);
        f.put("mobilePhone", phone);
        f.put("sex", "F");
        f.put("birthDate", "1990-04-12");
        f.put("educationLevel", "Secundaria");
        f.put("districtUbigeo", "060106");
        f.put("password", "una-clave-larga");
        f.put("passwordConfirmation", "otra-clave-larga"); // invalid first
        f.put("acceptTerms", "true");
        f.put("acceptPrivacy", "true");
        f.put("acceptDataProcessing", "true");
        assertThat(http.submit("/agentes/inscripcion", "/agentes/inscripcion", f).body()).contains("no coinciden");
        f.put("passwordConfirmation", "una-clave-larga");
        assertThat(http.submit("/agentes/inscripcion", "/agentes/inscripcion", f).body()).contains("Inscripción recibida");

        Http other = new Http(port);
        other.postForm("/login", Map.of("username", dni, "password", "equivocada", "_csrf", other.csrfTokenOf("/login")));
        other.postForm("/acceso/recuperar", Map.of("documento", dni, "_csrf", other.csrfTokenOf("/acceso/recuperar")));

        for (String kind : new String[] {"RECLAMO", "DENUNCIA"}) {
            Map<String, String> c = new LinkedHashMap<>();
            c.put("_csrf", http.csrfTokenOf("/reclamos"));
            c.put("tipo", kind);
            c.put("asunto", "Obra paralizada en Llacanora");
            c.put("descripcion", "La obra del colegio está paralizada desde hace dos meses y no hay residente.");
            c.put("cui", "2324969");
            c.put("nombre", "Juana Rosa Quispe Huamán");
            c.put("dni", dni);
            c.put("correo", email);
            c.put("telefono", phone);
            assertThat(http.postMultipart("/reclamos", c, "adjunto", null, null, null).statusCode()).isEqualTo(302);
        }

        // the capture does see what the application logs through Logback
        org.slf4j.LoggerFactory.getLogger("pe.gob.regioncajamarca.participa.identity").warn("marca-de-prueba-{}", n);
        // and a log statement that does carry personal data (a future one, a library's) is masked by %mask
        // (logback-spring.xml, PersonalDataMaskingConverter)
        org.slf4j.LoggerFactory.getLogger("pe.gob.regioncajamarca.participa.identity").warn(
                "marca-con-datos-{} DNI {} correo {} celular {}", n, dni, email, phone);
        String logged = output.getAll();
        assertThat(logged).contains("marca-de-prueba-" + n);
        assertThat(logged).contains("marca-con-datos-" + n + " DNI ******** correo ***@example.pe celular 9********");
        assertThat(logged).doesNotContain(dni).doesNotContain(email).doesNotContain(phone);
    }
}
