package pe.gob.regioncajamarca.participa.opendata;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.documents.Csv;
import pe.gob.regioncajamarca.participa.monitoring.MonitoringService;

/**
 * Open data, read-only and without login (contract: /api/open-data/...). Only public facts: cycles, envelopes,
 * projects and their results; never a person's data.
 */
@RestController
@RequestMapping(path = "/api/open-data", produces = MediaType.APPLICATION_JSON_VALUE)
class OpenDataController {

    static final String CSV = "text/csv;charset=UTF-8";

    private final CycleService cycles;
    private final JdbcClient jdbc;
    private final MonitoringService monitoring;

    OpenDataController(CycleService cycles, JdbcClient jdbc, MonitoringService monitoring) {
        this.cycles = cycles;
        this.jdbc = jdbc;
        this.monitoring = monitoring;
    }

    /**
     * One quarterly report: {@code quarter} is the quarter whose figures it carries (the ended quarter the round
     * reports); {@code financialExecution} is the financial execution in per cent (MonitoringService.Progress
     * #financialPercent, the one formula: accrued to date over the updated total cost); the money in soles follows.
     */
    record ProgressJson(String quarter, BigDecimal physicalProgress, BigDecimal financialExecution, String status,
                        java.time.Instant reportedAt, BigDecimal accruedToDate, BigDecimal accruedThisYear,
                        BigDecimal currentBudget, BigDecimal updatedCost) {
    }

    /** A project's quarterly reports (every cycle that holds its CUI), oldest first; 404 for an unknown CUI. */
    @GetMapping("/projects/{cui}/progress")
    ResponseEntity<?> progress(@PathVariable String cui) {
        if (!cui.matches("^[0-9]{1,7}$") || jdbc.sql("SELECT COUNT(*) FROM project WHERE cui = ?").param(cui)
                .query(Integer.class).single() == 0) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Map.of("error", "No existe un proyecto con el CUI " + cui + "."));
        }
        return ResponseEntity.ok(progressOf(cui));
    }

    @GetMapping(path = "/projects/{cui}/progress.csv", produces = CSV)
    ResponseEntity<String> progressCsv(@PathVariable String cui) {
        if (!cui.matches("^[0-9]{1,7}$")) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.parseMediaType(CSV))
                    .body("error\nNo existe un proyecto con el CUI " + cui + "\n");
        }
        StringBuilder out = new StringBuilder("quarter,physicalProgress,financialExecution,status,reportedAt,"
                + "accruedToDate,accruedThisYear,currentBudget,updatedCost\r\n");
        for (ProgressJson p : progressOf(cui)) {
            out.append(Csv.row(p.quarter(), p.physicalProgress(), p.financialExecution(), p.status(), p.reportedAt(),
                    p.accruedToDate(), p.accruedThisYear(), p.currentBudget(), p.updatedCost()));
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CSV))
                .header("Content-Disposition", "inline; filename=\"avance-" + cui + ".csv\"").body(out.toString());
    }

    private List<ProgressJson> progressOf(String cui) {
        return monitoring.progressOf(cui).stream().map(p -> new ProgressJson(p.quarter(), p.physicalProgress(),
                p.financialPercent(), p.executionStatus(), p.reportedAt(), p.financialExecution(), p.accruedThisYear(),
                p.currentBudget(), p.updatedCost())).toList();
    }

    record ScopeJson(String scope, BigDecimal envelope) {
    }

    record CycleJson(int year, String phase, BigDecimal envelope, List<ScopeJson> scopes) {
    }

    record ProjectJson(String cui, String name, String scope, List<String> districts, BigDecimal cost,
                       String executingUnit, String executingUnitName, BigDecimal technicalScore, Integer votes,
                       BigDecimal voteScore, BigDecimal totalScore, Integer rank, Boolean prioritized, String reason) {
    }

    @GetMapping("/cycles")
    List<CycleJson> cycles() {
        return cycles.findAll().stream().map(c -> new CycleJson(c.year(), c.phase().name(), c.envelope(),
                c.scopes().stream().map(s -> new ScopeJson(s.scope(), s.envelope())).toList())).toList();
    }

    @GetMapping("/cycles/{year}/projects")
    ResponseEntity<?> projects(@PathVariable int year) {
        return cycles.find(year).<ResponseEntity<?>>map(c -> ResponseEntity.ok(projectsOf(c)))
                .orElseGet(() -> notFound(year));
    }

    @GetMapping(path = "/cycles/{year}/projects.csv", produces = CSV)
    ResponseEntity<String> projectsCsv(@PathVariable int year) {
        Cycle c = cycles.find(year).orElse(null);
        if (c == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.parseMediaType(CSV))
                    .body("error\nNo existe el ciclo " + year + "\n");
        }
        StringBuilder out = new StringBuilder("cui,name,scope,districts,cost,executingUnit,executingUnitName,"
                + "technicalScore,votes,voteScore,totalScore,rank,prioritized,reason\r\n");
        for (ProjectJson p : projectsOf(c)) {
            out.append(Csv.row(p.cui(), p.name(), p.scope(), String.join("|", p.districts()), p.cost(),
                    p.executingUnit(), p.executingUnitName(), p.technicalScore(), p.votes(), p.voteScore(),
                    p.totalScore(), p.rank(), p.prioritized(), p.reason()));
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CSV))
                .header("Content-Disposition", "inline; filename=\"proyectos-" + year + ".csv\"")
                .body(out.toString());
    }

    private ResponseEntity<?> notFound(int year) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of("error", "No existe el ciclo " + year + "."));
    }

    /** Results (scores, rank, prioritized, reason) are published only once the cycle has been prioritised. */
    private List<ProjectJson> projectsOf(Cycle c) {
        boolean published = c.phase().resultsPublished();
        Map<Long, List<String>> districts = new LinkedHashMap<>();
        jdbc.sql("SELECT pd.project_id, pd.ubigeo FROM project_district pd JOIN project p ON p.id = pd.project_id "
                        + "WHERE p.cycle_year = ? ORDER BY pd.ubigeo")
                .param(c.year())
                .query((rs, i) -> districts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return jdbc.sql("""
                SELECT p.id, p.cui, p.name, p.scope, p.cost, p.executing_unit, u.name AS unit_name,
                       p.technical_score, p.votes, p.vote_score, p.total_score, p.scope_rank, p.prioritized, p.reason
                FROM project p JOIN executing_unit u ON u.code = p.executing_unit
                WHERE p.cycle_year = ? ORDER BY p.scope, p.scope_rank, p.cui""")
                .param(c.year())
                .query((rs, i) -> new ProjectJson(rs.getString("cui"), rs.getString("name"), rs.getString("scope"),
                        districts.getOrDefault(rs.getLong("id"), List.of()), rs.getBigDecimal("cost"),
                        rs.getString("executing_unit"), rs.getString("unit_name"),
                        published ? rs.getBigDecimal("technical_score") : null,
                        published ? rs.getInt("votes") : null,
                        published ? rs.getBigDecimal("vote_score") : null,
                        published ? rs.getBigDecimal("total_score") : null,
                        published ? (Integer) rs.getObject("scope_rank", Integer.class) : null,
                        published ? (Boolean) rs.getObject("prioritized", Boolean.class) : null,
                        published ? rs.getString("reason") : null))
                .list();
    }
}
