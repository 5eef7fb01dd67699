package pe.gob.regioncajamarca.participa.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.accreditation.AccreditationService;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.OpenCycleCommand;
import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.cycle.PrioritisationRun;
import pe.gob.regioncajamarca.participa.cycle.ProgrammeImport;
import pe.gob.regioncajamarca.participa.cycle.TechnicalEvaluation;
import pe.gob.regioncajamarca.participa.ledger.Ledger;
import pe.gob.regioncajamarca.participa.ledger.LedgerKinds;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;
import pe.gob.regioncajamarca.participa.testsupport.TestDatabaseInitializer;
import pe.gob.regioncajamarca.participa.voting.VotingService;
import pe.gob.regioncajamarca.participa.testsupport.PaperBallotFixture;
import pe.gob.regioncajamarca.participa.voting.PaperBallots;

/**
 * The integrity ledger end to end: a cycle's programme, technical scores, accreditation, votes, a workshop tally,
 * the count, the prioritisation and the approval all land in the ledger; the chain is whole and the published
 * results follow from it; then the database is tampered with (an entry changed, an entry deleted, a published
 * tally changed) and the check names the break. Each tampering is undone, so the shared database stays whole.
 */
class IntegrityLedgerIT extends ProcessTest {

    @Autowired Ledger ledger;
    @Autowired IntegrityCheck check;
    @Autowired ProgrammeImport programme;
    @Autowired TechnicalEvaluation evaluation;
    @Autowired VotingService voting;
    @Autowired PaperBallots paper;
    @Autowired PrioritisationRun prioritisation;
    @Autowired AccreditationService accreditation;
    @LocalServerPort int port;

