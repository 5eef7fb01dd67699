package pe.gob.regioncajamarca.participa.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.OpenCycleCommand;
import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Votes under attack, through the real HTTP stack (session cookie, CSRF token, the portal's controller): a hundred
 * concurrent requests count once; votes beyond the allowance, outside the window (before and after, by phase and by
 * the calendar's dates), by a citizen who is not accredited, with another agent's document number slipped into the
 * form, with a missing or wrong CSRF token are refused with a Spanish message; and the tally the portal shows equals
 * the vote rows stored.
 */
class VotesUnderAttackIT extends ProcessTest {

    @Autowired CitizenAccounts accounts;
    @Autowired VotingService voting;
    @Autowired DueDates dueDates;
    @LocalServerPort int port;

    /** A cycle of its own with four CHOTA projects; the voting window given (null: no calendar). */
    private int cycle(CyclePhase phase, LocalDate opensOn, LocalDate closesOn, List<Long> projects) {
        int year = freeYear();
        Map<String, BigDecimal> split = new HashMap<>();
        Scopes.ALL.forEach(s -> split.put(s, new BigDecimal("1000000")));
        List<Cycle.PhaseWindow> windows = opensOn == null ? List.of()
                : List.of(new Cycle.PhaseWindow(CyclePhase.VOTACION, opensOn, closesOn));
        cycleService.open(new OpenCycleCommand(year, new BigDecimal("14000000"), 3, split, windows), null);
        cycleService.changePhase(year, phase, null);
        for (int i = 1; i <= 4; i++) {
            String cui = String.valueOf(year * 10 + i);
            jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, technical_score) "
                            + "VALUES (?, ?, ?, 'CHOTA', 100000, 'Salud', ?, 50)")
                    .params(year, cui, "Proyecto atacado " + cui, TEST_UNIT).update();
            projects.add(jdbc.sql("SELECT id FROM project WHERE cycle_year = ? AND cui = ?").params(year, cui)
                    .query(Long.class).single());
        }
        return year;
    }

    /** A citizen with a portal account and, unless status is null, a registration of the cycle; its DNI. */
    private String citizen(int year, String status) {
        String dni = String.format("3%07d", unique() % 10_000_000);
        long id = accounts.create("DNI", dni, "clave-agente", "a" + dni + "@example.pe", "Ana", "Vera", null);
        if (status != null) {
            jdbc.sql("""
                    INSERT INTO agent_registration (cycle_year, citizen_id, document_number, mobile_phone, sex,
                        birth_date, education_level, province_code, district_ubigeo, consent_at, status, created_at)
                    VALUES (?, ?, ?, '987654321', 'F', DATE '1980-01-01', 'Secundaria', ?, ?, ?, ?, ?)""")
                    .params(year, id, dni, TEST_PROVINCE, TEST_DISTRICT, Timestamp.from(Instant.now()), status,
                            Timestamp.from(Instant.now())).update();
        }
        return dni;
    }

    private Http loggedIn(String dni) {
        Http http = new Http(port);
        var login = http.postForm("/login", Map.of("username", dni, "password", "clave-agente",
                "_csrf", http.csrfTokenOf("/login")));
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return http;
    }

    /** Posts a vote with the session's CSRF token and returns the message the ballot then shows. */
    private String vote(Http http, long project, Map<String, String> extra) {
        Map<String, String> form = new HashMap<>(extra);
        form.put("_csrf", http.csrfTokenOf("/votacion"));
        form.put("confirmado", "true"); // the confirmation's post (issue 19)
        var answer = http.postForm("/votacion/" + project, form);
        assertThat(answer.statusCode()).isEqualTo(302);
        String page = http.get("/votacion").body();
        Matcher m = Pattern.compile("class=\"(?:error|notice)\"[^>]*>([^<]+)<").matcher(page);
        return m.find() ? m.group(1) : page;
    }

    private int votesOf(String dni) {
        return jdbc.sql("SELECT COUNT(*) FROM vote WHERE document_number = ?").param(dni).query(Integer.class).single();
    }

    @Test
    void aHundredConcurrentRequestsForOneAgentAndProjectCountOnce() throws Exception {
        List<Long> projects = new ArrayList<>();
        int year = cycle(CyclePhase.VOTACION, null, null, projects);
        String dni = citizen(year, "ACREDITADO");
        Http http = loggedIn(dni);
        String token = http.csrfTokenOf("/votacion");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<Integer>> clicks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            clicks.add(() -> http.postForm("/votacion/" + projects.get(0), Map.of("_csrf", token,
                    "confirmado", "true")).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(clicks)) {
            statuses.add(f.get());
        }
        assertThat(statuses).hasSize(100).containsOnly(302); // each one answered, none failed
        assertThat(jdbc.sql("SELECT COUNT(*) FROM vote WHERE document_number = ? AND project_id = ?")
                .params(dni, projects.get(0)).query(Integer.class).single()).isEqualTo(1);
        assertThat(voting.votesLeft(year, dni)).contains(2);

        // a hundred concurrent requests of another agent spread over the four projects: exactly the allowance (3)
        String other = citizen(year, "ACREDITADO");
        Http second = loggedIn(other);
        String token2 = second.csrfTokenOf("/votacion");
        List<Callable<Integer>> spread = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long project = projects.get(i % 4);
            spread.add(() -> second.postForm("/votacion/" + project, Map.of("_csrf", token2,
                    "confirmado", "true")).statusCode());
        }
        for (Future<Integer> f : pool.invokeAll(spread)) {
            assertThat(f.get()).isEqualTo(302);
        }
        pool.shutdown();
        assertThat(votesOf(other)).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT project_id) FROM vote WHERE document_number = ?").param(other)
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(voting.votesLeft(year, other)).contains(0);
        tallyEqualsStoredVotes(year);
    }

    @Test
    void votesThatBreakARuleAreRefusedWithASpanishMessageAndStoreNothing() throws Exception {
        List<Long> projects = new ArrayList<>();
        LocalDate today = dueDates.today();
        int year = cycle(CyclePhase.VOTACION, today.minusDays(1), today.plusDays(1), projects);
        String agent = citizen(year, "ACREDITADO");
        String victim = citizen(year, "ACREDITADO");
        Http http = loggedIn(agent);

        // beyond the allowance
        assertThat(vote(http, projects.get(0), Map.of())).contains("Su voto quedó registrado");
        assertThat(vote(http, projects.get(0), Map.of())).contains("Ya votó por este proyecto");
        vote(http, projects.get(1), Map.of());
        vote(http, projects.get(2), Map.of());
        assertThat(vote(http, projects.get(3), Map.of())).contains("Ya usó sus 3 votos");
        assertThat(votesOf(agent)).isEqualTo(3);

        // another agent's document number slipped into the form counts for nobody but the session's agent
        String intruder = citizen(year, "ACREDITADO");
        Http intruding = loggedIn(intruder);
        vote(intruding, projects.get(3), Map.of("documentNumber", victim, "username", victim,
                "document_number", victim));
        assertThat(votesOf(victim)).isZero();
        assertThat(votesOf(intruder)).isEqualTo(1);

        // not accredited: a pending registration, or no registration at all
        for (String status : new String[] {"PENDIENTE", "RECHAZADO", null}) {
            String dni = citizen(year, status);
            assertThat(vote(loggedIn(dni), projects.get(0), Map.of()))
                    .contains("Solo los agentes participantes acreditados en el ciclo " + year + " pueden votar");
            assertThat(votesOf(dni)).isZero();
        }

        // missing or wrong CSRF token: 403 with the Spanish error page, nothing stored
        int before = votesOf(victim);
        Http victimSession = loggedIn(victim);
        HttpResponse<String> noToken = victimSession.postForm("/votacion/" + projects.get(0),
                Map.of("confirmado", "true"));
        HttpResponse<String> wrongToken = victimSession.postForm("/votacion/" + projects.get(0),
                Map.of("_csrf", "00000000-0000-0000-0000-000000000000", "confirmado", "true"));
        HttpResponse<String> othersToken = victimSession.postForm("/votacion/" + projects.get(0),
                Map.of("_csrf", http.csrfTokenOf("/votacion"), "confirmado", "true")); // a token of another session
        for (HttpResponse<String> r : List.of(noToken, wrongToken, othersToken)) {
            assertThat(r.statusCode()).isEqualTo(403);
        }
        assertThat(votesOf(victim)).isEqualTo(before);
        // what a browser (Accept: text/html) reads then: the Spanish error page
        HttpResponse<String> browser = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create("http://localhost:" + port + "/votacion/" + projects.get(0)))
                        .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=falso&confirmado=true")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(browser.statusCode()).isEqualTo(403);
        assertThat(browser.body()).contains("No tiene permiso para ver esta página", "inicie sesión");

        // anonymous: sent to the login, nothing stored
        assertThat(new Http(port).postForm("/votacion/" + projects.get(0), Map.of("confirmado", "true")).statusCode())
                .isIn(302, 403);

        // an unknown project
        assertThat(vote(victimSession, 987_654_321L, Map.of())).contains("El proyecto no existe");
        assertThat(votesOf(victim)).isEqualTo(before);
        tallyEqualsStoredVotes(year);
    }

    @Test
    void votesOutsideTheWindowAreRefused() {
        LocalDate today = dueDates.today();
        // before: the cycle is still in its evaluation
        List<Long> early = new ArrayList<>();
        int evaluating = cycle(CyclePhase.EVALUACION, today.plusDays(1), today.plusDays(5), early);
        String a = citizen(evaluating, "ACREDITADO");
        assertThat(vote(loggedIn(a), early.get(0), Map.of()))
                .contains("La votación del ciclo " + evaluating + " no está abierta");

        // before, by the dates: phase already set but the window opens tomorrow
        List<Long> soon = new ArrayList<>();
        int notYet = cycle(CyclePhase.VOTACION, today.plusDays(1), today.plusDays(5), soon);
        String b = citizen(notYet, "ACREDITADO");
        assertThat(vote(loggedIn(b), soon.get(0), Map.of()))
                .contains("La votación del ciclo " + notYet + " empieza el " + today.plusDays(1));

        // after, by the dates: the window ended yesterday but the closing timer has not run yet (a node down)
        List<Long> late = new ArrayList<>();
        int ended = cycle(CyclePhase.VOTACION, today.minusDays(5), today.minusDays(1), late);
        String c = citizen(ended, "ACREDITADO");
        assertThat(vote(loggedIn(c), late.get(0), Map.of()))
                .contains("La votación del ciclo " + ended + " terminó el " + today.minusDays(1));

        // after: prioritisation has started
        List<Long> done = new ArrayList<>();
        int prioritising = cycle(CyclePhase.PRIORIZACION, today.minusDays(5), today.minusDays(1), done);
        String d = citizen(prioritising, "ACREDITADO");
        assertThat(vote(loggedIn(d), done.get(0), Map.of()))
                .contains("La votación del ciclo " + prioritising + " no está abierta");

        // closed early by the planning office
        List<Long> closed = new ArrayList<>();
        int closedEarly = cycle(CyclePhase.VOTACION, today.minusDays(1), today.plusDays(5), closed);
        cycleService.recordEarlyClose(closedEarly, CyclePhase.VOTACION, "planner", "prueba");
        String e = citizen(closedEarly, "ACREDITADO");
        assertThat(vote(loggedIn(e), closed.get(0), Map.of()))
                .contains("La votación del ciclo " + closedEarly + " fue cerrada");

        for (String dni : List.of(a, b, c, d, e)) {
            assertThat(votesOf(dni)).isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM ballot WHERE document_number = ?").param(dni)
                    .query(Integer.class).single()).isZero();
        }
    }

    /** The live tally (service and, when it shows this cycle, the public page) equals the vote rows. */
    private void tallyEqualsStoredVotes(int year) {
        Map<String, Integer> stored = new HashMap<>();
        jdbc.sql("SELECT p.cui, COUNT(v.id) FROM project p LEFT JOIN vote v ON v.project_id = p.id "
                        + "WHERE p.cycle_year = ? GROUP BY p.cui").param(year)
                .query((rs, i) -> stored.put(rs.getString(1), rs.getInt(2))).list();
        Map<String, Integer> tally = new HashMap<>();
        voting.tally(year).forEach(t -> tally.put(t.cui(), t.votes()));
        assertThat(tally).isEqualTo(stored);
        String page = new Http(port).get("/votacion/resultados").body();
        if (page.contains("Ciclo <span>" + year + "</span>")) {
            stored.forEach((cui, n) -> assertThat(page).containsPattern(
                    Pattern.quote(cui) + " · [^<]*</td><td class=\"num\">" + n + "</td>"));
        }
        // what prioritisation and open data will use
        voting.storeFinalCounts(year);
        Map<String, Integer> counted = new HashMap<>();
        jdbc.sql("SELECT cui, online_votes FROM project WHERE cycle_year = ?").param(year)
                .query((rs, i) -> counted.put(rs.getString(1), rs.getInt(2))).list();
        assertThat(counted).isEqualTo(stored);
    }
}
