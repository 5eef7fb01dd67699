package pe.gob.regioncajamarca.participa.opendata;

import pe.gob.regioncajamarca.participa.projects.Projects;

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

    private final Projects projects;

    OpenDataController(CycleService cycles, JdbcClient jdbc, MonitoringService monitoring, Projects projects) {
        this.projects = projects;
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
        if (!cui.matches("^[0-9]{1,7}$") || projects.withCui(cui).isEmpty()) {
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
        Map<Long, java.util.Set<String>> districts = projects.districtsInCycle(c.year());
        return projects.inCycle(c.year()).stream()
                .sorted(java.util.Comparator.comparing(Projects.Project::scope)
                        .thenComparing(Projects.Project::rank, java.util.Comparator.nullsLast(
                                java.util.Comparator.naturalOrder()))
                        .thenComparing(Projects.Project::cui))
                .map(p -> new ProjectJson(p.cui(), p.name(), p.scope(),
                        List.copyOf(districts.getOrDefault(p.id(), java.util.Set.of())), p.cost(), p.unit(),
                        p.unitName(),
                        published ? p.technicalScore() : null,
                        published ? (Integer) p.votes() : null,
                        published ? p.voteScore() : null,
                        published ? p.totalScore() : null,
                        published ? p.rank() : null,
                        published ? p.prioritized() : null,
                        published ? p.reason() : null))
                .toList();
    }
}
