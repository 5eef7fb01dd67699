package pe.gob.regioncajamarca.participa.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.identity.StaffGroups;
import pe.gob.regioncajamarca.participa.oversight.CommitteeElection.Assembly;
import pe.gob.regioncajamarca.participa.oversight.CommitteeElection.Candidate;
import pe.gob.regioncajamarca.participa.oversight.CommitteeElection.ElectionRefused;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/** The Comité de Vigilancia is elected from the cycle's accredited agents and gets staff accounts. */
class CommitteeElectionIT extends ProcessTest {

    @Autowired CommitteeElection elections;
    @Autowired IdentityService identity;
    @LocalServerPort int port;

    private int formalising() {
        int year = freeYear();
        formalisedCycle(year);
        cycleService.changePhase(year, CyclePhase.FORMALIZACION, null);
        return year;
    }

    @org.springframework.beans.factory.annotation.Autowired
    pe.gob.regioncajamarca.participa.accreditation.AccreditationService accreditation;

    private static final LocalDate YESTERDAY = LocalDate.now().minusDays(1);

    @Test
    void thePlanningOfficeRecordsTheElectionAndEachMemberGetsAnAccountInTheCommitteeGroup() {
        int year = formalising();
        long a = agentOf(year, "ACREDITADO", "Federación de rondas campesinas");
        long b = agentOf(year, "ACREDITADO", "Asociación de productores");
        long c = agentOf(year, "ACREDITADO", null);
        long rejectedAgent = agentOf(year, "RECHAZADO", null);
        String planner = staffUser("planning");
        Http http = new Http(port);
        http.staffLogin(planner, "secreto-" + planner);
        String page = "/personal/ciclos/" + year + "/comite";
        String form = http.get(page).body();
        assertThat(form).contains(a + " · ", "Federación de rondas campesinas");
        assertThat(form).doesNotContain("987654321"); // no phone numbers, no DNIs on the page
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("fecha", YESTERDAY.toString(),
                "lugar", "Auditorio del Gobierno Regional", "presentes", "3", "notas", "Elección por mayoría"));
        fields.putAll(Map.of("agente0", a + " · Rosa Huamán", "cargo0", "PRESIDENTE", "votos0", "3", "ambitos0", "CHOTA"));
        fields.putAll(Map.of("agente1", String.valueOf(b), "cargo1", "SECRETARIO", "votos1", "2", "ambitos1", "CAJAMARCA"));
        fields.putAll(Map.of("agente2", String.valueOf(c), "cargo2", "MIEMBRO", "votos2", "2", "ambitos2", "MULTIPROVINCIAL"));
        var result = http.submit(page, page, fields);
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body()).contains("Elección registrada", "cv" + year + "-" + a);
        Matcher pw = Pattern.compile("cv" + year + "-" + a + "</code></td><td><code>([A-Za-z0-9]{12})</code>")
                .matcher(result.body());
        assertThat(pw.find()).isTrue();

        // the member logs in to the staff pages with the temporary password and is in the committee group
        String member = "cv" + year + "-" + a;
        assertThat(identity.checkPassword(member, pw.group(1))).isTrue();
        assertThat(identity.createUserQuery().memberOfGroup(StaffGroups.OVERSIGHT_COMMITTEE).userId(member).count())
                .isEqualTo(1);
        assertThat(elections.scopesWatchedBy(member)).containsExactly("CHOTA");
        assertThat(elections.of(year).orElseThrow().members()).extracting(CommitteeElection.Member::role)
                .containsExactly("PRESIDENTE", "SECRETARIO", "MIEMBRO");
        // each member with the agent's own record (read for the members only, not the cycle's thousands)
        assertThat(elections.of(year).orElseThrow().members()).extracting(CommitteeElection.Member::registrationId,
                CommitteeElection.Member::organization).containsExactly(
                org.assertj.core.groups.Tuple.tuple(a, "Federación de rondas campesinas"),
                org.assertj.core.groups.Tuple.tuple(b, "Asociación de productores"),
                org.assertj.core.groups.Tuple.tuple(c, null));
        assertThat(accreditation.accreditedAgents(year, List.of(b, rejectedAgent, c)))
                .extracting(pe.gob.regioncajamarca.participa.accreditation.AccreditationService.AccreditedAgent::registrationId)
                .containsExactlyInAnyOrder(b, c);
        assertThat(accreditation.accreditedAgents(year, List.of())).isEmpty();
        assertThat(mailsTo(jdbc.sql("SELECT c.email FROM agent_registration r JOIN citizen_account c "
                + "ON c.id = r.citizen_id WHERE r.id = ?").param(a).query(String.class).single()))
                .containsExactly("Fue elegido para el Comité de Vigilancia del presupuesto participativo " + year);
        // the page afterwards shows the committee, never the passwords again
        String after = http.get(page).body();
        assertThat(after).contains(member, ">Chota<").doesNotContain(pw.group(1));
        // and it is elected once
        assertThatThrownBy(() -> elections.record(year, new Assembly(YESTERDAY, "Otra vez", 3, null),
                List.of(), planner)).hasMessageContaining("ya fue elegido");
    }

    @Test
    void anElectionThatBreaksTheRulesIsRefusedWithEveryReasonAndCreatesNoAccount() {
        int year = formalising();
        long a = agentOf(year, "ACREDITADO", null);
        long b = agentOf(year, "ACREDITADO", null);
        long rejected = agentOf(year, "RECHAZADO", null);
        assertThatThrownBy(() -> elections.record(year, new Assembly(YESTERDAY, "Sala", 2, null), List.of(
                        new Candidate(a, "MIEMBRO", 1, Set.of("CHOTA")),
                        new Candidate(a, "MIEMBRO", 1, Set.of()),
                        new Candidate(rejected, "MIEMBRO", 9, Set.of("CHOTA")),
                        new Candidate(b, "MIEMBRO", 1, Set.of("CHOTA"))), "planner"))
                .isInstanceOf(ElectionRefused.class)
                .satisfies(e -> assertThat(((ElectionRefused) e).errors()).contains(
                        "La inscripción " + rejected + " no es un agente acreditado del ciclo " + year + ".",
                        "La inscripción " + rejected + ": los votos recibidos deben estar entre 0 y el número de agentes presentes.",
                        "El comité tiene un presidente; se indicaron 0."))
                .hasMessageContaining("figura dos veces")
                .hasMessageContaining("elija al menos una provincia");
        assertThat(elections.held(year)).isFalse();
        assertThat(identity.createUserQuery().userId("cv" + year + "-" + a).count()).isZero();
        // and outside the formalisation phase nothing is recorded
        cycleService.changePhase(year, CyclePhase.VOTACION, null);
        assertThatThrownBy(() -> elections.record(year, new Assembly(YESTERDAY, "Sala", 2, null), List.of(), "p"))
                .hasMessageContaining("fase de formalización");
    }

    @Test
    void onlyThePlanningOfficeRecordsTheElection() {
        int year = formalising();
        String manager = staffUser("regional-management");
        Http http = new Http(port);
        http.staffLogin(manager, "secreto-" + manager);
        String page = "/personal/ciclos/" + year + "/comite";
        assertThat(http.get(page).statusCode()).isEqualTo(200);
        assertThat(http.submit(page, page, Map.of("fecha", YESTERDAY.toString())).statusCode()).isEqualTo(403);
    }
}
