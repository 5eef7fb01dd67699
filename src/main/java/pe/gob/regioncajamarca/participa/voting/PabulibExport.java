package pe.gob.regioncajamarca.participa.voting;

import pe.gob.regioncajamarca.participa.projects.Projects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.projects.Scopes;

/**
 * One scope of a prioritised cycle as a pabulib file ({@code .pb}), the open format of participatory-budgeting
 * data. Published once the results are (phase FORMALIZACION or later); a scope without projects has no file.
 *
 * <p><b>Source followed</b>: "The .pb File Format", https://pabulib.org/format (the page's source is
 * {@code app/templates/format.html} of github.com/pabulib/pabulib_front), and the format's own checker,
 * github.com/pabulib/checker ({@code pabulib_helpers/fields.py}: the known fields of each section, their order,
 * which are obligatory and their allowed values; {@code pabulib_helpers/load_pb_file.py}: sections and CSV
 * reading; {@code pabulib/checker.py}: the consistency checks), as read in 2026. pabutools
 * ({@code pabutools/election/pabulib.py}) reads the files with Python's {@code csv} module, delimiter {@code ;}.
 * The test {@code PabulibFormat} implements these rules and every file of a prioritised cycle is checked with it.
 *
 * <p>What the file says, and why:
 * <ul>
 * <li>META in the checker's order; only keys the format knows. {@code vote_type} {@code approval} (an agent picks
 * projects, at most one vote each). {@code rule} {@code greedy}: the format knows {@code greedy},
 * {@code equalshares}, {@code equalshares/add1} and {@code unknown}, none of them weighted; our selection is the
 * greedy one (ranked, funded in order while the scope's envelope allows, a project that does not fit skipped),
 * but the order is the total score 0.8 × technical + 0.2 × vote score, not the votes: {@code comment} (#1, #2...)
 * says so, with the tie-breaks and the eligibility rule. {@code date_begin}/{@code date_end} are the voting window
 * ({@code dd.mm.yyyy}; the day of an early close if there was one; the cycle's year when it had no window).
 * {@code max_length} is what one agent can cast in this scope: the cycle's votes per agent are for all scopes
 * together, one per project, so in one scope an agent casts at most min(votes per agent, projects of the scope).
 * {@code fully_funded;1} only where the envelope exceeds the cost of all the scope's projects.</li>
 * <li>PROJECTS {@code project_id;cost;votes;name;selected;description}, the format's project fields only. The
 * technical score is not the format's {@code score} (that is the sum of the voters' points, which the checker
 * recounts from VOTES); each project's scores and the reason of its result go in its {@code description}.
 * {@code votes} is counted from the file's VOTES, as the checker demands.</li>
 * <li>VOTES {@code voter_id;vote;voting_method}: one line per agent who voted in the scope, numbered 1..n in an
 * order that reveals nothing about them (a digest of year and document); no document number leaves the system.
 * Workshop tallies are totals per project without a ballot per agent: they cannot be VOTES lines, so a comment
 * tells how many there were (selection and the vote score in each description count them).</li>
 * <li>CSV as the format says: {@code ;} between values, a value with {@code ;}, {@code "} or a line break in
 * double quotes with {@code "} doubled (Apache Commons CSV). Line breaks inside a text are written as spaces
 * first, and surrounding spaces trimmed: the checker reports a line with nothing on it and whitespace around a
 * value, and pabutools splits the file into lines before reading it as CSV.</li>
 * </ul>
 */
@RestController
class PabulibExport {

    /** The format's value for our selection procedure (see the class comment). */
    static final String RULE = "greedy";
    static final String VOTE_TYPE = "approval";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private static final CSVFormat PB = CSVFormat.Builder.create()
            .setDelimiter(';')
            .setQuote('"')
            .setQuoteMode(QuoteMode.MINIMAL)
            .setRecordSeparator('\n')
            .get();

    private final JdbcClient jdbc;
    private final CycleService cycles;
    private final Ballots ballots;

    private final Projects projectList;

    PabulibExport(JdbcClient jdbc, CycleService cycles, Ballots ballots, Projects projectList) {
        this.projectList = projectList;
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.ballots = ballots;
    }

    @GetMapping(path = "/api/open-data/cycles/{year}/pabulib/{scope}.pb", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> export(@PathVariable int year, @PathVariable String scope) {
        Cycle cycle = cycles.find(year).orElse(null);
        if (cycle == null || !Scopes.isValid(scope)) {
            return notFound("No existe el ciclo " + year + " o el ámbito " + scope + ".\n");
        }
        if (cycle.phase() != CyclePhase.FORMALIZACION && cycle.phase() != CyclePhase.FORMALIZADO) {
            return notFound("Los resultados del ciclo " + year + " aún no se publican.\n");
        }
        Optional<String> file = render(cycle, scope);
        if (file.isEmpty()) {
            return notFound("El ciclo " + year + " no tuvo proyectos en el ámbito " + Scopes.label(scope) + ".\n");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"peru_cajamarca_" + year + "_"
                        + scope.toLowerCase() + ".pb\"")
                .body(file.get());
    }

    private static ResponseEntity<String> notFound(String message) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body(message);
    }

