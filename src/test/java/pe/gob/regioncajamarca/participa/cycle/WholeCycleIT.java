package pe.gob.regioncajamarca.participa.cycle;

import pe.gob.regioncajamarca.participa.projects.Scopes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import pe.gob.regioncajamarca.participa.oversight.CommitteeElection;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;
import pe.gob.regioncajamarca.participa.voting.VotingService;
import pe.gob.regioncajamarca.participa.testsupport.PaperBallotFixture;
import pe.gob.regioncajamarca.participa.voting.PaperBallots;
import pe.gob.regioncajamarca.participa.voting.Workshops;

/**
 * A whole participatory-budget cycle on PostgreSQL, through the engine: the 13 provinces and MULTIPROVINCIAL,
 * 210 projects loaded from a PMI file, one evaluation matrix per scope, 1,000 accredited agents voting
 * concurrently (with double clicks), a provincial workshop typed twice, the timers closing the voting, the
 * prioritisation checked against the rule computed here independently, the approval, the committee's election
 * and the registration for monitoring. Deterministic (seeded); runs on PostgreSQL only (H2 adds nothing here).
 */
@EnabledIfSystemProperty(named = "participa.test.db", matches = "postgres")
// a context (and so a database) of its own: its monitored projects stay out of the other tests' rounds
@org.springframework.test.context.TestPropertySource(properties = {"participa.test.context=whole-cycle",
        // an engine name of its own: engines register by name in a static registry that /engine-rest and the
        // webapps of the shared test context look up, and "default" must stay that context's engine
        "camunda.bpm.process-engine-name=wholecycle"})
class WholeCycleIT extends ProcessTest {

    static final LocalDate START = LocalDate.of(2026, 3, 2);
    static final int AGENTS = 1000;
    static final int PROJECTS_PER_SCOPE = 15;
    static final int VOTES_PER_AGENT = 5;
    /** Accredited agents who do not vote online first: 30 on paper, 10 on both channels at once, 2 unmatched. */
    static final int PAPER_AGENTS = 42;

    @Autowired CycleStarter starter;
    @Autowired VotingService voting;
    @Autowired Workshops workshops;
    @Autowired PaperBallots paper;
    @Autowired CommitteeElection elections;
    @Autowired pe.gob.regioncajamarca.participa.ledger.Ledger ledger;
    @Autowired pe.gob.regioncajamarca.participa.results.IntegrityCheck integrity;
    @LocalServerPort int port;

    record Planned(String cui, String scope, BigDecimal cost, List<String> districts, int technical) {
    }

