package pe.gob.regioncajamarca.participa.results;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.projects.Territory;
import pe.gob.regioncajamarca.participa.monitoring.MonitoringEvidence;
import pe.gob.regioncajamarca.participa.monitoring.MonitoringService;
import pe.gob.regioncajamarca.participa.oversight.OversightReports;

/** A project's public page: its result in the cycle, its quarterly progress and the oversight reports about it. */
@Controller
class ProjectPageController {

    private final CycleResults results;
    private final CycleService cycles;
    private final MonitoringService monitoring;
    private final OversightReports oversight;
    private final Territory territory;
    private final pe.gob.regioncajamarca.participa.monitoring.MonitoringAlerts alerts;
    private final MonitoringEvidence evidence;

    private final pe.gob.regioncajamarca.participa.projects.KnownProjects knownProjects;
    private final pe.gob.regioncajamarca.participa.maps.RegionMap regionMap;
    private final pe.gob.regioncajamarca.participa.investments.NationalFigures national;

    ProjectPageController(CycleResults results, CycleService cycles, MonitoringService monitoring,
                          OversightReports oversight, Territory territory,
                          pe.gob.regioncajamarca.participa.monitoring.MonitoringAlerts alerts,
                          MonitoringEvidence evidence, pe.gob.regioncajamarca.participa.projects.KnownProjects knownProjects,
                          pe.gob.regioncajamarca.participa.maps.RegionMap regionMap,
                          pe.gob.regioncajamarca.participa.investments.NationalFigures national) {
        this.evidence = evidence;
        this.knownProjects = knownProjects;
        this.regionMap = regionMap;
        this.national = national;
        this.alerts = alerts;
        this.results = results;
        this.cycles = cycles;
        this.monitoring = monitoring;
        this.oversight = oversight;
        this.territory = territory;
    }

    @GetMapping("/proyectos/{year}/{cui}")
    String project(@PathVariable int year, @PathVariable String cui, Model model) {
        CycleResults.ProjectResult p = results.project(year, cui).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No existe el proyecto " + cui + " en el ciclo " + year));
        model.addAttribute("p", p);
        model.addAttribute("year", year);
        var cycle = cycles.find(year).orElseThrow();
        model.addAttribute("cycle", cycle);
        // what CycleResults.of(year) tells, without reading the whole matrix of the cycle for one project
        model.addAttribute("published", cycle.phase().resultsPublished());
        model.addAttribute("scopeName", territory.scopeNames().getOrDefault(p.scope(), p.scope()));
        var progress = monitoring.progressOf(cui);
        model.addAttribute("progress", progress);
        model.addAttribute("chart", pe.gob.regioncajamarca.participa.monitoring.ProgressChart.of(progress));
        model.addAttribute("alerts", alerts.ofProject(year, cui));
        model.addAttribute("reports", oversight.aboutProject(year, cui));
        model.addAttribute("evidence", evidence.published(year, cui));
        var districts = knownProjects.districtsOf(year, cui);
        model.addAttribute("districts", districts);
        model.addAttribute("national", national.of(cui).orElse(null));
        model.addAttribute("map", districts.isEmpty() ? null
                : regionMap.districts(java.util.Set.copyOf(districts), "Distritos que beneficia el proyecto " + cui));
        return "results/proyecto";
    }

    /**
     * A photo or document of the project's evidence, public once its report is REPORTADO (stored without EXIF or
     * GPS location, see {@link MonitoringEvidence#withoutMetadata}).
     */
    @GetMapping("/proyectos/{year}/{cui}/evidencias/{id}")
    ResponseEntity<byte[]> evidence(@PathVariable int year, @PathVariable String cui, @PathVariable long id) {
        MonitoringEvidence.Content f = evidence.publishedContent(year, cui, id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe esa evidencia."));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(f.fileName(),
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
                .body(f.bytes());
    }
}