    /** The scope's file, or empty when the scope had no projects in the cycle. */
    Optional<String> render(Cycle cycle, String scope) {
        List<Projects.Project> inScope = projectList.inScope(cycle.year(), scope);
        List<StoredProject> projects = inScope.stream().map(p -> new StoredProject(p.id(), p.cui(), p.name(),
                p.cost(), p.technicalScore(), p.voteScore(), p.totalScore(), p.prioritized(), p.reason())).toList();
        if (projects.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<Long>> byDocument = new TreeMap<>();
        List<Long> ids = projects.stream().map(StoredProject::id).sorted().toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.sql("SELECT document_number, project_id FROM vote WHERE cycle_year = :year AND project_id IN (:ids) "
                            + "ORDER BY project_id")
                    .param("year", cycle.year()).param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .query((rs, i) -> byDocument.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(rs.getLong(2)))
                    .list();
        }
        Map<String, String> methods = this.ballots.votingMethods(cycle.year());
        List<StoredBallot> ballots = new ArrayList<>();
        byDocument.forEach((document, voted) -> ballots.add(new StoredBallot(
                digest(cycle.year() + ":" + document), methods.getOrDefault(document, "internet"), voted)));
        // workshop votes that have no ballot behind them: the typed tallies of cycles counted before V38
        int paperVotes = (int) ballots.stream().filter(b -> "paper".equals(b.votingMethod()))
                .mapToLong(b -> b.projectIds().size()).sum();
        int workshopVotes = inScope.stream().mapToInt(p -> p.workshopVotes() == null ? 0 : p.workshopVotes()).sum();
        int tallyVotes = Math.max(0, workshopVotes - paperVotes);
        return Optional.of(write(contents(cycle, scope, projects, ballots, tallyVotes)));
    }

    /** A project as stored, with its result. */
    record StoredProject(long id, String cui, String name, BigDecimal cost, BigDecimal technicalScore,
                         BigDecimal voteScore, BigDecimal totalScore, Boolean prioritized, String reason) {
    }

    /** An agent's votes in the scope: {@code pseudonym} orders the voters and reveals nothing of them. */
    record StoredBallot(String pseudonym, String votingMethod, List<Long> projectIds) {
    }

    record ProjectLine(String projectId, BigDecimal cost, int votes, String name, int selected, String description) {
    }

    record VoteLine(String voterId, List<String> vote, String votingMethod) {
    }

    /** What one file says: META in its order, PROJECTS, VOTES. */
    record Contents(Map<String, String> meta, List<ProjectLine> projects, List<VoteLine> votes) {
    }

    static Contents contents(Cycle cycle, String scope, List<StoredProject> projects, List<StoredBallot> ballots,
                             int workshopVotes) {
        Map<Long, String> cuiById = new LinkedHashMap<>();
        projects.forEach(p -> cuiById.put(p.id(), p.cui()));
        List<VoteLine> votes = new ArrayList<>();
        Map<String, Integer> votesByCui = new TreeMap<>();
        List<StoredBallot> ordered = ballots.stream().filter(b -> !b.projectIds().isEmpty())
                .sorted(Comparator.comparing(StoredBallot::pseudonym)).toList();
        for (StoredBallot b : ordered) {
            List<String> vote = b.projectIds().stream().map(cuiById::get).toList();
            vote.forEach(cui -> votesByCui.merge(cui, 1, Integer::sum));
            votes.add(new VoteLine(String.valueOf(votes.size() + 1), vote, b.votingMethod()));
        }
        List<ProjectLine> lines = new ArrayList<>();
        BigDecimal allCosts = BigDecimal.ZERO;
        for (StoredProject p : projects) {
            allCosts = allCosts.add(p.cost());
            lines.add(new ProjectLine(p.cui(), p.cost(), votesByCui.getOrDefault(p.cui(), 0), p.name(),
                    Boolean.TRUE.equals(p.prioritized()) ? 1 : 0, descriptionOf(p)));
        }
        BigDecimal budget = CycleService.splitOf(cycle).getOrDefault(scope, BigDecimal.ZERO);
        int maxLength = Math.min(cycle.votesPerAgent(), projects.size());

        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("description", "Presupuesto participativo del Gobierno Regional de Cajamarca, ciclo " + cycle.year()
                + ", ámbito " + Scopes.label(scope) + ": priorización por puntaje total (80 % técnico, 20 % votación)");
        meta.put("country", "Peru");
        meta.put("unit", "Cajamarca");
        meta.put("subunit", Scopes.label(scope));
        meta.put("instance", String.valueOf(cycle.year()));
        meta.put("num_projects", String.valueOf(lines.size()));
        meta.put("num_votes", String.valueOf(votes.size()));
        meta.put("budget", number(budget));
        meta.put("vote_type", VOTE_TYPE);
        meta.put("rule", RULE);
        meta.put("date_begin", votingBegins(cycle));
        meta.put("date_end", votingEnds(cycle));
        meta.put("max_length", String.valueOf(maxLength));
        meta.put("language", "es");
        meta.put("currency", "PEN");
        if (budget.compareTo(allCosts) > 0) {
            meta.put("fully_funded", "1");
        }
        meta.put("comment", comment(cycle, maxLength, workshopVotes));
        return new Contents(meta, lines, votes);
    }

