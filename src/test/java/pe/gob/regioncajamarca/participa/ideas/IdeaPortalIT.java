package pe.gob.regioncajamarca.participa.ideas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ParticipaIntegrationTest;
import pe.gob.regioncajamarca.participa.testsupport.PortalCycle;

/** Citizens propose ideas on the portal during the idea window and follow them; answers are public, e-mails not. */
@ParticipaIntegrationTest
class IdeaPortalIT {

    @LocalServerPort int port;
    @Autowired CycleService cycles;
    @Autowired DueDates plazos;
    @Autowired IdeaService ideas;

    @BeforeEach
    void ideasAreOpen() {
        PortalCycle.ensure(cycles, plazos.today());
    }

    @Test
    void aCitizenProposesAnIdeaAndFollowsItByItsCode() {
        Http http = new Http(port);
        String email = "vecina" + System.nanoTime() + "@example.pe";
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", "Reservorio para riego en el caserío Chim Chim");
        f.put("districtUbigeo", "060105");
        f.put("theme", "Agricultura y riego");
        f.put("axis", "Eje 3: Desarrollo económico competitivo");
        f.put("beneficiaries", "320");
        f.put("approximateAmount", "950000");
        f.put("contactEmail", email);
        f.put("_csrf", http.csrfTokenOf("/ideas/nueva"));
        var r = http.postForm("/ideas/nueva", f);
        assertThat(r.statusCode()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/ideas/IDEA-" + PortalCycle.YEAR + "-");
        String code = location.substring(location.indexOf("IDEA-"), location.indexOf('?'));
        var page = http.get("/ideas/" + code + "?nueva");
        assertThat(page.body()).contains("Recibimos su idea", code, "En evaluación por el Equipo Técnico");
        assertThat(page.body()).doesNotContain(email);
        var list = new Http(port).get("/ideas");
        assertThat(list.body()).contains("Reservorio para riego en el caserío Chim Chim").doesNotContain(email);
        assertThat(ideas.findByCode(code).orElseThrow().status()).isEqualTo("RECIBIDA");
    }

    @Test
    void badInputIsExplainedInSpanishAndNothingIsStored() {
        Http http = new Http(port);
        int before = ideas.ofCycle(PortalCycle.YEAR).size();
        var r = http.postForm("/ideas/nueva", Map.of("title", "Corto", "districtUbigeo", "150101",
                "theme", "Minería ilegal", "axis", "", "beneficiaries", "0", "contactEmail", "no-es-correo",
                "_csrf", http.csrfTokenOf("/ideas/nueva")));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("El nombre de la idea debe tener entre 10 y 300 caracteres",
                "Elija un distrito de la región Cajamarca", "Elija un tema de la lista",
                "Elija el eje del Plan de Desarrollo Regional Concertado", "al menos 1",
                "El correo electrónico no es válido");
        assertThat(ideas.ofCycle(PortalCycle.YEAR)).hasSize(before);
        assertThat(new Http(port).get("/ideas/IDEA-0000-000000").statusCode()).isEqualTo(404);
    }
}
