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
import pe.gob.regioncajamarca.participa.projects.Scopes;
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
    @Autowired pe.gob.regioncajamarca.participa.identity.CitizenAccounts accounts;

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
        assertThat(r.body()).contains("Inscripción recibida", "Le enviaremos por correo electrónico");
        var reg = accreditation.findByDocument(YEAR, dni).orElseThrow();
        // the file number goes by mail (the page is the same for every document: issue 20)
        assertThat(r.body()).doesNotContain(reg.fileNumber());
        assertThat(mailTo("juana" + dni + "@example.pe")).anySatisfy(m -> assertThat(m)
                .contains("Su expediente es " + reg.fileNumber()));
        assertThat(reg.status()).isEqualTo("PENDIENTE");
        assertThat(reg.processInstanceId()).isNotNull();
        assertThat(jdbc.sql("SELECT mobile_phone FROM agent_registration WHERE id = ?").param(reg.id())
                .query(String.class).single()).isEqualTo("976123456");
        assertThat(jdbc.sql("SELECT password_hash FROM citizen_account WHERE document_number = ?").param(dni)
                .query(String.class).single()).startsWith("{bcrypt}");

        var again = post(http, valid(dni));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("Inscripción recibida").doesNotContain("ya está inscrito");
        assertThat(accreditation.registrationsOf(dni)).hasSize(1);
        assertThat(mailTo("juana" + dni + "@example.pe")).anySatisfy(m -> assertThat(m)
                .contains("ya estaba inscrito", reg.fileNumber()));

        var login = http.postForm("/login", Map.of("username", dni, "password", "una-clave-larga",
                "_csrf", http.csrfTokenOf("/login")));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(http.get("/mi-cuenta").body()).contains("En revisión", reg.fileNumber());
    }

    /** The plain-text bodies of the mails queued for {@code recipient}. */
    private List<String> mailTo(String recipient) {
        return jdbc.sql("SELECT body_text FROM mail_outbox WHERE recipient = ? ORDER BY id").param(recipient)
                .query(String.class).list();
    }

    /** A browser behind the trusted loopback proxy that forwards {@code address} (its own throttle counts). */
    private final class From {
        final String address;
        final Http http = new Http(port);

        From(String address) {
            this.address = address;
        }

        java.net.http.HttpResponse<String> register(Map<String, String> fields) {
            java.net.http.HttpResponse<String> page = http.send(java.net.http.HttpRequest.newBuilder(
                    http.uri("/agentes/inscripcion")).header("X-Forwarded-For", address).GET().build());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                    .matcher(page.body());
            assertThat(m.find()).isTrue();
            Map<String, String> f = new LinkedHashMap<>(fields);
            f.put("_csrf", m.group(1));
            return http.send(java.net.http.HttpRequest.newBuilder(http.uri("/agentes/inscripcion"))
                    .header("X-Forwarded-For", address).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Http.urlEncoded(f))).build());
        }
    }

    private static String address() {
        return "203.0.113." + (100 + DNI.incrementAndGet() % 100);
    }

    /** The page without its CSRF tokens (different on every page). */
    private static String normalised(String body) {
        return body.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"\"");
    }

    /**
     * Issue 20: the answer tells nothing about the document or the password. The same form (apart from the
     * document number) for a new document, an existing account with its right password and an existing account
     * with a wrong password gets byte-identical pages (CSRF tokens aside) and the same status; the outcome goes by
     * mail to the address on file, never to the one typed.
     */
    @Test
    void theAnswerIsTheSameForANewDocumentARightAndAWrongPassword() {
        String fresh = dni();
        String known = dni();
        String guessed = dni();
        accounts.create("DNI", known, "una-clave-larga", "duena" + known + "@example.pe", "Rosa", "Cusi", null);
        accounts.create("DNI", guessed, "la-clave-de-ella", "duena" + guessed + "@example.pe", "Rosa", "Cusi", null);
        From from = new From(address());
        List<java.net.http.HttpResponse<String>> answers = new java.util.ArrayList<>();
        for (String doc : List.of(fresh, known, guessed)) {
            Map<String, String> f = valid(doc);
            f.put("email", "quien-escribe@example.pe");
            answers.add(from.register(f));
        }
        for (var a : answers) {
            assertThat(a.statusCode()).isEqualTo(200);
            assertThat(normalised(a.body())).isEqualTo(normalised(answers.get(0).body()));
        }
        assertThat(answers.get(0).body()).contains("Inscripción recibida");

        // what happened: a new account and registration, a registration of the known account, nothing for the guess
        assertThat(accreditation.findByDocument(YEAR, fresh)).isPresent();
        assertThat(accreditation.findByDocument(YEAR, known)).isPresent();
        assertThat(accreditation.findByDocument(YEAR, guessed)).isEmpty();
        // the mails go to the owners' addresses; the one typed gets only the new account's
        assertThat(mailTo("duena" + known + "@example.pe")).anySatisfy(m -> assertThat(m).contains("Su expediente es"));
        assertThat(mailTo("duena" + guessed + "@example.pe")).singleElement().satisfies(m -> assertThat(m)
                .contains("con una contraseña que no es la de su cuenta", "/acceso/recuperar"));
        assertThat(mailTo("quien-escribe@example.pe")).hasSize(1).allSatisfy(m -> assertThat(m)
                .contains(accreditation.findByDocument(YEAR, fresh).orElseThrow().fileNumber()));
    }

    /** Password guessing through the registration form is throttled like the login: per document and per address. */
    @Test
    void wrongPasswordsForOneDocumentAreThrottled() {
        String doc = dni();
        accounts.create("DNI", doc, "la-clave-de-ella", "duena" + doc + "@example.pe", "Rosa", "Cusi", null);
        From attacker = new From(address());
        String first = null;
        for (int i = 0; i < 5; i++) {
            Map<String, String> f = valid(doc);
            f.put("password", "adivina-" + i + "-larga");
            f.put("passwordConfirmation", "adivina-" + i + "-larga");
            var r = attacker.register(f);
            assertThat(r.statusCode()).isEqualTo(200);
            first = first == null ? normalised(r.body()) : first;
            assertThat(normalised(r.body())).isEqualTo(first);
        }
        // the sixth, even with the right password and from another address, is turned away unchecked
        Map<String, String> right = valid(doc);
        right.put("password", "la-clave-de-ella");
        right.put("passwordConfirmation", "la-clave-de-ella");
        for (From from : List.of(attacker, new From(address()))) {
            var refused = from.register(right);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.body()).contains("Demasiados intentos fallidos de ingreso");
        }
        assertThat(accreditation.findByDocument(YEAR, doc)).isEmpty();
        // the owner is told once an hour, not once per guess
        assertThat(mailTo("duena" + doc + "@example.pe")).hasSize(1);
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

    /**
     * Issue 19: an empty registration lists one message per field (the most useful: «Elija su sexo.», not also
     * «Elija femenino o masculino.»), in the order of the form, and marks every faulty field with its message beside it.
     */
    @Test
    void anEmptyRegistrationListsOneErrorPerFieldInTheFormsOrderAndMarksEveryField() {
        Http http = new Http(port);
        Map<String, String> f = new LinkedHashMap<>();
        for (String name : List.of("documentNumber", "firstSurname", "secondSurname", "givenNames", "email",
                "mobilePhone", "sex", "birthDate", "educationLevel", "profession", "organization", "districtUbigeo",
                "password", "passwordConfirmation")) {
            f.put(name, "");
        }
        f.put("documentType", "DNI");
        var r = post(http, f);
        assertThat(r.statusCode()).isEqualTo(200);
        String body = r.body();
        String summary = body.substring(body.indexOf("id=\"errores\""), body.indexOf("</ul>", body.indexOf("id=\"errores\"")));
        List<String> expected = List.of("Escriba su número de documento.", "Escriba su apellido paterno.",
                "Escriba sus nombres.", "Escriba su correo electrónico", "Escriba su número de celular.",
                "Elija su sexo.", "Escriba su fecha de nacimiento.", "Elija su nivel educativo.", "Elija su distrito.",
                "Elija una contraseña.", "Debe aceptar los términos y condiciones", "Debe aceptar la política de privacidad.",
                "Debe autorizar el tratamiento de sus datos personales");
        java.util.regex.Matcher items = java.util.regex.Pattern.compile("<li><a href=\"#(\\w+)\">([^<]*)</a></li>")
                .matcher(summary);
        List<String> listed = new java.util.ArrayList<>();
        List<String> fields = new java.util.ArrayList<>();
        while (items.find()) {
            listed.add(items.group(2));
            fields.add(items.group(1));
        }
        assertThat(listed).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(listed.get(i)).startsWith(expected.get(i));
        }
        assertThat(summary).doesNotContain("Elija femenino o masculino", "8 dígitos", "9 dígitos",
                "al menos 8 caracteres", "región Cajamarca");
        for (String field : fields) {
            // the field is marked and names its message, which sits next to it
            assertThat(body).containsPattern("id=\"" + field + "\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\""
                    + field + "-error\"|id=\"" + field + "\"[^>]*aria-describedby=\"" + field + "-error\"[^>]*aria-invalid=\"true\"");
            assertThat(body).containsPattern("<(input|select)[^>]*id=\"" + field + "\"[^>]*class=\"[^\"]*invalid");
            assertThat(body).contains("id=\"" + field + "-error\" class=\"field-error\"");
        }
        assertThat(body).doesNotContain("aria-invalid=\"false\"");
    }

    @Test
    void withoutTheCsrfTokenNothingIsRegistered() {
        String dni = dni();
        var r = new Http(port).postForm("/agentes/inscripcion", valid(dni));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(accreditation.findByDocument(YEAR, dni)).isEmpty();
    }
}