    private static String comment(Cycle cycle, int maxLength, int workshopVotes) {
        String text = "#1: rule greedy con el orden del puntaje total, no el de los votos: puntaje total = 0.8 x puntaje "
                + "técnico (0 a 100, del equipo técnico) + 0.2 x puntaje de votación (votos del proyecto / mayor número "
                + "de votos de un proyecto del ámbito x 100; 0 si ninguno tiene votos), comparado sin redondear; "
                + "empates: mayor puntaje técnico, luego menor costo, luego menor CUI. Los proyectos elegibles se "
                + "financian en ese orden mientras alcance la asignación del ámbito (budget); el que no cabe se salta. "
                + "#2: un proyecto no elegible no se selecciona aunque quepa (MULTIPROVINCIAL: costo de S/ 3,000,000 o "
                + "más y al menos 3 distritos de 2 provincias, DS 132-2010-EF). La descripción de cada proyecto da sus "
                + "puntajes y el motivo de su resultado. "
                + "#3: cada agente acreditado tiene " + cycle.votesPerAgent() + " votos para todo el ciclo (todos los "
                + "ámbitos), como máximo uno por proyecto; en este ámbito puede emitir hasta " + maxLength + ".";
        if (workshopVotes > 0) {
            text += " #4: antes de las cédulas de papel, los talleres provinciales registraron " + workshopVotes
                    + " votos en este ámbito como totales por proyecto, sin cédula por agente: no están en VOTES ni en"
                    + " votes, pero sí en el puntaje de votación y en selected.";
        }
        return text;
    }

    private static String descriptionOf(StoredProject p) {
        StringBuilder d = new StringBuilder();
        d.append(p.technicalScore() == null ? "Sin puntaje técnico" : "Puntaje técnico " + p.technicalScore().toPlainString());
        if (p.voteScore() != null) {
            d.append(", puntaje de votación ").append(p.voteScore().toPlainString());
        }
        if (p.totalScore() != null) {
            d.append(", puntaje total ").append(p.totalScore().toPlainString());
        }
        d.append('.');
        if (p.reason() != null && !p.reason().isBlank()) {
            d.append(' ').append(p.reason().strip());
        }
        return d.toString();
    }

    private static String votingBegins(Cycle cycle) {
        return cycle.window(CyclePhase.VOTACION).map(w -> DATE.format(w.opensOn()))
                .orElse(String.valueOf(cycle.year()));
    }

    private static String votingEnds(Cycle cycle) {
        return cycle.window(CyclePhase.VOTACION).map(w -> {
            LocalDate end = w.closesOn();
            if (w.closedEarlyAt() != null) {
                LocalDate closed = w.closedEarlyAt().atZone(DueDates.LIMA).toLocalDate();
                if (closed.isBefore(end)) {
                    end = closed.isBefore(w.opensOn()) ? w.opensOn() : closed;
                }
            }
            return DATE.format(end);
        }).orElse(String.valueOf(cycle.year()));
    }

    /** Soles as the format's numbers: a dot for decimals, no grouping, no needless zeros (600000, 456468.55). */
    static String number(BigDecimal amount) {
        BigDecimal plain = amount.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }

    /** A text as one value of a line: line breaks as spaces, no surrounding whitespace. */
    static String text(String value) {
        return value == null ? "" : value.replaceAll("[\\r\\n]+", " ").strip();
    }

    static String write(Contents c) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter pb = new CSVPrinter(out, PB)) {
            pb.printRecord("META");
            pb.printRecord("key", "value");
            for (Map.Entry<String, String> e : c.meta().entrySet()) {
                pb.printRecord(e.getKey(), text(e.getValue()));
            }
            pb.printRecord("PROJECTS");
            pb.printRecord("project_id", "cost", "votes", "name", "selected", "description");
            for (ProjectLine p : c.projects()) {
                pb.printRecord(p.projectId(), number(p.cost()), p.votes(), text(p.name()), p.selected(),
                        text(p.description()));
            }
            pb.printRecord("VOTES");
            pb.printRecord("voter_id", "vote", "voting_method");
            for (VoteLine v : c.votes()) {
                pb.printRecord(v.voterId(), String.join(",", v.vote()), v.votingMethod());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
