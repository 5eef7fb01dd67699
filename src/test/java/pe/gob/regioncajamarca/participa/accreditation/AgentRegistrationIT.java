package pe.gob.regioncajamarca.participa.accreditation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.cycle.OpenCycleCommand;
import pe.gob.regioncajamarca.participa.cycle.Scopes;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ParticipaIntegrationTest;
import pe.gob.regioncajamarca.participa.testsupport.PortalCycle;

/** Registration of agents on the portal: the fields, the Spanish errors, one per document and cycle. */
@ParticipaIntegrationTest
class AgentRegistrationIT {

    /** The newest cycle the tests create (other tests use earlier years), so it is the portal's current one. */
    static final int YEAR = PortalCycle.YEAR;
    static final java.util.concurrent.atomic.AtomicInteger DNI = new java.util.concurrent.atomic.AtomicInteger(
            (int) (System.nanoTime() % 1_000_000));

    @LocalServerPort int port;
    @Autowired CycleService cycles;
    @Autowired DueDates plazos;
    @Autowired JdbcClient jdbc;
    @Autowired AccreditationService accreditation;

    @BeforeEach
    void registrationIsOpen() {
        PortalCycle.ensure(cycles, plazos.today());
    }

    static String dni() {
        return String.format("3%07d", DNI.incrementAndGet() % 10_000_000);
    }

    Map<String, String> valid(String dni) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("documentType", "DNI");
        f.put("documentNumber", dni);
        f.put("firstSurname", "Quispe");
        f.put("secondSurname", "Huamán");
        f.put("givenNames", "Juana Rosa");
        f.put("email", "juana" + dni + "@example.pe");
        f.put("mobilePhone", "976 123 456");
        f.put("sex", "F");
        f.put("birthDate", "1990-04-12");
        f.put("educationLevel", "Secundaria");
        f.put("profession", "Agricultora");
        f.put("organization", "Comité de regantes de Jesús");
        f.put("districtUbigeo", "060106");
        f.put("password", "una-clave-larga");
        f.put("passwordConfirmation", "una-clave-larga");
        f.put("acceptTerms", "true");
        f.put("acceptPrivacy", "true");
        f.put("acceptDataProcessing", "true");
        return f;
    }

    private java.net.http.HttpResponse<String> post(Http http, Map<String, String> fields) {
        Map<String, String> f = new LinkedHashMap<>(fields);
        f.put("_csrf", http.csrfTokenOf("/agentes/inscripcion"));
        return http.postForm("/agentes/inscripcion", f);
    }

    @Test
    void aCitizenRegistersOnceAndFollowsTheReviewInHerAccount() {
        Http http = new Http(port);
        String dni = dni();
        var r = post(http, valid(dni));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Inscripción recibida", "INS-" + YEAR + "-");
        var reg = accreditation.findByDocument(YEAR, dni).orElseThrow();
        assertThat(reg.status()).isEqualTo("PENDIENTE");
        assertThat(reg.processInstanceId()).isNotNull();
        assertThat(jdbc.sql("SELECT mobile_phone FROM agent_registration WHERE id = ?").param(reg.id())
                .query(String.class).single()).isEqualTo("976123456");
        assertThat(jdbc.sql("SELECT password_hash FROM citizen_account WHERE document_number = ?").param(dni)
                .query(String.class).single()).startsWith("{bcrypt}");

        var again = post(http, valid(dni));
        assertThat(again.body()).contains("Este documento ya está inscrito en el ciclo " + YEAR);
        assertThat(accreditation.registrationsOf(dni)).hasSize(1);

        var login = http.postForm("/login", Map.of("username", dni, "password", "una-clave-larga",
                "_csrf", http.csrfTokenOf("/login")));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(http.get("/mi-cuenta").body()).contains("En revisión", reg.fileNumber());
    }

    @Test
    void badInputGetsSpanishMessagesAndStoresNothing() {
        Http http = new Http(port);
        Map<String, String> f = valid("1234");
        f.put("mobilePhone", "12345");
        f.put("passwordConfirmation", "otra");
        f.remove("acceptDataProcessing");
        f.put("birthDate", plazos.today().minusYears(15).toString());
        var r = post(http, f);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("El número de documento debe tener exactamente 8 dígitos",
                "El celular debe tener 9 dígitos y empezar con 9", "Las dos contraseñas no coinciden",
                "Debe autorizar el tratamiento de sus datos personales (Ley 29733)",
                "Para ser agente participante debe ser mayor de edad");
        assertThat(r.body()).contains("value=\"Quispe\""); // what was typed is kept
        assertThat(jdbc.sql("SELECT COUNT(*) FROM citizen_account WHERE document_number = '1234'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void withoutTheCsrfTokenNothingIsRegistered() {
        String dni = dni();
        var r = new Http(port).postForm("/agentes/inscripcion", valid(dni));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(accreditation.findByDocument(YEAR, dni)).isEmpty();
    }
}
