package pe.gob.regioncajamarca.participa.accreditation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/** "¿Olvidó su contraseña?" through the portal: a single-use link by mail, no account enumeration, a rate limit. */
class PasswordResetIT extends ProcessTest {

    @Autowired CitizenAccounts accounts;
    @LocalServerPort int port;
    String email;
    String document;

    @BeforeEach
    void aCitizen() {
        email = "olvido" + unique() + "@example.pe";
        long id = citizen(email);
        document = jdbc.sql("SELECT document_number FROM citizen_account WHERE id = ?").param(id)
                .query(String.class).single();
    }

    private String linkIn(String recipient) {
        String body = jdbc.sql("SELECT body_text FROM mail_outbox WHERE recipient = ? ORDER BY id DESC").param(recipient)
                .query(String.class).list().get(0);
        Matcher m = Pattern.compile("/acceso/restablecer\\?token=([A-Za-z0-9_-]+)").matcher(body);
        assertThat(m.find()).as("link in " + body).isTrue();
        return m.group(0);
    }

    @Test
    void theLinkSetsANewPasswordOnceAndTheOldOneStopsWorking() {
        Http http = new Http(port);
        var answer = http.submit("/acceso/recuperar", "/acceso/recuperar", Map.of("documento", document));
        assertThat(answer.body()).contains("le enviamos un");
        assertThat(mailsTo(email)).containsExactly("Restablecer su contraseña");
        String link = linkIn(email);
        String token = link.substring(link.indexOf('=') + 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM password_reset WHERE token_hash = ?").param(token)
                .query(Integer.class).single()).as("the token itself is not stored").isZero();

        assertThat(http.get(link).body()).contains("Elegir una contraseña nueva", "name=\"clave\"");
        var mismatch = http.submit(link, "/acceso/restablecer", Map.of("token", token, "clave", "nueva-clave-1",
                "repetir", "otra-clave-2"));
        assertThat(mismatch.body()).contains("Las dos contraseñas no coinciden");
        var tooShort = http.submit(link, "/acceso/restablecer", Map.of("token", token, "clave", "corta", "repetir", "corta"));
        assertThat(tooShort.body()).contains("al menos 8 caracteres");
        var ok = http.submit(link, "/acceso/restablecer", Map.of("token", token, "clave", "nueva-clave-1",
                "repetir", "nueva-clave-1"));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location").orElseThrow()).endsWith("/login?clave");
        assertThat(accounts.passwordMatches(document, "nueva-clave-1")).isTrue();

        // the same link again: spent
        assertThat(http.get(link).body()).contains("El enlace ya se usó o venció");
    }

    /**
     * A password reset ends the account's other sessions: a session logged in with the old password (client A) is
     * sent to the login at its next request once the password was reset through the mailed link (client B, as
     * whoever took over the account would be locked out by its owner's reset); a login after the reset stays in.
     */
    @Test
    void aResetEndsTheAccountsOtherSessions() {
        accounts.changePassword(jdbc.sql("SELECT id FROM citizen_account WHERE document_number = ?").param(document)
                .query(Long.class).single(), "clave-vieja-1");
        Http a = new Http(port);
        var login = a.submit("/login", "/login", Map.of("username", document, "password", "clave-vieja-1"));
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
        assertThat(a.get("/mi-cuenta").statusCode()).isEqualTo(200);

        Http b = new Http(port);
        b.submit("/acceso/recuperar", "/acceso/recuperar", Map.of("documento", document));
        String link = linkIn(email);
        String token = link.substring(link.indexOf('=') + 1);
        var ok = b.submit(link, "/acceso/restablecer", Map.of("token", token, "clave", "clave-nueva-2",
                "repetir", "clave-nueva-2"));
        assertThat(ok.headers().firstValue("Location").orElseThrow()).endsWith("/login?clave");
        Http c = new Http(port);
        assertThat(c.submit("/login", "/login", Map.of("username", document, "password", "clave-nueva-2"))
                .headers().firstValue("Location").orElseThrow()).doesNotContain("/login");

        var after = a.get("/mi-cuenta");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(a.get("/mi-cuenta").headers().firstValue("Location").orElseThrow()).endsWith("/login");
        // the session that logged in after the reset goes on
        assertThat(c.get("/mi-cuenta").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownDocumentGetsTheSameAnswerAndNoMailAndRequestsAreLimited() {
        Http http = new Http(port);
        String unknown = "9" + String.format("%07d", unique());
        assertThat(http.submit("/acceso/recuperar", "/acceso/recuperar", Map.of("documento", unknown)).body())
                .contains("Si el documento tiene una cuenta con correo electrónico");
        for (int i = 0; i < 5; i++) {
            http.submit("/acceso/recuperar", "/acceso/recuperar", Map.of("documento", document));
        }
        assertThat(mailsTo(email)).hasSize(3);
        assertThat(http.get("/acceso/restablecer?token=inventado").body()).contains("El enlace ya se usó o venció");
    }
}
