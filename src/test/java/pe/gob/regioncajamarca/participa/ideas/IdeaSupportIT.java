package pe.gob.regioncajamarca.participa.ideas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/** Accredited agents support ideas of their cycle, once each; the count is public, who supported is not. */
class IdeaSupportIT extends ProcessTest {

    @Autowired IdeaService ideas;
    @Autowired IdeaSupport support;
    @LocalServerPort int port;
    int year;
    IdeaService.Idea idea;

    @BeforeEach
    void anIdeaInTheIdeaPhase() {
        year = freeYear();
        openCycle(year, 3);
        cycleService.changePhase(year, CyclePhase.IDEAS, null);
        idea = ideas.submit(new IdeaSubmission(year, "Puente peatonal sobre el río Llaucano", TEST_PROVINCE,
                TEST_DISTRICT, "Transporte y caminos", "Eje 4: Infraestructura y conectividad", 800, null, null));
    }

    private String documentOf(long registration) {
        return jdbc.sql("SELECT document_number FROM agent_registration WHERE id = ?").param(registration)
                .query(String.class).single();
    }

    @Test
    void anAccreditedAgentSupportsAnIdeaOnceFromThePortal() {
        String dni = documentOf(agentOf(year, "ACREDITADO", null));
        Http anonymous = new Http(port);
        String page = "/ideas/" + idea.trackingCode();
        assertThat(anonymous.get(page).body()).contains("<strong>0</strong>", "inicie sesión");
        // posting without a session goes to the login page, and nothing is counted
        assertThat(anonymous.submit("/login", page + "/apoyo", Map.of()).statusCode()).isEqualTo(302);
        assertThat(support.count(idea.id())).isZero();

        Http http = new Http(port);
        http.postForm("/login", Map.of("username", dni, "password", "x", "_csrf", http.csrfTokenOf("/login")));
        assertThat(http.get(page).body()).contains("Apoyar esta idea");
        var r = http.submit(page, page + "/apoyo", Map.of());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(http.get(page).body()).contains("su apoyo quedó registrado", "Usted ya apoyó esta idea")
                .doesNotContain(dni);
        // the double click: a second post (old token still valid) counts nothing and says why
        http.postForm(page + "/apoyo", Map.of("_csrf", http.csrfTokenOf("/ideas")));
        assertThat(http.get(page).body()).contains("Ya apoyó esta idea");
        assertThat(support.count(idea.id())).isEqualTo(1);
        assertThat(support.counts(year)).containsEntry(idea.id(), 1);
    }

    @Test
    void onlyAccreditedAgentsOfTheCycleWhileIdeasAreOpen() {
        String pending = documentOf(agentOf(year, "PENDIENTE", null));
        assertThatThrownBy(() -> support.support(idea.id(), pending)).hasMessageContaining("Solo los agentes");
        String agent = documentOf(agentOf(year, "ACREDITADO", null));
        cycleService.changePhase(year, CyclePhase.VOTACION, null);
        assertThatThrownBy(() -> support.support(idea.id(), agent)).hasMessageContaining("no está abierto");
        assertThat(support.count(idea.id())).isZero();
    }

    @Test
    void concurrentSupportsOfTheSameAgentCountOnce() throws Exception {
        String agent = documentOf(agentOf(year, "ACREDITADO", null));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> {
                    try {
                        support.support(idea.id(), agent);
                        return true;
                    } catch (IdeaSupport.SupportRefused e) {
                        return false;
                    }
                });
            }
            int accepted = 0;
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                accepted += f.get() ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(support.count(idea.id())).isEqualTo(1);
    }
}
