package pe.gob.regioncajamarca.participa.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;
import pe.gob.regioncajamarca.participa.voting.WorkshopTallies.TallyRefused;

/** Provincial workshop tallies: typed twice by two people, counted only when both match, shown apart. */
class WorkshopTallyIT extends ProcessTest {

    @Autowired WorkshopTallies tallies;
    @Autowired VotingService voting;
    @LocalServerPort int port;
    int year;
    List<Long> projects;

    @BeforeEach
    void votingIsOpen() {
        year = freeYear();
        openCycle(year, 3);
        cycleService.changePhase(year, CyclePhase.VOTACION, null);
        projects = new ArrayList<>();
        for (String cui : List.of("501", "502", "503")) {
            jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, technical_score) "
                            + "VALUES (?, ?, ?, 'CUTERVO', 100000, 'Salud', ?, 50)")
                    .params(year, cui, "Proyecto " + cui, TEST_UNIT).update();
            projects.add(jdbc.sql("SELECT id FROM project WHERE cycle_year = ? AND cui = ?").params(year, cui)
                    .query(Long.class).single());
        }
    }

    private Map<String, String> sheet(String name, int... votes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ambito", "CUTERVO");
        form.put("nombre", name);
        form.put("fecha", LocalDate.now(java.time.ZoneId.of("America/Lima")).toString());
        for (int i = 0; i < votes.length; i++) {
            form.put("v" + projects.get(i), String.valueOf(votes[i]));
        }
        return form;
    }

    private Http planner() {
        String id = staffUser("planning");
        Http http = new Http(port);
        http.staffLogin(id, "secreto-" + id);
        return http;
    }

    private String enter(Http http, Map<String, String> form) {
        String page = "/personal/ciclos/" + year + "/talleres/acta?ambito=CUTERVO";
        var r = http.submit(page, "/personal/ciclos/" + year + "/talleres/acta", form);
        if (r.statusCode() == 302) {
            return http.get("/personal/ciclos/" + year + "/talleres").body();
        }
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    void aTallyCountsOnlyWhenTwoPeopleTypedTheSameFigures() {
        Http first = planner();
        Http second = planner();
        Http third = planner();
        assertThat(first.get("/personal/ciclos/" + year + "/talleres/acta?ambito=CUTERVO").body())
                .contains("Proyecto 501", "Proyecto 503");

        assertThat(enter(first, sheet("Taller Cutervo", 12, 7, 0))).contains("Primera digitación guardada");
        // the same person cannot confirm their own typing
        assertThat(enter(first, sheet("Taller Cutervo", 12, 7, 0))).contains("Usted ya digitó el acta de este taller");
        assertThat(enter(second, sheet("Taller Cutervo", 12, 1, 0)))
                .contains("Las digitaciones no coinciden en los proyectos 502");
        assertThat(tallies.confirmedVotes(year)).isEmpty();
        assertThat(enter(third, sheet("Taller Cutervo", 12, 7, 0))).contains("Acta confirmada");
        assertThat(tallies.of(year)).singleElement().satisfies(w -> {
            assertThat(w.confirmed()).isTrue();
            assertThat(w.enteredBy()).hasSize(3);
        });
        // once confirmed, no further typing
        assertThat(enter(planner(), sheet("Taller Cutervo", 1, 1, 1))).contains("ya fue confirmada");

        // online votes and workshop votes are stored apart and added up at the close
        long agent = agentOf(year, "ACREDITADO", null);
        String dni = jdbc.sql("SELECT document_number FROM agent_registration WHERE id = ?").param(agent)
                .query(String.class).single();
        voting.cast(year, dni, projects.get(1));
        voting.storeFinalCounts(year);
        assertThat(jdbc.sql("SELECT cui, online_votes, workshop_votes, votes FROM project WHERE cycle_year = ? "
                        + "ORDER BY cui").param(year)
                .query((rs, i) -> rs.getString(1) + ":" + rs.getInt(2) + "+" + rs.getInt(3) + "=" + rs.getInt(4)).list())
                .containsExactly("501:0+12=12", "502:1+7=8", "503:0+0=0");
    }

    @Test
    void aSheetWithGapsOrBadFiguresIsRefusedWholeAndStoresNothing() {
        Http http = planner();
        Map<String, String> form = sheet("Taller Sócota", 3, 4);
        form.put("v" + projects.get(2), "");
        String page = enter(http, form);
        assertThat(page).contains("Proyecto 503: escriba los votos del acta (0 si no tuvo).");
        Map<String, String> letters = sheet("Taller Sócota", 3, 4, 5);
        letters.put("v" + projects.get(0), "doce");
        assertThat(enter(http, letters)).contains("«doce» no es un número de votos");
        Map<String, String> future = sheet("Taller Sócota", 3, 4, 5);
        future.put("fecha", LocalDate.now().plusDays(30).toString());
        assertThat(enter(http, future)).contains("no puede ser posterior a hoy");
        assertThat(tallies.of(year)).isEmpty();
    }

    @Test
    void noTallyIsTakenOutsideTheVotingPhase() {
        cycleService.changePhase(year, CyclePhase.PRIORIZACION, null);
        Map<Long, Integer> votes = Map.of(projects.get(0), 1, projects.get(1), 1, projects.get(2), 1);
        assertThatThrownBy(() -> tallies.enter(year, "CUTERVO", "Taller tardío", LocalDate.now().minusDays(1), votes,
                "alguien")).isInstanceOf(TallyRefused.class).hasMessageContaining("mientras la votación está abierta");
    }
}