    @Test
    void aWholeCycleOfTheRegionGivesExactlyTheResultsOfTheRule() throws Exception {
        int year = freeYear();
        Random random = new Random(20261123L);

        // the territory as the database has it: districts by scope
        Map<String, List<String>> districtsByScope = new LinkedHashMap<>();
        jdbc.sql("SELECT p.scope, d.ubigeo FROM district d JOIN province p ON p.code = d.province_code "
                        + "WHERE d.province_code LIKE '06%' AND d.province_code <> ? ORDER BY d.ubigeo")
                .param(TEST_PROVINCE)
                .query((rs, i) -> districtsByScope.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(rs.getString(2))).list();
        assertThat(districtsByScope).hasSize(13);
        List<String> allDistricts = districtsByScope.values().stream().flatMap(List::stream).toList();
        List<String> units = jdbc.sql("SELECT code FROM executing_unit WHERE code <> ? ORDER BY code").param(TEST_UNIT)
                .query(String.class).list();

        // the investment programme: 15 projects per scope, envelopes that fund about half of them
        List<Planned> plan = new ArrayList<>();
        Map<String, BigDecimal> envelopes = new LinkedHashMap<>();
        int cui = 3_000_000 + (year % 100) * 1_000;
        for (String scope : Scopes.ALL) {
            BigDecimal total = BigDecimal.ZERO;
            for (int i = 0; i < PROJECTS_PER_SCOPE; i++) {
                boolean multi = Scopes.MULTIPROVINCIAL.equals(scope);
                BigDecimal cost;
                List<String> districts = new ArrayList<>();
                if (multi) {
                    // some of regional impact, some too cheap, some in one province only
                    cost = BigDecimal.valueOf(2_000_000L + random.nextInt(40) * 250_000L);
                    List<String> province = districtsByScope.get(Scopes.ALL.get(random.nextInt(13)));
                    districts.add(province.get(0));
                    districts.add(province.get(1));
                    if (i % 4 != 0) {
                        districts.add(allDistricts.get(random.nextInt(allDistricts.size())));
                    }
                } else {
                    cost = BigDecimal.valueOf(100_000L + random.nextInt(40) * 50_000L);
                    List<String> own = districtsByScope.get(scope);
                    districts.add(own.get(random.nextInt(own.size())));
                }
                int technical = 40 + 5 * random.nextInt(13); // multiples of 5: ties happen
                plan.add(new Planned(String.valueOf(cui++), scope, cost, districts.stream().distinct().toList(), technical));
                total = total.add(cost);
            }
            envelopes.put(scope, total.divide(BigDecimal.valueOf(2), 0, RoundingMode.DOWN));
        }
        assertThat(plan).hasSizeGreaterThanOrEqualTo(200);

        // opening the cycle (the start form's path) with those envelopes
        clockAt(START);
        BigDecimal envelope = envelopes.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        OpenCycleCommand base = CycleProcessIT.command(year, START);
        String pid = starter.start(new OpenCycleCommand(year, envelope, VOTES_PER_AGENT, envelopes, base.calendar()));
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();

        clockAt(START.plusDays(7));
        executeDueJobs(pid);
        assertThat(cycleService.find(year).orElseThrow().phase()).isEqualTo(CyclePhase.INSCRIPCION);
        StringBuilder pmi = new StringBuilder("cui;nombre;ambito;distritos;costo;funcion;unidad_ejecutora\n");
        for (Planned p : plan) {
            pmi.append(p.cui()).append(";Proyecto ").append(p.cui()).append(";").append(p.scope()).append(";")
                    .append(String.join(" ", p.districts())).append(";").append(p.cost().toPlainString())
                    .append(";Transporte;").append(units.get(Integer.parseInt(p.cui()) % units.size())).append("\n");
        }
        complete(taskOf(pid, "Task_LoadInvestmentProgramme"), withVariables("programa", CycleProcessIT.pmi(pmi.toString())));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM project WHERE cycle_year = ?").param(year).query(Integer.class)
                .single()).isEqualTo(plan.size());

        // 1,000 accredited agents (their accreditation process is tested on its own)
        List<String> agents = accreditedAgents(year);

        clockAt(START.plusDays(14));
        executeDueJobs(pid);
        clockAt(START.plusDays(35));
        executeDueJobs(pid);
        assertThat(cycleService.find(year).orElseThrow().phase()).isEqualTo(CyclePhase.EVALUACION);
        List<Task> evaluations = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_EvaluateProjects")
                .list();
        assertThat(evaluations).hasSize(14);
        for (Task t : evaluations) {
            String scope = (String) tasks.getVariable(t.getId(), "ambito");
            StringBuilder matrix = new StringBuilder("cui;puntaje;comentario\n");
            plan.stream().filter(p -> p.scope().equals(scope)).forEach(p -> matrix.append(p.cui()).append(";")
                    .append(p.technical()).append(";Evaluado\n"));
            complete(t, withVariables("matrizEvaluacion", CycleProcessIT.pmi(matrix.toString())));
        }

        clockAt(START.plusDays(56));
        executeDueJobs(pid);
        assertThat(cycleService.find(year).orElseThrow().phase()).isEqualTo(CyclePhase.VOTACION);
        Map<String, Long> idOf = new HashMap<>();
        jdbc.sql("SELECT cui, id FROM project WHERE cycle_year = ?").param(year)
                .query((rs, i) -> idOf.put(rs.getString(1), rs.getLong(2))).list();