    @Test
    void aCycleIsLoggedChainedAndCheckedAndTamperingIsFoundWhereItHappened() {
        int year = freeYear();
        String c = String.valueOf(year % 1000);
        String a = "94" + c + "01", b = "94" + c + "02", d = "94" + c + "03";
        openCycle(year, 2);
        programme.load(year, "pmi.csv", ("cui;nombre;ambito;distritos;costo;funcion;unidad_ejecutora\n"
                + a + ";Canal A;CHOTA;060401;600000;Agricultura;agricultura\n"
                + b + ";Camino B;CHOTA;060417;500000;Transporte;transportes\n"
                + d + ";Posta D;CHOTA;060401;300000;Salud;salud\n").getBytes(StandardCharsets.UTF_8));
        cycleService.changePhase(year, CyclePhase.EVALUACION, null);
        evaluation.load(year, "CHOTA", "chota.csv", ("cui;puntaje;comentario\n" + a + ";80.50;\n" + b + ";70;\n" + d
                + ";40;\n").getBytes(StandardCharsets.UTF_8));

        // agents: one accredited through the service (a staff decision in the ledger), three already accredited
        List<String> agents = new ArrayList<>();
        long pending = agentOf(year, "PENDIENTE", null);
        accreditation.accredit(pending);
        for (int i = 0; i < 4; i++) {
            long id = i == 0 ? pending : agentOf(year, "ACREDITADO", null);
            agents.add(jdbc.sql("SELECT document_number FROM agent_registration WHERE id = ?").param(id)
                    .query(String.class).single());
        }
        cycleService.changePhase(year, CyclePhase.VOTACION, null);
        Map<String, Long> idOf = new HashMap<>();
        jdbc.sql("SELECT cui, id FROM project WHERE cycle_year = ?").param(year)
                .query((rs, i) -> idOf.put(rs.getString(1), rs.getLong(2))).list();
        // B: 4 votes, A: 2, D: 1 (+ the workshop's 3 for D)
        String[][] ballots = {{b, a}, {b, a}, {b, d}, {b}};
        for (int i = 0; i < ballots.length; i++) {
            for (String cui : ballots[i]) {
                voting.cast(year, agents.get(i), idOf.get(cui));
            }
        }
        // three agents on paper at a workshop: B 1, D 3
        long workshop = PaperBallotFixture.workshop(jdbc, year, "CHOTA", plazos.today().minusDays(1));
        for (int i = 0; i < 3; i++) {
            String dni = jdbc.sql("SELECT document_number FROM agent_registration WHERE id = ?")
                    .param(agentOf(year, "ACREDITADO", null)).query(String.class).single();
            agents.add(dni);
            assertThat(PaperBallotFixture.ballot(paper, year, workshop, "C-" + i, dni,
                    i == 0 ? List.of(b, d) : List.of(d)).counted()).isTrue();
        }

        cycleService.changePhase(year, CyclePhase.PRIORIZACION, null);
        voting.storeFinalCounts(year);
        prioritisation.run(year);
        cycleService.changePhase(year, CyclePhase.FORMALIZACION, null);
        cycleService.recordApproval(year, "manager", "Conforme con la matriz");
        cycleService.changePhase(year, CyclePhase.FORMALIZADO, null);

        // everything is in the ledger, sealed in a whole chain, and the results follow from it
        ledger.sealNow();
        List<Ledger.Entry> entries = ledger.entriesOf(year);
        assertThat(entries).extracting(Ledger.Entry::kind).contains(LedgerKinds.CYCLE_OPENED,
                LedgerKinds.PROGRAMME_LOADED, LedgerKinds.TECHNICAL_SCORES, LedgerKinds.ACCREDITED, LedgerKinds.VOTE,
                LedgerKinds.PAPER_BALLOT, LedgerKinds.VOTES_COUNTED, LedgerKinds.PRIORITISATION,
                LedgerKinds.RESULTS_APPROVED, LedgerKinds.PHASE_CHANGED);
        assertThat(entries).allMatch(e -> e.position() != null && e.hash() != null);
        assertThat(ledger.countBySubject(year, LedgerKinds.VOTE)).isEqualTo(Map.of(b, 4, a, 2, d, 1));
        // no document number anywhere in the entries: agents are pseudonyms
        assertThat(entries).noneMatch(e -> agents.stream().anyMatch(dni -> e.payload().contains(dni)
                || e.subject().contains(dni)));
        assertThat(entries.stream().filter(e -> e.kind().equals(LedgerKinds.VOTE)).map(Ledger.Entry::payload))
                .contains("{\"agente\":\"" + ledger.pseudonym(agents.get(0)) + "\"}");
        Ledger.ChainCheck whole = ledger.verify();
        assertThat(whole.intact()).as(whole.problem()).isTrue();
        assertThat(whole.pending()).isZero();
        IntegrityCheck.CycleCheck ok = check.check(year);
        assertThat(ok.differences()).isEmpty();
        assertThat(ok.status()).isEqualTo("CONFORME");
        assertThat(ok.loggedVotes()).isEqualTo(7);
        // the results the check recomputed are the ones published: B (4+1 votes, 0.8 × 70 + 0.2 × 100 = 76) first,
        // A (0.8 × 80.5 + 0.2 × 40 = 72.4) second and not funded (S/ 500,000 + 600,000 exceed the million)
        assertThat(jdbc.sql("SELECT scope_rank FROM project WHERE cycle_year = ? AND cui = ?").params(year, b)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT prioritized FROM project WHERE cycle_year = ? AND cui = ?").params(year, a)
                .query(Boolean.class).single()).isFalse();

        Http http = new Http(port);
        check.run();
        HttpResponse<String> page = http.get("/registro-de-integridad");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Cadena íntegra", whole.lastHash());
        agents.forEach(dni -> assertThat(page.body()).doesNotContain(dni));

        Ledger.Entry vote = entries.stream().filter(e -> e.kind().equals(LedgerKinds.VOTE)).findFirst().orElseThrow();
        boolean postgres = TestDatabaseInitializer.usePostgres();
        if (postgres) {
            // the database itself refuses to change or delete a sealed entry
            assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_entry SET payload = '{}' WHERE id = ?").param(vote.id())
                    .update()).hasMessageContaining("sellada");
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_entry WHERE id = ?").param(vote.id()).update())
                    .hasMessageContaining("solo anexado");
            // an operator who owns the table can switch that off: the chain still shows it
            jdbc.sql("ALTER TABLE ledger_entry DISABLE TRIGGER ledger_entry_append_only").update();
        }
        try {
            // 1. a vote's entry changed (another agent): the chain breaks at that entry
            jdbc.sql("UPDATE ledger_entry SET payload = ? WHERE id = ?")
                    .params("{\"agente\":\"" + ledger.pseudonym("99999999") + "\"}", vote.id()).update();
            Ledger.ChainCheck changed = ledger.verify();
            assertThat(changed.intact()).isFalse();
            assertThat(changed.brokenAt()).isEqualTo(vote.position());
            assertThat(changed.problem()).contains("entrada " + vote.position(), "modificado");
            check.run();
            assertThat(http.get("/registro-de-integridad").body())
                    .contains("Cadena rota en la posición " + vote.position());
            jdbc.sql("UPDATE ledger_entry SET payload = ? WHERE id = ?").params(vote.payload(), vote.id()).update();
            assertThat(ledger.verify().intact()).isTrue();

            // 2. a vote's entry deleted: the chain breaks at the missing position, and the cycle's votes no longer
            // follow from the ledger
            jdbc.sql("DELETE FROM ledger_entry WHERE id = ?").param(vote.id()).update();
            Ledger.ChainCheck deleted = ledger.verify();
            assertThat(deleted.intact()).isFalse();
            assertThat(deleted.brokenAt()).isEqualTo(vote.position());
            assertThat(deleted.problem()).contains("falta la entrada " + vote.position());
            IntegrityCheck.CycleCheck missing = check.check(year);
            assertThat(missing.status()).isEqualTo("NO_CONFORME");
            assertThat(missing.differences()).anyMatch(x -> x.contains("Proyecto " + vote.subject()));
            jdbc.sql("INSERT INTO ledger_entry (id, kind, cycle_year, subject, payload, recorded_at, seq_no, prev_hash, "
                            + "entry_hash, sealed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")
                    .params(vote.id(), vote.kind(), vote.cycleYear(), vote.subject(), vote.payload(), vote.recordedAt(),
                            vote.position(), vote.previousHash(), vote.hash()).update();
            assertThat(ledger.verify().intact()).isTrue();
        } finally {
            if (postgres) {
                jdbc.sql("ALTER TABLE ledger_entry ENABLE TRIGGER ledger_entry_append_only").update();
            }
        }

