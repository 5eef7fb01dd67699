package pe.gob.regioncajamarca.participa.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.projects.Scopes;

/** The pabulib file as written from stored data, without a database: what it says and that the format accepts it. */
class PabulibExportTest {

    static final LocalDate OPENS = LocalDate.of(2030, 9, 16);
    static final LocalDate CLOSES = LocalDate.of(2030, 10, 4);

    static Cycle cycle(int votesPerAgent, BigDecimal scopeEnvelope, Instant closedEarlyAt) {
        List<Cycle.ScopeEnvelope> scopes = Scopes.ALL.stream().map(s -> new Cycle.ScopeEnvelope(s, scopeEnvelope))
                .toList();
        return new Cycle(2031, CyclePhase.FORMALIZACION, scopeEnvelope.multiply(BigDecimal.valueOf(14)), votesPerAgent,
                null, Instant.now(), null, scopes, List.of(new Cycle.PhaseWindow(CyclePhase.VOTACION, OPENS, CLOSES,
                closedEarlyAt, closedEarlyAt == null ? null : "planner", closedEarlyAt == null ? null : "motivo")));
    }

    static PabulibExport.StoredProject project(long id, String cui, String name, String cost, String technical,
                                               Boolean prioritized, String reason) {
        return new PabulibExport.StoredProject(id, cui, name, new BigDecimal(cost), new BigDecimal(technical),
                new BigDecimal("50.0000"), new BigDecimal("74.0000"), prioritized, reason);
    }

    static PabulibExport.StoredBallot ballot(String pseudonym, Long... projects) {
        return new PabulibExport.StoredBallot(pseudonym, "internet", List.of(projects));
    }

    @Test
    void aScopeIsWrittenAsTheFormatDemands() {
        List<PabulibExport.StoredProject> projects = List.of(
                project(1, "2324969", "Mejoramiento del servicio educativo, La Colpa", "600000.00", "80.00", true,
                        "Financiado"),
                project(2, "240372", "Agua para riego; Apalin y \"Bellavista Baja\"", "300000.50", "90.00", true,
                        "Financiado"),
                project(3, "2590047", "Servicio educativo\r\nHuaraclla ", "500000.00", "70.00", false,
                        "No financiado: asignación del ámbito agotada"));
        List<PabulibExport.StoredBallot> ballots = List.of(ballot("c3", 1L, 2L), ballot("a1", 1L), ballot("b2", 3L, 2L));
        String file = PabulibExport.write(PabulibExport.contents(cycle(5, new BigDecimal("1000000.00"), null),
                "CHOTA", projects, ballots, 0));

        assertThat(PabulibFormat.problems(file)).isEmpty();
        var pb = PabulibFormat.parse(file);
        assertThat(pb.meta()).containsEntry("rule", "greedy").containsEntry("vote_type", "approval")
                .containsEntry("date_begin", "16.09.2030").containsEntry("date_end", "04.10.2030")
                .containsEntry("budget", "1000000").containsEntry("num_projects", "3").containsEntry("num_votes", "3")
                .containsEntry("subunit", "Chota").containsEntry("country", "Peru").containsEntry("currency", "PEN")
                .doesNotContainKey("fully_funded");
        // the cycle's 5 votes are for all scopes; in a scope of 3 projects an agent casts at most 3
        assertThat(pb.meta()).containsEntry("max_length", "3");
        assertThat(pb.meta().get("comment")).startsWith("#1: rule greedy con el orden del puntaje total")
                .contains("0.8 x puntaje técnico", "0.2 x puntaje de votación", "#2: ", "#3: ")
                .doesNotContain("#4: ");
        assertThat(pb.projectColumns()).containsExactly("project_id", "cost", "votes", "name", "selected",
                "description");
        // ';' and '"' come back as they were; a line break becomes a space
        assertThat(pb.project("240372")).containsEntry("name", "Agua para riego; Apalin y \"Bellavista Baja\"")
                .containsEntry("cost", "300000.5").containsEntry("votes", "2").containsEntry("selected", "1");
        assertThat(file).contains("240372;300000.5;2;\"Agua para riego; Apalin y \"\"Bellavista Baja\"\"\";1;");
        assertThat(pb.project("2590047")).containsEntry("name", "Servicio educativo Huaraclla")
                .containsEntry("selected", "0").containsEntry("description",
                        "Puntaje técnico 70.00, puntaje de votación 50.0000, puntaje total 74.0000. "
                                + "No financiado: asignación del ámbito agotada");
        // voters numbered in the order of their pseudonyms, never the pseudonyms themselves
        assertThat(pb.votes()).extracting(v -> v.get("voter_id") + ":" + v.get("vote") + ":" + v.get("voting_method"))
                .containsExactly("1:2324969:internet", "2:2590047,240372:internet", "3:2324969,240372:internet");
        assertThat(file).doesNotContain("a1", "b2", "c3");
    }

    @Test
    void theDatesFollowAnEarlyCloseAndTheFlagsFollowTheBudget() {
        Instant closed = LocalDate.of(2030, 9, 30).atTime(23, 30).atZone(DueDates.LIMA).toInstant(); // 1 Oct in UTC
        List<PabulibExport.StoredProject> projects = List.of(
                project(1, "100", "Uno", "200", "80", true, "Financiado"),
                project(2, "200", "Dos", "300", "70", true, "Financiado"));
        var contents = PabulibExport.contents(cycle(1, new BigDecimal("1000"), closed), "MULTIPROVINCIAL", projects,
                List.of(ballot("x", 2L), ballot("y")), 12);
        String file = PabulibExport.write(contents);

        assertThat(PabulibFormat.problems(file)).isEmpty();
        var pb = PabulibFormat.parse(file);
        assertThat(pb.meta()).containsEntry("date_end", "30.09.2030").containsEntry("fully_funded", "1")
                .containsEntry("max_length", "1").containsEntry("num_votes", "1")
                .containsEntry("subunit", "Multiprovincial");
        assertThat(pb.meta().get("comment")).contains("#4: antes de las cédulas de papel, los talleres provinciales registraron 12 votos");
    }

    @Test
    void everyValueWithTheFormatsSpecialCharactersRoundTrips() {
        List<String> names = List.of("a;b", "\"entre comillas\"", "x\"y", ";", "\"", "fin;\"", "#1 almohadilla",
                "coma, y punto.");
        List<PabulibExport.StoredProject> projects = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            projects.add(project(i + 1, String.valueOf(1000 + i), names.get(i), "10", "50", false,
                    "Motivo; con \"comillas\""));
        }
        String file = PabulibExport.write(PabulibExport.contents(cycle(3, new BigDecimal("5"), null), "JAEN",
                projects, List.of(), 0));
        assertThat(PabulibFormat.problems(file)).isEmpty();
        var pb = PabulibFormat.parse(file);
        for (int i = 0; i < names.size(); i++) {
            Map<String, String> p = pb.project(String.valueOf(1000 + i));
            assertThat(p.get("name")).isEqualTo(names.get(i));
            assertThat(p.get("description")).endsWith("Motivo; con \"comillas\"");
        }
    }
}
