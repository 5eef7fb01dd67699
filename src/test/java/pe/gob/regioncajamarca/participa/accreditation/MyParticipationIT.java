package pe.gob.regioncajamarca.participa.accreditation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.complaints.ComplaintService;
import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;
import pe.gob.regioncajamarca.participa.ideas.IdeaService;
import pe.gob.regioncajamarca.participa.ideas.IdeaSubmission;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/** "Mi cuenta" gathers the citizen's own votes, ideas and requests, and nothing of anyone else. */
class MyParticipationIT extends ProcessTest {

    @Autowired CitizenAccounts citizens;
    @Autowired IdeaService ideas;
    @Autowired ComplaintService complaints;
    @LocalServerPort int port;

    @Test
    void myVotesIdeasAndRequestsButNotMyReportOfWrongdoingNorOthers() {
        int year = freeYear();
        formalisedCycle(year);
        String dni = String.format("4%07d", unique() % 10_000_000);
        String email = "participa" + unique() + "@example.pe";
        citizens.create("DNI", dni, "clave-ciudadana", email, "Ana", "Díaz", null);
        String cui = String.valueOf(7200000 + unique() % 10000);
        jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, prioritized) "
                + "VALUES (?, ?, 'Reservorio de Chim Chim', 'CAJAMARCA', 500000, 'Agricultura', ?, TRUE)")
                .params(year, cui, TEST_UNIT).update();
        jdbc.sql("INSERT INTO ballot (cycle_year, document_number, votes_left, created_at) VALUES (?, ?, 4, ?)")
                .params(year, dni, Timestamp.from(Instant.now())).update();
        jdbc.sql("INSERT INTO vote (cycle_year, document_number, project_id, cast_at) "
                + "SELECT ?, ?, id, ? FROM project WHERE cycle_year = ? AND cui = ?")
                .params(year, dni, Timestamp.from(Instant.now()), year, cui).update();
        ideas.submit(new IdeaSubmission(year, "Biblioteca comunal en Baños del Inca", TEST_PROVINCE, TEST_DISTRICT,
                "Educación", "Eje 1: Desarrollo social", 300, null, email));
        ideas.submit(new IdeaSubmission(year, "Idea de otra persona", TEST_PROVINCE, TEST_DISTRICT,
                "Educación", "Eje 1: Desarrollo social", 300, null, "otra" + unique() + "@example.pe"));
        String query = complaints.submit(new ComplaintService.Submission("CONSULTA", "Fechas de los talleres",
                "¿Cuándo son los talleres?", null, false, "Ana Díaz", dni, email, null), null);
        complaints.submit(new ComplaintService.Submission("DENUNCIA", "Cobro indebido en la obra",
                "El residente cobra a los peones.", null, false, "Ana Díaz", dni, email, null), null);

        Http http = new Http(port);
        http.postForm("/login", Map.of("username", dni, "password", "clave-ciudadana", "_csrf", http.csrfTokenOf("/login")));
        String page = http.get("/mi-cuenta").body();
        assertThat(page).contains("Mis votos", year + " · Reservorio de Chim Chim", "Priorizado",
                "Mis ideas de proyecto", "Biblioteca comunal en Baños del Inca",
                "Mis consultas y reclamos", query + " · Fechas de los talleres")
                .doesNotContain("Idea de otra persona").doesNotContain("Cobro indebido");
    }
}
