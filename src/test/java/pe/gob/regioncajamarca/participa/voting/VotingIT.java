package pe.gob.regioncajamarca.participa.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.PrioritisationRun;
import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/** Votes: only accredited agents, during the window, one per project, no more than the cycle allows, under load. */
class VotingIT extends ProcessTest {

    @Autowired VotingService voting;
    @Autowired PrioritisationRun prioritisation;
    @Autowired CitizenAccounts accounts;
    @LocalServerPort int port;
    int year;
    List<Long> projects;

    /** The portal's ballot shows the newest cycle not yet formalised: this test's cycle must not outlive it. */
    @AfterEach
    void votingIsOver() {
        cycleService.changePhase(year, CyclePhase.FORMALIZADO, null);
    }

    @BeforeEach
    void votingIsOpen() {
        year = freeYear();
        openCycle(year, 3);
        cycleService.changePhase(year, CyclePhase.VOTACION, null);
        projects = new ArrayList<>();
        // CHOTA: (cui, cost, technical)
        Object[][] rows = {{"100", "600000", 80}, {"200", "500000", 70}, {"300", "300000", 90}, {"400", "100000", 40}};
        for (Object[] r : rows) {
            jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, technical_score) "
                            + "VALUES (?, ?, ?, 'CHOTA', ?, 'Salud', ?, ?)")
                    .params(year, r[0], "Proyecto " + r[0], new BigDecimal((String) r[1]), TEST_UNIT, r[2]).update();
            projects.add(jdbc.sql("SELECT id FROM project WHERE cycle_year = ? AND cui = ?").params(year, r[0])
                    .query(Long.class).single());
        }
    }

    /** An accredited agent of this test's cycle; returns the document number. */
    String agent(String status) {
        String dni = String.format("2%07d", unique() % 10_000_000);
        long id = accounts.create("DNI", dni, "clave-agente", dni + "@example.pe", "Ana", "Vera", null);
        jdbc.sql("""
                INSERT INTO agent_registration (cycle_year, citizen_id, document_number, mobile_phone, sex, birth_date,
                    education_level, province_code, district_ubigeo, consent_at, status, created_at)
                VALUES (?, ?, ?, '987654321', 'F', DATE '1980-01-01', 'Secundaria', ?, ?, ?, ?, ?)""")
                .params(year, id, dni, TEST_PROVINCE, TEST_DISTRICT, Timestamp.from(Instant.now()), status,
                        Timestamp.from(Instant.now())).update();
        return dni;
    }

    @Test
    void anAgentVotesOncePerProjectAndNoMoreThanTheCycleAllows() {
        String dni = agent("ACREDITADO");
        assertThat(voting.cast(year, dni, projects.get(0))).isEqualTo(2);
        assertThatThrownBy(() -> voting.cast(year, dni, projects.get(0))).hasMessageContaining("Ya votó por este proyecto");
        assertThat(voting.cast(year, dni, projects.get(1))).isEqualTo(1);
        assertThat(voting.cast(year, dni, projects.get(2))).isZero();
        assertThatThrownBy(() -> voting.cast(year, dni, projects.get(3))).hasMessageContaining("Ya usó sus 3 votos");
        assertThat(voting.votedProjects(year, dni)).containsExactlyInAnyOrder(projects.get(0), projects.get(1),
                projects.get(2));
    }

    @Test
    void onlyAccreditedAgentsVoteAndOnlyWhileVotingIsOpen() {
        String pending = agent("PENDIENTE");
        assertThatThrownBy(() -> voting.cast(year, pending, projects.get(0))).hasMessageContaining("acreditados");
        String dni = agent("ACREDITADO");
        cycleService.changePhase(year, CyclePhase.PRIORIZACION, null);
        assertThatThrownBy(() -> voting.cast(year, dni, projects.get(0))).hasMessageContaining("no está abierta");
        assertThat(voting.votesLeft(year, dni)).isEmpty();
    }

    @Test
    void concurrentClicksOfOneAgentNeverExceedTheLimitNorVoteTwiceForAProject() throws Exception {
        String dni = agent("ACREDITADO");
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            long project = projects.get(i % projects.size());
            attempts.add(() -> {
                try {
                    voting.cast(year, dni, project);
                    return true;
                } catch (VotingService.VoteRefused e) {
                    return false;
                }
            });
        }
        int accepted = 0;
        for (Future<Boolean> f : pool.invokeAll(attempts)) {
            if (f.get()) {
                accepted++;
            }
        }
        pool.shutdown();
        assertThat(accepted).isEqualTo(3);
        assertThat(voting.votedProjects(year, dni)).hasSize(3).doesNotHaveDuplicates();
        assertThat(voting.votesLeft(year, dni)).contains(0);
    }

    @Test
    void manyAgentsVotingAtOnceAreAllCountedAndPrioritisationFollowsTheRule() throws Exception {
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            agents.add(agent("ACREDITADO"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> casts = new ArrayList<>();
        for (int i = 0; i < agents.size(); i++) {
            String dni = agents.get(i);
            int n = i;
            casts.add(() -> voting.cast(year, dni, projects.get(n < 30 ? 0 : 1)));
            if (i < 10) {
                casts.add(() -> voting.cast(year, dni, projects.get(2)));
            }
        }
        for (Future<Integer> f : pool.invokeAll(casts)) {
            f.get();
        }
        pool.shutdown();
        Map<String, Integer> live = new HashMap<>();
        voting.tally(year).forEach(t -> live.put(t.cui(), t.votes()));
        assertThat(live).containsEntry("100", 30).containsEntry("200", 10).containsEntry("300", 10)
                .containsEntry("400", 0);

        voting.storeFinalCounts(year);
        var results = prioritisation.run(year);
        // CHOTA envelope 1,000,000; most votes 30
        // 100: 0.8*80 + 0.2*100     = 84.0000  600,000 -> funded (400,000 left)
        // 300: 0.8*90 + 0.2*33.3333 = 78.6667  300,000 -> funded (100,000 left)
        // 200: 0.8*70 + 0.2*33.3333 = 62.6667  500,000 -> does not fit
        // 400: 0.8*40 + 0                = 32.0000  100,000 -> fits: funded
        Map<String, Object[]> byCui = new HashMap<>();
        jdbc.sql("SELECT cui, total_score, scope_rank, prioritized, votes FROM project WHERE cycle_year = ?").param(year)
                .query((rs, i) -> byCui.put(rs.getString(1), new Object[] {rs.getBigDecimal(2), rs.getInt(3),
                        rs.getBoolean(4), rs.getInt(5)})).list();
        assertThat((BigDecimal) byCui.get("100")[0]).isEqualByComparingTo("84.0000");
        assertThat((BigDecimal) byCui.get("300")[0]).isEqualByComparingTo("78.6667");
        assertThat(byCui.get("100")).containsSubsequence(1, true, 30);
        assertThat(byCui.get("300")).containsSubsequence(2, true);
        assertThat(byCui.get("200")).containsSubsequence(3, false);
        assertThat(byCui.get("400")).containsSubsequence(4, true);
        assertThat(prioritisation.run(year)).isEqualTo(results); // reproducible

        // pabulib: only once the results are published; voters pseudonymous
        Http http = new Http(port);
        assertThat(http.get("/api/open-data/cycles/" + year + "/pabulib/CHOTA.pb").statusCode()).isEqualTo(404);
        cycleService.changePhase(year, CyclePhase.FORMALIZACION, null);
        var pb = http.get("/api/open-data/cycles/" + year + "/pabulib/CHOTA.pb");
        assertThat(pb.statusCode()).isEqualTo(200);
        String body = pb.body();
        assertThat(PabulibFormat.problems(body)).isEmpty();
        assertThat(body).contains("num_projects;4\n", "num_votes;40\n", "budget;1000000\n", "max_length;3\n",
                "rule;greedy\n", "project_id;cost;votes;name;selected;description\n", "100;600000;30;Proyecto 100;1;",
                "200;500000;10;Proyecto 200;0;", "VOTES\nvoter_id;vote;voting_method\n");
        String votes = body.substring(body.indexOf("VOTES\nvoter_id;vote;voting_method\n")
                + "VOTES\nvoter_id;vote;voting_method\n".length());
        assertThat(votes.lines()).hasSize(40).allMatch(l -> l.endsWith(";internet"));
        assertThat(votes.lines().map(l -> l.substring(0, l.length() - ";internet".length()))
                .filter(l -> l.endsWith(";100,300") || l.endsWith(";300,100") || l.endsWith(";200,300")
                        || l.endsWith(";300,200")).count()).isEqualTo(10);
        agents.forEach(dni -> assertThat(body).doesNotContain(dni));
    }

    @Test
    void thePortalBallotCastsAVoteAndADoubleClickCastsNoSecond() {
        assertThat(new Http(port).get("/votacion").statusCode()).isEqualTo(302); // login first
        String dni = agent("ACREDITADO");
        Http http = new Http(port);
        http.postForm("/login", Map.of("username", dni, "password", "clave-agente", "_csrf", http.csrfTokenOf("/login")));
        String page = http.get("/votacion").body();
        assertThat(page).contains("le quedan <strong>3</strong>", "/votacion/" + projects.get(0));
        String token = http.csrfTokenOf("/votacion");
        // scopes as people write them, never their codes
        assertThat(page).contains("<h2>Chota</h2>").doesNotContain(">CHOTA<");
        // «Votar» asks first (issue 19): a page with the project, «Confirmar voto» and «Volver»; nothing cast yet
        var ask = http.postForm("/votacion/" + projects.get(0), Map.of("_csrf", token));
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(ask.body()).contains("¿Confirma su voto?", "Proyecto 100", "Chota", "Confirmar voto",
                "Volver a la votación", "name=\"confirmado\" value=\"true\"", "name=\"_csrf\"");
        assertThat(voting.votedProjects(year, dni)).isEmpty();
        var first = http.postForm("/votacion/" + projects.get(0), Map.of("_csrf", token, "confirmado", "true"));
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(http.get("/votacion").body()).contains("Su voto quedó registrado. Le quedan 2 votos.", "✓ Votó");
        var second = http.postForm("/votacion/" + projects.get(0), Map.of("_csrf", token, "confirmado", "true")); // the double click
        assertThat(second.statusCode()).isEqualTo(302);
        assertThat(http.get("/votacion").body()).contains("Ya votó por este proyecto");
        assertThat(voting.votedProjects(year, dni)).containsExactly(projects.get(0));
        assertThat(http.postForm("/votacion/" + projects.get(1), Map.of("confirmado", "true")).statusCode())
                .isEqualTo(403); // no CSRF
        // asking to confirm a project already voted goes back to the ballot with the reason
        assertThat(http.postForm("/votacion/" + projects.get(0), Map.of("_csrf", token)).statusCode()).isEqualTo(302);
        assertThat(http.get("/votacion").body()).contains("Ya votó por este proyecto");
        var tally = new Http(port).get("/votacion/resultados");
        assertThat(tally.statusCode()).isEqualTo(200);
        assertThat(tally.body()).contains("Proyecto 100").doesNotContain(dni);
    }
}