        // 3. a published tally changed in the project table: the chain is whole, but the results do not follow
        jdbc.sql("UPDATE project SET online_votes = online_votes + 5, votes = votes + 5 WHERE cycle_year = ? AND cui = ?")
                .params(year, d).update();
        jdbc.sql("UPDATE project SET prioritized = NOT prioritized WHERE cycle_year = ? AND cui = ?").params(year, a)
                .update();
        try {
            assertThat(ledger.verify().intact()).isTrue();
            IntegrityCheck.CycleCheck tampered = check.check(year);
            assertThat(tampered.status()).isEqualTo("NO_CONFORME");
            assertThat(tampered.differences()).anyMatch(x -> x.startsWith("Proyecto " + d + ": el conteo publicado dice 6"))
                    .anyMatch(x -> x.startsWith("Proyecto " + a + ": publicado puesto"));
        } finally {
            jdbc.sql("UPDATE project SET online_votes = online_votes - 5, votes = votes - 5 WHERE cycle_year = ? AND cui = ?")
                    .params(year, d).update();
            jdbc.sql("UPDATE project SET prioritized = NOT prioritized WHERE cycle_year = ? AND cui = ?").params(year, a)
                    .update();
        }
        assertThat(check.check(year).status()).isEqualTo("CONFORME");
    }

    @Test
    void multiprovincialEligibilityIsDecidedAgainByTheDecisionFromTheLoggedProgramme() {
        int year = freeYear();
        Map<String, java.math.BigDecimal> split = new HashMap<>();
        Scopes.ALL.forEach(s -> split.put(s, new java.math.BigDecimal("1000000")));
        split.put(Scopes.MULTIPROVINCIAL, new java.math.BigDecimal("20000000"));
        cycleService.open(new OpenCycleCommand(year, split.values().stream().reduce(java.math.BigDecimal.ZERO,
                java.math.BigDecimal::add), 2, split, List.of()), null);
        String c = "95" + (year % 1000);
        String twoInTwo = c + "01", threeInOne = c + "02", good = c + "03", cheap = c + "04", exact = c + "05";
        programme.load(year, "pmi.csv", ("cui;nombre;ambito;distritos;costo;funcion;unidad_ejecutora\n"
                + twoInTwo + ";Dos distritos de dos provincias;MULTIPROVINCIAL;060101|060401;5000000;Transporte;transportes\n"
                + threeInOne + ";Tres distritos de una provincia;MULTIPROVINCIAL;060101|060102|060103;5000000;Transporte;transportes\n"
                + good + ";Tres distritos de dos provincias;MULTIPROVINCIAL;060101|060108|060201;3370340;Educación;educacion\n"
                + cheap + ";Un céntimo menos;MULTIPROVINCIAL;060101|060108|060201;2999999.99;Educación;educacion\n"
                + exact + ";Tres millones justos;MULTIPROVINCIAL;060101|060108|060201;3000000.00;Educación;educacion\n")
                .getBytes(StandardCharsets.UTF_8));
        cycleService.changePhase(year, CyclePhase.EVALUACION, null);
        evaluation.load(year, Scopes.MULTIPROVINCIAL, "multi.csv", ("cui;puntaje;comentario\n" + twoInTwo + ";95;\n"
                + threeInOne + ";90;\n" + good + ";60;\n" + cheap + ";85;\n" + exact + ";70;\n")
                .getBytes(StandardCharsets.UTF_8));
        cycleService.changePhase(year, CyclePhase.VOTACION, null);
        cycleService.changePhase(year, CyclePhase.PRIORIZACION, null);
        voting.storeFinalCounts(year);
        prioritisation.run(year);

        // the highest technical scores are not eligible; the two of regional impact rank 1 and 2 and are funded
        Map<String, String> results = new HashMap<>();
        jdbc.sql("SELECT cui, scope_rank, prioritized, reason FROM project WHERE cycle_year = ?").param(year)
                .query((rs, i) -> results.put(rs.getString(1), rs.getObject(2) + " " + rs.getBoolean(3) + " "
                        + rs.getString(4))).list();
        assertThat(results).containsExactlyInAnyOrderEntriesOf(Map.of(
                twoInTwo, "null false No elegible: no es de impacto regional: beneficia a menos de 3 distritos",
                threeInOne, "null false No elegible: no es de impacto regional: sus distritos están en menos de 2 provincias",
                good, "2 true Financiado",
                cheap, "null false No elegible: no es de impacto regional: costo menor a S/ 3,000,000",
                exact, "1 true Financiado"));
        IntegrityCheck.CycleCheck ok = check.check(year);
        assertThat(ok.differences()).isEmpty();
        assertThat(ok.status()).isEqualTo("CONFORME");

        // 1. the logged programme says the two-district project is of regional impact: the check decides again from
        // its logged cost and districts, names the difference, and does not rank it
        Ledger.Entry loaded = ledger.entriesOf(year, LedgerKinds.PROGRAMME_LOADED).get(0);
        String logged = "\"cui\":\"" + twoInTwo + "\",\"distritos\":[\"060101\",\"060401\"],\"impactoRegional\":false,"
                + "\"motivoImpacto\":\"no es de impacto regional: beneficia a menos de 3 distritos\"";
        assertThat(loaded.payload()).contains(logged);
        String forged = loaded.payload().replace(logged, "\"cui\":\"" + twoInTwo + "\",\"distritos\":[\"060101\","
                + "\"060401\"],\"impactoRegional\":true,\"motivoImpacto\":\"proyecto de impacto regional\"");
        boolean postgres = TestDatabaseInitializer.usePostgres();
        if (postgres) {
            jdbc.sql("ALTER TABLE ledger_entry DISABLE TRIGGER ledger_entry_append_only").update();
        }
        try {
            jdbc.sql("UPDATE ledger_entry SET payload = ? WHERE id = ?").params(forged, loaded.id()).update();
            IntegrityCheck.CycleCheck forgedCheck = check.check(year);
            assertThat(forgedCheck.status()).isEqualTo("NO_CONFORME");
            assertThat(forgedCheck.differences()).containsExactly("Proyecto " + twoInTwo + ": el programa registrado "
                    + "dice «proyecto de impacto regional», pero la decisión impacto-regional con su costo y distritos "
                    + "registrados da «no es de impacto regional: beneficia a menos de 3 distritos».");
        } finally {
            jdbc.sql("UPDATE ledger_entry SET payload = ? WHERE id = ?").params(loaded.payload(), loaded.id()).update();
            if (postgres) {
                jdbc.sql("ALTER TABLE ledger_entry ENABLE TRIGGER ledger_entry_append_only").update();
            }
        }

        // 2. a project that is not of regional impact published as funded: the recomputed results say otherwise
        jdbc.sql("UPDATE project SET prioritized = TRUE, scope_rank = 3 WHERE cycle_year = ? AND cui = ?")
                .params(year, threeInOne).update();
        try {
            assertThat(check.check(year).differences()).anyMatch(x -> x.startsWith("Proyecto " + threeInOne
                    + ": publicado puesto 3, priorizado, puntaje 72; según el registro puesto null, no priorizado"));
        } finally {
            jdbc.sql("UPDATE project SET prioritized = FALSE, scope_rank = NULL WHERE cycle_year = ? AND cui = ?")
                    .params(year, threeInOne).update();
        }
        assertThat(check.check(year).status()).isEqualTo("CONFORME");
    }

    @Test
    void aCycleLoadedFromHistoryIsNotCheckableAndSaysSo() {
        int year = freeYear();
        formalisedCycle(year);
        IntegrityCheck.CycleCheck history = check.check(year);
        assertThat(history.status()).isEqualTo("SIN_REGISTRO");
        assertThat(history.conforming()).isTrue();
    }

    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    /**
     * The seal takes the unsealed entries 500 at a time in id order: on PostgreSQL an index of those entries alone
     * (V60), because with a plain index the planner walked the whole ledger for each batch (docs/performance.md,
     * "Ten years at full size").
     */
    @Test
    void onPostgresTheEntriesStillToSealHaveAnIndexOfTheirOwnInTheSealsOrder() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                pe.gob.regioncajamarca.participa.shared.Databases.isPostgres(jdbcTemplate));
        assertThat(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = 'ledger_entry_unsealed'")
                .query(String.class).single()).contains("(id)", "WHERE (seq_no IS NULL)");
    }
}
