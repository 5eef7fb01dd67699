package pe.gob.regioncajamarca.participa.accreditation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ParticipaIntegrationTest;

/**
 * Issue 19: «Crear cuenta», a citizen account apart from the agent registration (so that anyone can enrol in a
 * course at any time), with the registration's answer (issue 20): the same page whatever the document, the outcome
 * by mail to the address on file.
 */
@ParticipaIntegrationTest
class AccountCreationIT {

    static final java.util.concurrent.atomic.AtomicInteger N = new java.util.concurrent.atomic.AtomicInteger(
            (int) (System.nanoTime() % 1_000_000));

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired CitizenAccounts accounts;

    static String dni() {
        return String.format("8%07d", N.incrementAndGet() % 10_000_000);
    }

    static Map<String, String> valid(String dni, String email, String password) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("documentNumber", dni);
        f.put("firstSurname", "Cotrina");
        f.put("secondSurname", "Vásquez");
        f.put("givenNames", "Marleni");
        f.put("email", email);
        f.put("password", password);
        f.put("passwordConfirmation", password);
        f.put("acceptPrivacy", "true");
        f.put("acceptDataProcessing", "true");
        return f;
    }

    /** A browser behind the trusted loopback proxy, from an address of its own (its own throttle counts). */
    private HttpResponse<String> post(Http http, String address, Map<String, String> fields) {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(http.uri("/acceso/crear-cuenta"))
                .header("X-Forwarded-For", address).GET().build());
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(m.find()).isTrue();
        Map<String, String> f = new LinkedHashMap<>(fields);
        f.put("_csrf", m.group(1));
        return http.send(HttpRequest.newBuilder(http.uri("/acceso/crear-cuenta")).header("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.urlEncoded(f))).build());
    }

    private static String address() {
        return "198.51.100." + (1 + N.incrementAndGet() % 250);
    }

    private List<String> mailTo(String recipient) {
        return jdbc.sql("SELECT body_text FROM mail_outbox WHERE recipient = ? ORDER BY id").param(recipient)
                .query(String.class).list();
    }

    private static String normalised(String body) {
        return body.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"\"");
    }

    @Test
    void aCitizenCreatesAnAccountOutsideTheRegistrationAndEnrolsLater() {
        Http anyone = new Http(port);
        // linked from the login page and from a course's page
        assertThat(anyone.get("/login").body()).contains("href=\"/acceso/crear-cuenta\"", "Crear una cuenta");
        var form = anyone.get("/acceso/crear-cuenta");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Crear una cuenta", "name=\"documentNumber\"", "name=\"acceptDataProcessing\"");

        String dni = dni();
        String email = "marleni" + dni + "@example.pe";
        var r = post(new Http(port), address(), valid(dni, email, "una-clave-propia"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Revise su correo").doesNotContain(dni).doesNotContain(email);
        assertThat(accounts.emailOf(dni)).contains(email);
        assertThat(mailTo(email)).anySatisfy(m -> assertThat(m).contains("Su cuenta en Caxamarca Participa quedó creada"));

        Http her = new Http(port);
        var in = her.postForm("/login", Map.of("username", dni, "password", "una-clave-propia",
                "_csrf", her.csrfTokenOf("/login")));
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(in.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(her.get("/capacitacion/mis-cursos").statusCode()).isEqualTo(200);
        assertThat(her.get("/mi-cuenta").statusCode()).isEqualTo(200);
    }

    @Test
    void theAnswerIsTheSameWhetherTheDocumentHasAnAccountOrNot() {
        String known = dni();
        String owner = "duena" + known + "@example.pe";
        accounts.create("DNI", known, "clave-de-la-duena", owner, "Juana", "Quispe", null);
        String fresh = dni();

        String intruder = "otra" + known + "@example.pe";
        var forKnown = post(new Http(port), address(), valid(known, intruder, "clave-de-la-intrusa"));
        var forFresh = post(new Http(port), address(), valid(fresh, "nueva" + fresh + "@example.pe", "clave-de-la-intrusa"));
        assertThat(forKnown.statusCode()).isEqualTo(forFresh.statusCode()).isEqualTo(200);
        assertThat(normalised(forKnown.body())).isEqualTo(normalised(forFresh.body()));

        // nothing changed for the existing account; its owner is told, at her own address, never at the typed one
        assertThat(accounts.emailOf(known)).contains(owner);
        assertThat(accounts.passwordMatches(known, "clave-de-la-duena")).isTrue();
        assertThat(accounts.passwordMatches(known, "clave-de-la-intrusa")).isFalse();
        assertThat(mailTo(owner)).anySatisfy(m -> assertThat(m).contains("Usted ya tiene una cuenta"));
        assertThat(mailTo(intruder)).isEmpty();
    }

    @Test
    void anEmptyFormListsOneErrorPerFieldInOrderAndCreatesNothing() {
        Map<String, String> empty = new LinkedHashMap<>();
        for (String k : List.of("documentNumber", "firstSurname", "secondSurname", "givenNames", "email", "password",
                "passwordConfirmation")) {
            empty.put(k, "");
        }
        var r = post(new Http(port), address(), empty);
        assertThat(r.statusCode()).isEqualTo(200);
        String body = r.body();
        assertThat(body).containsSubsequence("Escriba su número de documento.", "Escriba su apellido paterno.",
                "Escriba sus nombres.", "Escriba su correo electrónico", "Elija una contraseña.",
                "Debe aceptar la política de privacidad.", "Debe autorizar el tratamiento");
        assertThat(body).doesNotContain("8 dígitos", "La contraseña debe tener al menos 8 caracteres");
        assertThat(body).contains("id=\"documentNumber-error\"", "aria-describedby=\"documentNumber-error\"");

        var weak = post(new Http(port), address(), valid("12345678", "x@example.pe", "12345678"));
        assertThat(weak.body()).contains("id=\"password-error\"");
        assertThat(accounts.idOf("12345678")).isEmpty();
    }
}
