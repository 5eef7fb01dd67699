package pe.gob.regioncajamarca.participa.voting;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.cycle.Scopes;

/**
 * One scope of a prioritised cycle as a pabulib file ({@code .pb}, the open format of participatory-budgeting
 * data, https://pabulib.org): META, PROJECTS (cost, votes, technical score, selected) and VOTES (one line per
 * agent with the projects they approved). Voters are numbered 1..n in an order that reveals nothing about
 * them; no document number leaves the system. Published once the results are (phase FORMALIZACION or later).
 */
@RestController
class PabulibExport {

    private final JdbcClient jdbc;
    private final CycleService cycles;

    PabulibExport(JdbcClient jdbc, CycleService cycles) {
        this.jdbc = jdbc;
        this.cycles = cycles;
    }

    @GetMapping(path = "/api/open-data/cycles/{year}/pabulib/{scope}.pb", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> export(@PathVariable int year, @PathVariable String scope) {
        Cycle cycle = cycles.find(year).orElse(null);
        if (cycle == null || !Scopes.isValid(scope)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body("No existe el ciclo " + year + " o el ámbito " + scope + ".\n");
        }
        if (cycle.phase() != CyclePhase.FORMALIZACION && cycle.phase() != CyclePhase.FORMALIZADO) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body("Los resultados del ciclo " + year + " aún no se publican.\n");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"peru_cajamarca_" + year + "_"
                        + scope.toLowerCase() + ".pb\"")
                .body(render(cycle, scope));
    }

    String render(Cycle cycle, String scope) {
        record P(long id, String cui, String name, BigDecimal cost, int votes, BigDecimal technical, Boolean selected) {
        }
        List<P> projects = jdbc.sql("SELECT id, cui, name, cost, votes, technical_score, prioritized FROM project "
                        + "WHERE cycle_year = ? AND scope = ? ORDER BY cui").params(cycle.year(), scope)
                .query((rs, i) -> new P(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getInt(5), rs.getBigDecimal(6), (Boolean) rs.getObject(7, Boolean.class)))
                .list();
        Map<Long, String> cuiById = new LinkedHashMap<>();
        projects.forEach(p -> cuiById.put(p.id(), p.cui()));
        // voter pseudonym: order by a digest of (year, document), then number 1..n
        Map<String, List<String>> ballots = new TreeMap<>();
        jdbc.sql("SELECT v.document_number, v.project_id FROM vote v JOIN project p ON p.id = v.project_id "
                        + "WHERE v.cycle_year = ? AND p.scope = ? ORDER BY v.project_id").params(cycle.year(), scope)
                .query((rs, i) -> ballots.computeIfAbsent(digest(cycle.year() + ":" + rs.getString(1)),
                        k -> new ArrayList<>()).add(cuiById.get(rs.getLong(2))))
                .list();
        BigDecimal budget = CycleService.splitOf(cycle).getOrDefault(scope, BigDecimal.ZERO);
        StringBuilder out = new StringBuilder();
        out.append("META\nkey;value\n");
        out.append("description;Presupuesto participativo del Gobierno Regional de Cajamarca ").append(cycle.year())
                .append(", ámbito ").append(scope).append(". Priorización: 0.8 x puntaje técnico + 0.2 x puntaje de ")
                .append("votación (votos / máximo del ámbito x 100), financiados en orden mientras alcance la ")
                .append("asignación; solo votos en línea.\n");
        out.append("country;Peru\nunit;Cajamarca\nsubunit;").append(scope).append('\n');
        out.append("instance;").append(cycle.year()).append('\n');
        out.append("num_projects;").append(projects.size()).append('\n');
        out.append("num_votes;").append(ballots.size()).append('\n');
        out.append("budget;").append(budget.toPlainString()).append('\n');
        out.append("vote_type;approval\nrule;custom-80-20\n");
        out.append("max_length;").append(cycle.votesPerAgent()).append('\n');
        out.append("currency;PEN\nlanguage;es\n");
        out.append("PROJECTS\nproject_id;cost;votes;name;technical_score;selected\n");
        for (P p : projects) {
            out.append(p.cui()).append(';').append(p.cost().toPlainString()).append(';').append(p.votes()).append(';')
                    .append(p.name().replace(';', ',').replace('\n', ' ')).append(';')
                    .append(p.technical() == null ? "" : p.technical().toPlainString()).append(';')
                    .append(Boolean.TRUE.equals(p.selected()) ? 1 : 0).append('\n');
        }
        out.append("VOTES\nvoter_id;vote\n");
        int n = 0;
        for (List<String> vote : ballots.values()) {
            out.append(++n).append(';').append(String.join(",", vote)).append('\n');
        }
        return out.toString();
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
