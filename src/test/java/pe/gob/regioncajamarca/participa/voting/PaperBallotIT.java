package pe.gob.regioncajamarca.participa.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;

import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.OpenCycleCommand;
import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.ledger.Ledger;
import pe.gob.regioncajamarca.participa.ledger.LedgerKinds;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * One accredited agent, one ballot, on every channel (domain.md, step 6): workshops registered inside the voting
 * window; paper ballots entered twice by two different people, counted only when both entries match; online and
 * paper votes sharing one allowance and one vote per project, kept by the database even against concurrent writes;
 * entries unmatched at the close listed, never silently dropped. Runs on H2 and on PostgreSQL.
 */
class PaperBallotIT extends ProcessTest {

    @Autowired Workshops workshops;
    @Autowired PaperBallots paper;
    @Autowired VotingService voting;
    @Autowired Ledger ledger;
    @Autowired Ballots ballots;
    @LocalServerPort int port;

    int year;
    LocalDate today;
    long workshop;
    Map<String, Long> projects;

    /** A cycle in its voting phase (3 votes per agent, window from 2 days ago to 5 days ahead), 4 projects. */
    @BeforeEach
    void votingIsOpen() {
        year = freeYear();
        today = plazos.today();
        Map<String, BigDecimal> split = new HashMap<>();
        Scopes.ALL.forEach(s -> split.put(s, new BigDecimal("1000000")));
        cycleService.open(new OpenCycleCommand(year, new BigDecimal("14000000"), 3, split,
                List.of(new Cycle.PhaseWindow(CyclePhase.VOTACION, today.minusDays(2), today.plusDays(5)))), null);
        cycleService.changePhase(year, CyclePhase.VOTACION, null);
        projects = new LinkedHashMap<>();
        int base = 6_000_000 + (year % 100) * 100;
        for (int i = 1; i <= 4; i++) {
            String cui = String.valueOf(base + i);
            jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, technical_score) "
                            + "VALUES (?, ?, ?, 'CHOTA', 100000, 'Salud', ?, 50)")
                    .params(year, cui, "Proyecto " + cui, TEST_UNIT).update();
            projects.put(cui, jdbc.sql("SELECT id FROM project WHERE cycle_year = ? AND cui = ?").params(year, cui)
                    .query(Long.class).single());
        }
        workshop = workshops.register(year, "CHOTA", today, "Auditorio de la Municipalidad de Chota", "planner");
    }

    private List<String> cuis(int... which) {
        List<String> all = new ArrayList<>(projects.keySet());
        List<String> out = new ArrayList<>();
        for (int w : which) {
            out.add(all.get(w));
        }
        return out;
    }

    private String agent() {
        return jdbc.sql("SELECT document_number FROM agent_registration WHERE id = ?")
                .param(agentOf(year, "ACREDITADO", null)).query(String.class).single();
    }

    private List<String> votesOf(String dni) {
        return jdbc.sql("SELECT p.cui || ':' || v.channel FROM vote v JOIN project p ON p.id = v.project_id "
                + "WHERE v.cycle_year = ? AND v.document_number = ? ORDER BY p.cui").params(year, dni)
                .query(String.class).list();
    }

    private int entries() {
        return jdbc.sql("SELECT COUNT(*) FROM paper_ballot_entry WHERE workshop_id = ?").param(workshop)
                .query(Integer.class).single();
    }

    @Test
    void aWorkshopIsRegisteredOnlyWithADateInsideTheVotingWindow() {
        assertThatThrownBy(() -> workshops.register(year, "CUTERVO", today.plusDays(6), "Coliseo de Cutervo", "planner"))
                .isInstanceOf(Workshops.Refused.class)
                .hasMessageContaining("La fecha del taller (" + today.plusDays(6) + ") está fuera de la votación del ciclo "
                        + year + ", del " + today.minusDays(2) + " al " + today.plusDays(5));
        assertThatThrownBy(() -> workshops.register(year, "CUTERVO", today.minusDays(1), "Coliseo de Cutervo", "planner"))
                .hasMessageContaining("ya pasó");
        assertThatThrownBy(() -> workshops.register(year, Scopes.MULTIPROVINCIAL, today, "", "planner"))
                .isInstanceOf(Workshops.Refused.class)
                .satisfies(e -> assertThat(((Workshops.Refused) e).errors()).containsExactly(
                        "Elija la provincia donde se realiza el taller.",
                        "Escriba el local del taller (de 3 a 200 caracteres), por ejemplo «Auditorio de la "
                                + "Municipalidad Provincial de Chota»."));
        assertThat(workshops.of(year)).extracting(Workshops.Workshop::id).containsExactly(workshop);
        long cutervo = workshops.register(year, "CUTERVO", today.plusDays(5), "Coliseo de Cutervo", "planner");
        assertThat(workshops.of(year)).extracting(Workshops.Workshop::id).containsExactly(workshop, cutervo);
    }

    @Test
    void aPaperBallotCountsOnlyWhenTwoDifferentPeopleEnteredItTheSame() {
        String dni = agent();
        PaperBallots.Outcome first = paper.enter(year, workshop, "101", dni, cuis(0, 2), "digitador.uno");
        assertThat(first.status()).isEqualTo(PaperBallots.PENDING);
        assertThat(votesOf(dni)).isEmpty();
        // the same person cannot make the second entry
        assertThatThrownBy(() -> paper.enter(year, workshop, "101", dni, cuis(0, 2), "digitador.uno"))
                .hasMessageContaining("Usted ya digitó la cédula 101 de este taller");
        assertThat(votesOf(dni)).isEmpty();
        // the same projects in another order: the same ballot
        PaperBallots.Outcome second = paper.enter(year, workshop, "101", dni, cuis(2, 0), "digitador.dos");
        assertThat(second.counted()).isTrue();
        assertThat(votesOf(dni)).containsExactly(cuis(0).get(0) + ":PAPEL", cuis(2).get(0) + ":PAPEL");
        assertThat(voting.votesLeft(year, dni)).contains(1);
        assertThat(voting.votedOnPaper(year, dni)).isTrue();
        // counted once: a third entry of the sheet is refused
        assertThatThrownBy(() -> paper.enter(year, workshop, "101", dni, cuis(0, 2), "digitador.tres"))
                .hasMessageContaining("ya fue contada");
        // in the ledger: the agent as a pseudonym, the projects and both people, never the document number
        List<Ledger.Entry> logged = ledger.entriesOf(year, LedgerKinds.PAPER_BALLOT);
        assertThat(logged).singleElement().satisfies(e -> {
            assertThat(e.payload()).contains(ledger.pseudonym(dni), cuis(0).get(0), cuis(2).get(0), "digitador.uno",
                    "digitador.dos").doesNotContain(dni);
        });
    }

    @Test
    void aMismatchDoesNotCountAndTheStaffSeeWhatDiffers() {
        String dni = agent();
        // a misread DNI that is another accredited agent's (one that is not is refused at once)
        String typo = agent();
        paper.enter(year, workshop, "7", dni, cuis(0, 1), "digitador.uno");
        PaperBallots.Outcome mismatch = paper.enter(year, workshop, "7", typo, cuis(0, 3), "digitador.dos");
        assertThat(mismatch.status()).isEqualTo(PaperBallots.MISMATCH);
        assertThat(mismatch.differences()).containsExactly(
                "DNI: " + dni + " en la digitación de digitador.uno, " + typo + " en esta.",
                "Proyectos solo en la digitación de digitador.uno: " + cuis(1).get(0) + ".",
                "Proyectos solo en esta digitación: " + cuis(3).get(0) + ".");
        assertThat(votesOf(dni)).isEmpty();
        assertThat(votesOf(typo)).isEmpty();
        assertThat(paper.unmatched(year)).singleElement().satisfies(s -> assertThat(s.entries()).hasSize(2));
        // a third person checks the paper sheet: the entry that matches the first one counts
        assertThat(paper.enter(year, workshop, "7", dni, cuis(1, 0), "digitador.tres").counted()).isTrue();
        assertThat(votesOf(dni)).hasSize(2);
        assertThat(paper.unmatched(year)).isEmpty();
        // the same DNI with other projects does not match either
        String other = agent();
        paper.enter(year, workshop, "8", other, cuis(0, 1), "digitador.uno");
        PaperBallots.Outcome projectsDiffer = paper.enter(year, workshop, "8", other, cuis(0, 2), "digitador.dos");
        assertThat(projectsDiffer.status()).isEqualTo(PaperBallots.MISMATCH);
        assertThat(projectsDiffer.differences()).containsExactly(
                "Proyectos solo en la digitación de digitador.uno: " + cuis(1).get(0) + ".",
                "Proyectos solo en esta digitación: " + cuis(2).get(0) + ".");
        assertThat(votesOf(other)).isEmpty();
    }

    @Test
    void anAgentWhoVotedOnlineCannotVoteOnPaper() {
        String dni = agent();
        voting.cast(year, dni, projects.get(cuis(1).get(0)));
        assertThatThrownBy(() -> paper.enter(year, workshop, "55", dni, cuis(0), "digitador.uno"))
                .isInstanceOf(Workshops.Refused.class)
                .hasMessage("El agente con DNI " + dni + " ya votó en línea: cada agente vota una sola vez, en línea o "
                        + "en papel; esta cédula no cuenta.");
        assertThat(entries()).isZero();
        assertThat(votesOf(dni)).containsExactly(cuis(1).get(0) + ":EN_LINEA");
    }

    @Test
    void anAgentWhoVotedOnPaperCannotVoteOnline() {
        String dni = agent();
        assertThat(paper.enter(year, workshop, "56", dni, cuis(0), "digitador.uno").status()).isEqualTo("PENDIENTE");
        assertThat(paper.enter(year, workshop, "56", dni, cuis(0), "digitador.dos").counted()).isTrue();
        assertThatThrownBy(() -> voting.cast(year, dni, projects.get(cuis(1).get(0))))
                .isInstanceOf(VotingService.VoteRefused.class)
                .hasMessage("Usted ya votó en papel en un taller del ciclo " + year
                        + "; cada agente vota una sola vez, en línea o en papel.")
                .satisfies(e -> assertThat(((VotingService.VoteRefused) e).code()).isEqualTo("voting.error.paper"));
        // and not a second paper ballot under another sheet or another workshop either
        long other = workshops.register(year, "CUTERVO", today, "Coliseo de Cutervo", "planner");
        assertThatThrownBy(() -> paper.enter(year, other, "56", dni, cuis(2), "digitador.tres"))
                .hasMessageContaining("ya votó en papel (cédula 56 del taller de Auditorio de la Municipalidad de Chota)");
        assertThat(votesOf(dni)).containsExactly(cuis(0).get(0) + ":PAPEL");
    }

    @Test
    void onlyAnAccreditedAgentWithProjectsOfTheCycleWithinTheAllowanceAndStoresNothingOtherwise() {
        String dni = agent();
        String pending = jdbc.sql("SELECT document_number FROM agent_registration WHERE id = ?")
                .param(agentOf(year, "PENDIENTE", null)).query(String.class).single();
        int other = freeYear();
        openCycle(other, 3);
        jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit) "
                + "VALUES (?, '999', 'De otro ciclo', 'CHOTA', 1000, 'Salud', ?)").params(other, TEST_UNIT).update();
        assertThatThrownBy(() -> paper.enter(year, workshop, "1", pending, cuis(0), "digitador.uno"))
                .hasMessageContaining("El DNI " + pending + " no es de un agente participante acreditado del ciclo " + year);
        assertThatThrownBy(() -> paper.enter(year, workshop, "1", dni, List.of(cuis(0).get(0), "999"), "digitador.uno"))
                .hasMessageContaining("El CUI 999 no es un proyecto del ciclo " + year + ".");
        assertThatThrownBy(() -> paper.enter(year, workshop, "1", dni, cuis(0, 1, 2, 3), "digitador.uno"))
                .hasMessageContaining("La cédula marca 4 proyectos y cada agente tiene 3 votos como máximo");
        assertThatThrownBy(() -> paper.enter(year, workshop, "1", dni, cuis(0, 0), "digitador.uno"))
                .hasMessageContaining("El CUI " + cuis(0).get(0) + " está escrito dos veces");
        assertThatThrownBy(() -> paper.enter(year, workshop, "1", "1234", List.of(), "digitador.uno"))
                .isInstanceOf(Workshops.Refused.class)
                .satisfies(e -> assertThat(((Workshops.Refused) e).errors()).containsExactly(
                        "Escriba el DNI del agente tal como figura en la cédula: 8 cifras.",
                        "Escriba el CUI de cada proyecto marcado en la cédula (una cédula sin proyectos no se registra)."));
        assertThat(entries()).isZero();
        // a workshop not held yet takes no ballots; nor does a closed voting
        long later = workshops.register(year, "CHOTA", today.plusDays(3), "Colegio de Chota", "planner");
        assertThatThrownBy(() -> paper.enter(year, later, "1", dni, cuis(0), "digitador.uno"))
                .hasMessageContaining("sus cédulas se registran desde ese día");
        cycleService.changePhase(year, CyclePhase.PRIORIZACION, null);
        assertThatThrownBy(() -> paper.enter(year, workshop, "1", dni, cuis(0), "digitador.uno"))
                .hasMessageContaining("La votación del ciclo " + year + " está cerrada");
        assertThat(entries()).isZero();
    }

    /** The rules hold in the database itself, whatever the application does. */
    @Test
    void theDatabaseKeepsOneBallotPerAgentOnOneChannel() {
        String online = agent();
        voting.cast(year, online, projects.get(cuis(0).get(0)));
        Timestamp now = Timestamp.from(Instant.now());
        // a paper vote on an online ballot
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO vote (cycle_year, document_number, project_id, cast_at, channel) "
                + "VALUES (?, ?, ?, ?, 'PAPEL')").params(year, online, projects.get(cuis(1).get(0)), now).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        // a second ballot for the same agent, on paper
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO ballot (cycle_year, document_number, votes_left, created_at, "
                + "channel, workshop_id, sheet_no) VALUES (?, ?, 3, ?, 'PAPEL', ?, 'X')").params(year, online, now, workshop)
                .update()).isInstanceOf(DataIntegrityViolationException.class);
        // a paper ballot without its sheet, and one sheet counted for two agents
        String a = agent();
        String b = agent();
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO ballot (cycle_year, document_number, votes_left, created_at, "
                + "channel) VALUES (?, ?, 3, ?, 'PAPEL')").params(year, a, now).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        jdbc.sql("INSERT INTO ballot (cycle_year, document_number, votes_left, created_at, channel, workshop_id, sheet_no) "
                + "VALUES (?, ?, 3, ?, 'PAPEL', ?, 'Y')").params(year, a, now, workshop).update();
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO ballot (cycle_year, document_number, votes_left, created_at, "
                + "channel, workshop_id, sheet_no) VALUES (?, ?, 3, ?, 'PAPEL', ?, 'Y')").params(year, b, now, workshop)
                .update()).isInstanceOf(DataIntegrityViolationException.class);
        // an online vote on a paper ballot
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO vote (cycle_year, document_number, project_id, cast_at, channel) "
                + "VALUES (?, ?, ?, ?, 'EN_LINEA')").params(year, a, projects.get(cuis(0).get(0)), now).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aConcurrentDoubleEntryCountsOnce() throws Exception {
        String dni = agent();
        paper.enter(year, workshop, "900", dni, cuis(0, 1, 2), "digitador.uno");
        // the second entry submitted at the same moment: a double click of one person and three other people
        List<String> who = List.of("digitador.dos", "digitador.dos", "digitador.tres", "digitador.cuatro");
        ExecutorService pool = Executors.newFixedThreadPool(who.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (String user : who) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return paper.enter(year, workshop, "900", dni, cuis(0, 1, 2), user).status();
                    } catch (Workshops.Refused e) {
                        return e.getMessage();
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn(PaperBallots.COUNTED::equals).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !PaperBallots.COUNTED.equals(o))
                    .allMatch(o -> o.contains("ya fue contada") || o.contains("ya votó en papel")
                            || o.contains("Usted ya digitó"));
        } finally {
            pool.shutdown();
        }
        assertThat(votesOf(dni)).hasSize(3).allMatch(v -> v.endsWith(":PAPEL"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ballot WHERE cycle_year = ? AND document_number = ?")
                .params(year, dni).query(Integer.class).single()).isEqualTo(1);
        assertThat(ledger.entriesOf(year, LedgerKinds.PAPER_BALLOT)).hasSize(1);
    }

    @Test
    void entriesUnmatchedAtTheCloseDoNotCountAndAreListed() {
        String counted = agent();
        String waiting = agent();
        String differing = agent();
        String online = agent();
        PaperBallotFixtureLocal.ballot(paper, year, workshop, "1", counted, cuis(0, 1));
        paper.enter(year, workshop, "2", waiting, cuis(0), "digitador.uno");
        paper.enter(year, workshop, "3", differing, cuis(1), "digitador.uno");
        paper.enter(year, workshop, "3", differing, cuis(2), "digitador.dos");
        voting.cast(year, online, projects.get(cuis(0).get(0)));

        cycleService.changePhase(year, CyclePhase.PRIORIZACION, null);
        voting.storeFinalCounts(year);
        assertThat(jdbc.sql("SELECT cui, online_votes, workshop_votes, votes FROM project WHERE cycle_year = ? "
                        + "ORDER BY cui").param(year)
                .query((rs, i) -> rs.getString(1) + ":" + rs.getInt(2) + "+" + rs.getInt(3) + "=" + rs.getInt(4)).list())
                .containsExactly(cuis(0).get(0) + ":1+1=2", cuis(1).get(0) + ":0+1=1", cuis(2).get(0) + ":0+0=0",
                        cuis(3).get(0) + ":0+0=0");
        assertThat(paper.unmatched(year)).extracting(PaperBallots.Sheet::sheetNo).containsExactly("2", "3");
        assertThat(paper.unmatched(year)).flatExtracting(PaperBallots.Sheet::entries)
                .allMatch(e -> e.status().equals(PaperBallots.NOT_COUNTED));
        assertThat(paper.notCountedAtClose(year)).isEqualTo(2);
        // each voter's channel as the pabulib export names it (voting_method); entries that did not count are no vote
        assertThat(ballots.votingMethods(year)).isEqualTo(Map.of(counted, "paper", online, "internet"));
        assertThat(ballots.votingMethodOf(year, waiting)).isEmpty();
        assertThat(ledger.entriesOf(year, LedgerKinds.VOTES_COUNTED)).singleElement()
                .satisfies(e -> assertThat(e.payload()).contains("cedulasNoContadas", "cédula 2", "cédula 3"));

        String planner = staffUser("planning");
        Http staff = new Http(port);
        staff.staffLogin(planner, "secreto-" + planner);
        assertThat(staff.get("/personal/ciclos/" + year + "/talleres").body())
                .contains("Cédulas no contadas al cierre de la votación", "Cédula <span>2</span>", "Cédula <span>3</span>",
                        waiting, differing);
    }

    @Test
    void theStaffPagesRegisterAWorkshopAndEnterABallotTwice() {
        String dni = agent();
        String first = staffUser("planning");
        String second = staffUser("planning");
        Http one = new Http(port);
        one.staffLogin(first, "secreto-" + first);
        Http two = new Http(port);
        two.staffLogin(second, "secreto-" + second);
        String list = "/personal/ciclos/" + year + "/talleres";
        var outside = one.submit(list, list, Map.of("provincia", "JAEN", "fecha", today.plusDays(30).toString(),
                "local", "Coliseo de Jaén"));
        assertThat(outside.statusCode()).isEqualTo(200);
        assertThat(outside.body()).contains("está fuera de la votación del ciclo " + year);
        assertThat(one.submit(list, list, Map.of("provincia", "JAEN", "fecha", today.toString(), "local",
                "Coliseo de Jaén")).statusCode()).isEqualTo(302);
        long jaen = workshops.of(year).stream().filter(w -> w.scope().equals("JAEN")).findFirst().orElseThrow().id();

        String page = "/personal/ciclos/" + year + "/talleres/cedula?taller=" + jaen;
        String action = "/personal/ciclos/" + year + "/talleres/cedula";
        Map<String, String> form = Map.of("taller", String.valueOf(jaen), "cedula", "0042", "dni", dni,
                "cuis", cuis(0).get(0) + ", " + cuis(3).get(0));
        assertThat(one.submit(page, action, form).statusCode()).isEqualTo(302);
        assertThat(one.get(page).body()).contains("primera digitación guardada");
        Map<String, String> wrong = new HashMap<>(form);
        wrong.put("cuis", cuis(0).get(0));
        assertThat(two.submit(page, action, wrong).statusCode()).isEqualTo(302);
        assertThat(two.get(page).body()).contains("las digitaciones no coinciden",
                "Proyectos solo en la digitación de " + first + ": " + cuis(3).get(0) + ".");
        String third = staffUser("planning");
        Http three = new Http(port);
        three.staffLogin(third, "secreto-" + third);
        assertThat(three.submit(page, action, form).statusCode()).isEqualTo(302);
        assertThat(three.get(page).body()).contains("Cédula 0042 contada");
        assertThat(votesOf(dni)).containsExactly(cuis(0).get(0) + ":PAPEL", cuis(3).get(0) + ":PAPEL");
    }

    /** A typed tally of the model before V38 (totals, no voter) left in a cycle still voting: listed, never counted. */
    @Test
    void aTypedTallyOfTheRetiredModelIsListedAndDoesNotCount() {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO workshop_tally (cycle_year, scope, name, held_on, status, created_at) "
                + "VALUES (?, 'CHOTA', 'Taller antiguo de Chota', ?, 'CONFIRMADO', ?)").params(year, today, now).update();
        long tally = jdbc.sql("SELECT id FROM workshop_tally WHERE cycle_year = ?").param(year).query(Long.class).single();
        jdbc.sql("INSERT INTO workshop_tally_entry (tally_id, entry_no, entered_by, entered_at, counted) "
                + "VALUES (?, 1, 'antiguo', ?, TRUE)").params(tally, now).update();
        long entry = jdbc.sql("SELECT id FROM workshop_tally_entry WHERE tally_id = ?").param(tally)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO workshop_tally_line (entry_id, project_id, votes) VALUES (?, ?, 40)")
                .params(entry, projects.get(cuis(0).get(0))).update();

        assertThat(workshops.retiredTallies(year)).containsExactly("Taller antiguo de Chota (Chota, " + today + ")");
        String planner = staffUser("planning");
        Http staff = new Http(port);
        staff.staffLogin(planner, "secreto-" + planner);
        assertThat(staff.get("/personal/ciclos/" + year + "/talleres").body())
                .contains("Actas digitadas con el modelo anterior", "Taller antiguo de Chota");
        voting.storeFinalCounts(year);
        assertThat(jdbc.sql("SELECT SUM(workshop_votes) FROM project WHERE cycle_year = ?").param(year)
                .query(Integer.class).single()).isZero();
    }

    /** Two entries by two people (the fixture of the other tests, here with this class's own users). */
    static final class PaperBallotFixtureLocal {
        static void ballot(PaperBallots paper, int year, long workshop, String sheet, String dni, List<String> cuis) {
            paper.enter(year, workshop, sheet, dni, cuis, "digitador.uno");
            assertThat(paper.enter(year, workshop, sheet, dni, cuis, "digitador.dos").counted()).isTrue();
        }
    }
}
