package pe.gob.regioncajamarca.participa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/** The staff pages (/personal): Camunda users log in, citizens and strangers stay out, groups decide the rest. */
class StaffPagesIT extends ProcessTest {

    @LocalServerPort int port;
    @Autowired CitizenAccounts citizens;

    @Test
    void aStaffUserLogsInWithTheTasklistPasswordAndSeesTheCycles() {
        String planner = staffUser("planning");
        Http anonymous = new Http(port);
        var home = anonymous.get("/personal");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/personal/login"));

        // (a failed login delays the next attempt of the same user by seconds: Camunda's brute-force guard)
        String other = staffUser("planning");
        Http wrong = new Http(port);
        assertThat(wrong.staffLogin(other, "otra").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/personal/login?error"));
        assertThat(wrong.get("/personal").statusCode()).isEqualTo(302);

        Http http = new Http(port);
        assertThat(http.staffLogin(planner, "secreto-" + planner).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/personal"));
        var page = http.get("/personal");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ciclos del presupuesto participativo");
        // logging out ends the session
        http.postForm("/personal/logout", Map.of("_csrf", http.csrfTokenOf("/personal")));
        assertThat(http.get("/personal").statusCode()).isEqualTo(302);
    }

    @Test
    void aCitizenCannotUseTheStaffPagesNorLogInToThem() {
        String dni = String.format("4%07d", unique() % 10_000_000);
        citizens.create("DNI", dni, "clave-ciudadana", dni + "@example.pe", "Ana", "Díaz", null);
        Http http = new Http(port);
        http.postForm("/login", Map.of("username", dni, "password", "clave-ciudadana", "_csrf", http.csrfTokenOf("/login")));
        assertThat(http.get("/mi-cuenta").statusCode()).isEqualTo(200); // logged in to the portal
        assertThat(http.get("/personal").statusCode()).isEqualTo(403); // but not to the staff pages
        assertThat(new Http(port).staffLogin(dni, "clave-ciudadana").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/personal/login?error"));
    }

    @Test
    void aPlanningActionIsForbiddenToAnExecutingUnit() {
        int year = freeYear();
        formalisedCycle(year);
        String unit = staffUser("unit-sede-central");
        Http http = new Http(port);
        http.staffLogin(unit, "secreto-" + unit);
        assertThat(http.get("/personal").statusCode()).isEqualTo(200);
        assertThat(http.get("/personal/ciclos/" + year + "/talleres").statusCode()).isEqualTo(403);
        var post = http.submit("/personal", "/personal/ciclos/" + year + "/cierre-anticipado",
                Map.of("fase", "VOTACION", "motivo", "Motivo suficientemente largo"));
        assertThat(post.statusCode()).isEqualTo(403);
        // without the CSRF token even a planner is refused
        String planner = staffUser("planning");
        Http planning = new Http(port);
        planning.staffLogin(planner, "secreto-" + planner);
        assertThat(planning.postForm("/personal/ciclos/" + year + "/cierre-anticipado",
                Map.of("fase", "VOTACION", "motivo", "Motivo suficientemente largo")).statusCode()).isEqualTo(403);
    }
}