        // every agent votes for up to 5 projects at once with the others; some click twice
        Map<String, Integer> expectedVotes = new ConcurrentHashMap<>();
        List<List<String>> ballots = new ArrayList<>();
        for (int a = 0; a < AGENTS; a++) {
            // agents favour some projects: the first projects of a scope get more votes
            List<String> choice = new ArrayList<>();
            int n = 1 + random.nextInt(VOTES_PER_AGENT);
            while (choice.size() < n) {
                Planned p = plan.get(Math.min(plan.size() - 1, (int) Math.abs(random.nextGaussian() * 70)));
                if (!choice.contains(p.cui())) {
                    choice.add(p.cui());
                }
            }
            ballots.add(choice);
            choice.forEach(c -> expectedVotes.merge(c, 1, Integer::sum));
        }
        AtomicInteger refusedDoubles = new AtomicInteger();
        long votingStarted = System.nanoTime();
        // fewer threads than the pool has connections: HikariCP favours a thread that just returned a connection
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int a = 0; a < AGENTS; a++) {
                String dni = agents.get(a);
                List<String> choice = ballots.get(a);
                boolean doubleClick = a % 10 == 0;
                futures.add(pool.submit(() -> {
                    for (String c : choice) {
                        voting.cast(year, dni, idOf.get(c));
                        if (doubleClick) {
                            try {
                                voting.cast(year, dni, idOf.get(c));
                            } catch (VotingService.VoteRefused e) {
                                refusedDoubles.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        System.out.printf("WholeCycleIT: %d votes cast by %d agents in %.1f s%n", ballots.stream().mapToInt(List::size)
                .sum(), AGENTS, (System.nanoTime() - votingStarted) / 1e9);
        int doubleClicks = 0;
        for (int a = 0; a < AGENTS; a += 10) {
            doubleClicks += ballots.get(a).size();
        }
        assertThat(refusedDoubles.get()).isEqualTo(doubleClicks);
        int cast = ballots.stream().mapToInt(List::size).sum();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM vote v JOIN project p ON p.id = v.project_id WHERE p.cycle_year = ?")
                .param(year).query(Integer.class).single()).isEqualTo(cast);

        // in-person workshops, registered beforehand inside the voting window (a date after it is refused)
        LocalDate workshopDay = START.plusDays(56);
        assertThatThrownBy(() -> workshops.register(year, "CELENDIN", START.plusDays(63), "Coliseo de Celendín",
                "planner")).isInstanceOf(Workshops.Refused.class).hasMessageContaining("fuera de la votación");
        long celendin = workshops.register(year, "CELENDIN", workshopDay, "Coliseo de Celendín", "planner");
        List<String> celendinCuis = plan.stream().filter(p -> p.scope().equals("CELENDIN")).map(Planned::cui).toList();
        java.util.function.Supplier<List<String>> paperChoice = () -> {
            List<String> choice = new ArrayList<>();
            int n = 1 + random.nextInt(VOTES_PER_AGENT);
            while (choice.size() < n) {
                String c = celendinCuis.get(random.nextInt(celendinCuis.size()));
                if (!choice.contains(c)) {
                    choice.add(c);
                }
            }
            return choice;
        };
        // 30 agents who did not vote online vote on paper: each ballot entered twice by two people counts
        Map<String, Integer> workshopVotes = new ConcurrentHashMap<>();
        for (int a = AGENTS; a < AGENTS + 30; a++) {
            List<String> choice = paperChoice.get();
            assertThat(PaperBallotFixture.ballot(paper, year, celendin, "P" + a, agents.get(a), choice).counted())
                    .isTrue();
            choice.forEach(c -> workshopVotes.merge(c, 1, Integer::sum));
        }
        // paper first, then online: refused, whatever project
        for (int a = AGENTS; a < AGENTS + 5; a++) {
            String dni = agents.get(a);
            assertThatThrownBy(() -> voting.cast(year, dni, idOf.get(plan.get(0).cui())))
                    .isInstanceOf(VotingService.VoteRefused.class).hasMessageContaining("ya votó en papel");
        }
        // online first, then paper: refused, and nothing of the entry is stored
        for (int a = 0; a < 5; a++) {
            String dni = agents.get(a);
            String sheet = "L" + a;
            List<String> choice = ballots.get(a);
            assertThatThrownBy(() -> paper.enter(year, celendin, sheet, dni, choice, "digitador.uno"))
                    .isInstanceOf(Workshops.Refused.class).hasMessageContaining("ya votó en línea");
            assertThat(paper.entriesOf(celendin, sheet)).isEmpty();
        }
        // both channels at the same moment: the second paper entry and the online votes of 10 agents race; each agent
        // ends with one ballot on one channel, never votes of both
        ExecutorService racing = Executors.newFixedThreadPool(4);
        Map<String, List<String>> onlineChoiceOf = new HashMap<>();
        Map<String, List<String>> paperChoiceOf = new HashMap<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int a = AGENTS + 30; a < AGENTS + 40; a++) {
                String dni = agents.get(a);
                String sheet = "R" + a;
                List<String> onPaper = paperChoice.get();
                List<String> online = List.of(plan.get(a % plan.size()).cui(), plan.get((a + 1) % plan.size()).cui());
                paperChoiceOf.put(dni, onPaper);
                onlineChoiceOf.put(dni, online);
                paper.enter(year, celendin, sheet, dni, onPaper, "digitador.uno");
                futures.add(racing.submit(() -> {
                    try {
                        paper.enter(year, celendin, sheet, dni, onPaper, "digitador.dos");
                    } catch (Workshops.Refused e) {
                        assertThat(e.getMessage()).contains("ya votó en línea");
                    }
                    return null;
                }));
                futures.add(racing.submit(() -> {
                    for (String c : online) {
                        try {
                            voting.cast(year, dni, idOf.get(c));
                        } catch (VotingService.VoteRefused e) {
                            assertThat(e.getMessage()).contains("ya votó en papel");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            racing.shutdown();
        }
        int onlineWon = 0;
        for (String dni : onlineChoiceOf.keySet()) {
            List<String> channels = jdbc.sql("SELECT DISTINCT channel FROM vote WHERE cycle_year = ? AND document_number = ?")
                    .params(year, dni).query(String.class).list();
            assertThat(channels).as("channels of " + dni).hasSize(1);
            List<String> votedCuis = jdbc.sql("SELECT p.cui FROM vote v JOIN project p ON p.id = v.project_id "
                    + "WHERE v.cycle_year = ? AND v.document_number = ?").params(year, dni).query(String.class).list();
            if (channels.get(0).equals("PAPEL")) {
                assertThat(votedCuis).containsExactlyInAnyOrderElementsOf(paperChoiceOf.get(dni));
                votedCuis.forEach(c -> workshopVotes.merge(c, 1, Integer::sum));
            } else {
                assertThat(votedCuis).containsExactlyInAnyOrderElementsOf(onlineChoiceOf.get(dni));
                votedCuis.forEach(c -> expectedVotes.merge(c, 1, Integer::sum));
                onlineWon++;
            }
        }
        // entries that never match before the close: one without its second entry, one whose entries differ
        paper.enter(year, celendin, "S1", agents.get(AGENTS + 40), List.of(celendinCuis.get(0)), "digitador.uno");
        paper.enter(year, celendin, "S2", agents.get(AGENTS + 41), List.of(celendinCuis.get(0)), "digitador.uno");
        assertThat(paper.enter(year, celendin, "S2", agents.get(AGENTS + 41), List.of(celendinCuis.get(1)),
                "digitador.dos").differences()).containsExactly(
                "Proyectos solo en la digitación de digitador.uno: " + celendinCuis.get(0) + ".",
                "Proyectos solo en esta digitación: " + celendinCuis.get(1) + ".");

        // the voting's end timer closes the voting and the prioritisation runs
        clockAt(START.plusDays(63));
        executeDueJobs(pid);
        assertThat(pi).hasPassed("Task_CloseVoting", "Task_Prioritise").isWaitingAt("Task_ReviewPrioritisation");
        // the sheets that never matched did not count, and the planning office sees them listed
        int notCounted = 2 + onlineWon;
        assertThat(paper.unmatched(year)).hasSize(notCounted).allSatisfy(sheet -> assertThat(sheet.entries())
                .allMatch(e -> e.status().equals(PaperBallots.NOT_COUNTED)));
        assertThat(paper.notCountedAtClose(year)).isEqualTo(notCounted);
        String planner = staffUser("planning");
        Http staff = new Http(port);
        staff.staffLogin(planner, "secreto-" + planner);
        assertThat(staff.get("/personal/ciclos/" + year + "/talleres").body())
                .contains("Cédulas no contadas al cierre de la votación", "Cédula <span>S1</span>", "Cédula <span>S2</span>");
        assertThat(new Http(port).get("/resultados/" + year).body()).contains(notCounted + "</strong> cédulas en papel no contadas");

        // the rule, computed here from the plan, the ballots and the workshop
        Map<String, Expected> expected = expected(plan, envelopes, expectedVotes, workshopVotes);
        JsonNode published = new ObjectMapper().readTree(new Http(port).get("/api/open-data/cycles/" + year + "/projects")
                .body());
        assertThat(published).hasSize(plan.size());
        int funded = 0;
        for (JsonNode p : published) {
            Expected e = expected.get(p.get("cui").asText());
            String what = "CUI " + p.get("cui").asText();
            assertThat(p.get("votes").asInt()).as(what).isEqualTo(e.votes());
            assertThat(new BigDecimal(p.get("voteScore").asText())).as(what).isEqualByComparingTo(e.voteScore());
            assertThat(new BigDecimal(p.get("totalScore").asText())).as(what).isEqualByComparingTo(e.total());
            assertThat(p.get("rank").isNull() ? null : p.get("rank").asInt()).as(what).isEqualTo(e.rank());
            assertThat(p.get("prioritized").asBoolean()).as(what).isEqualTo(e.funded());
            funded += e.funded() ? 1 : 0;
        }
        assertThat(funded).isGreaterThan(50);
        // the cases that matter occurred: a skipped project followed by a funded one, ineligible multiprovincials
        assertThat(expected.values()).anyMatch(Expected::skippedThenCheaperFunded);
        assertThat(expected.values()).anyMatch(e -> e.rank() == null);

        // formalisation: review, approval, the committee, publication and monitoring
        complete(taskOf(pid, "Task_ReviewPrioritisation"), withVariables("matrizRevisada", true));
        complete(taskOf(pid, "Task_ApproveResults"), withVariables("resultadosAprobados", "si"));
        List<Long> committee = jdbc.sql("SELECT id FROM agent_registration WHERE cycle_year = ? ORDER BY id FETCH FIRST 5 ROWS ONLY")
                .param(year).query(Long.class).list();
        elections.record(year, new CommitteeElection.Assembly(START.plusDays(63), "Coliseo de Cajamarca", 600, null),
                List.of(new CommitteeElection.Candidate(committee.get(0), "PRESIDENTE", 300, Set.of("CAJAMARCA")),
                        new CommitteeElection.Candidate(committee.get(1), "SECRETARIO", 250, Set.of("CHOTA", "CUTERVO")),
                        new CommitteeElection.Candidate(committee.get(2), "MIEMBRO", 200, Set.of("JAEN", "SAN_IGNACIO")),
                        new CommitteeElection.Candidate(committee.get(3), "MIEMBRO", 150, Set.of("CELENDIN")),
                        new CommitteeElection.Candidate(committee.get(4), "MIEMBRO", 120, Set.of(Scopes.MULTIPROVINCIAL))),
                "planner");
        complete(taskOf(pid, "Task_ElectCommittee"));
        executeDueJobs(pid);
        assertThat(pi).isEnded();
        assertThat(cycleService.find(year).orElseThrow().phase()).isEqualTo(CyclePhase.FORMALIZADO);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM project WHERE cycle_year = ? AND monitored_since IS NOT NULL")
                .param(year).query(Integer.class).single()).isEqualTo(funded);

        // the integrity ledger: every vote and decision sealed in a whole chain, and the published votes, scores and
        // results recomputed from the ledger alone are the ones stored (docs/security.md)
        ledger.sealNow();
        pe.gob.regioncajamarca.participa.ledger.Ledger.ChainCheck chain = ledger.verify();
        assertThat(chain.intact()).as(chain.problem()).isTrue();
        assertThat(ledger.countBySubject(year, pe.gob.regioncajamarca.participa.ledger.LedgerKinds.VOTE).values()
                .stream().mapToInt(Integer::intValue).sum()).isEqualTo(expectedVotes.values().stream()
                .mapToInt(Integer::intValue).sum());
        pe.gob.regioncajamarca.participa.results.IntegrityCheck.CycleCheck logged = integrity.check(year);
        assertThat(logged.differences()).isEmpty();
        assertThat(logged.status()).isEqualTo("CONFORME");
    }

    record Expected(int votes, BigDecimal voteScore, BigDecimal total, Integer rank, boolean funded,
                    boolean skippedThenCheaperFunded) {
    }

    /** The domain's rule (domain.md, step 7), written again here without the application's code. */
    static Map<String, Expected> expected(List<Planned> plan, Map<String, BigDecimal> envelopes,
                                          Map<String, Integer> online, Map<String, Integer> workshop) {
        Map<String, Expected> out = new HashMap<>();
        for (String scope : Scopes.ALL) {
            List<Planned> projects = plan.stream().filter(p -> p.scope().equals(scope)).toList();
            Map<String, Integer> votes = new HashMap<>();
            projects.forEach(p -> votes.put(p.cui(), online.getOrDefault(p.cui(), 0) + workshop.getOrDefault(p.cui(), 0)));
            int max = votes.values().stream().max(Integer::compare).orElse(0);
            Map<String, BigDecimal> voteScore = new HashMap<>();
            Map<String, BigDecimal> total = new HashMap<>();
            // the exact total as a fraction: 0.8 × t + 0.2 × 100 × v / max = (4 × t × max + 100 × v) / (5 × max)
            Map<String, java.math.BigInteger[]> exact = new HashMap<>();
            for (Planned p : projects) {
                long m = Math.max(max, 1);
                java.math.BigInteger num = java.math.BigInteger.valueOf(4L * p.technical() * m + 100L * votes.get(p.cui()));
                java.math.BigInteger den = java.math.BigInteger.valueOf(5L * m);
                exact.put(p.cui(), new java.math.BigInteger[] {num, den});
                BigDecimal vs = max == 0 ? BigDecimal.ZERO : new BigDecimal(votes.get(p.cui()) * 100)
                        .divide(new BigDecimal(max), 4, RoundingMode.HALF_UP);
                voteScore.put(p.cui(), vs);
                // displayed: the exact total rounded to 4 decimals
                total.put(p.cui(), new BigDecimal(num).divide(new BigDecimal(den), 4, RoundingMode.HALF_UP));
            }
            // a/b against c/d by cross-multiplication (b, d > 0): no rounding anywhere
            Comparator<Planned> byExactTotal = (x, y) -> {
                java.math.BigInteger[] a = exact.get(x.cui());
                java.math.BigInteger[] b = exact.get(y.cui());
                return a[0].multiply(b[1]).compareTo(b[0].multiply(a[1]));
            };
            List<Planned> eligible = new ArrayList<>();
            for (Planned p : projects) {
                boolean ok = true;
                if (Scopes.MULTIPROVINCIAL.equals(scope)) {
                    long provinces = p.districts().stream().map(d -> d.substring(0, 4)).distinct().count();
                    ok = p.cost().compareTo(new BigDecimal("3000000")) >= 0 && p.districts().size() >= 3 && provinces >= 2;
                }
                if (ok) {
                    eligible.add(p);
                } else {
                    out.put(p.cui(), new Expected(votes.get(p.cui()), voteScore.get(p.cui()), total.get(p.cui()), null,
                            false, false));
                }
            }
            eligible.sort(byExactTotal.reversed()
                    .thenComparing(Comparator.comparingInt(Planned::technical).reversed())
                    .thenComparing(Planned::cost)
                    .thenComparing(p -> Long.parseLong(p.cui())));
            BigDecimal left = envelopes.get(scope);
            boolean skipped = false;
            int rank = 0;
            for (Planned p : eligible) {
                rank++;
                boolean fits = p.cost().compareTo(left) <= 0;
                if (fits) {
                    left = left.subtract(p.cost());
                }
                out.put(p.cui(), new Expected(votes.get(p.cui()), voteScore.get(p.cui()), total.get(p.cui()), rank,
                        fits, fits && skipped));
                skipped |= !fits;
            }
        }
        return out;
    }

    /** Inserts 1,000 citizens with accredited registrations of the cycle in batches; returns their documents. */
    private List<String> accreditedAgents(int year) {
        List<String> documents = new ArrayList<>();
        List<String> provinces = jdbc.sql("SELECT code FROM province WHERE code LIKE '06%' AND code <> ? ORDER BY code")
                .param(TEST_PROVINCE).query(String.class).list();
        Map<String, String> districtOf = new HashMap<>();
        jdbc.sql("SELECT province_code, MIN(ubigeo) FROM district GROUP BY province_code")
                .query((rs, i) -> districtOf.put(rs.getString(1), rs.getString(2))).list();
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < AGENTS + PAPER_AGENTS; i++) {
            String dni = String.format("%08d", 90_000_000 + (year % 100) * 10_000 + i);
            documents.add(dni);
            jdbc.sql("""
                    INSERT INTO citizen_account (document_type, document_number, password_hash, email, given_names,
                        first_surname, second_surname, enabled, created_at)
                    VALUES ('DNI', ?, '{noop}x', ?, 'Agente', 'Número', ?, TRUE, ?)""")
                    .params(dni, "agente" + dni + "@example.pe", String.valueOf(i), now).update();
            String province = provinces.get(i % provinces.size());
            jdbc.sql("""
                    INSERT INTO agent_registration (cycle_year, citizen_id, document_number, mobile_phone, sex, birth_date,
                        education_level, organization, province_code, district_ubigeo, consent_at, status, created_at)
                    SELECT ?, id, document_number, '987654321', ?, DATE '1985-05-05', 'Superior', 'Organización de base',
                           ?, ?, ?, 'ACREDITADO', ? FROM citizen_account WHERE document_number = ?""")
                    .params(year, i % 2 == 0 ? "F" : "M", province, districtOf.get(province), now, now, dni).update();
        }
        return documents;
    }
}
