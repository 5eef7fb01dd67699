package pe.gob.regioncajamarca.participa.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import pe.gob.regioncajamarca.participa.monitoring.MonitoringService;
import pe.gob.regioncajamarca.participa.projects.Projects;

/**
 * The projects of a cycle as the portal lists them: searched by name or CUI and filtered by scope, sector and cost,
 * a page at a time (a cycle may hold thousands). Scores and the result are shown only once published.
 */
@Service
class ProjectCatalogue {

    public static final int PAGE_SIZE = 25;

    private final Projects projects;
    private final MonitoringService monitoring;

    public ProjectCatalogue(Projects projects, MonitoringService monitoring) {
        this.projects = projects;
        this.monitoring = monitoring;
    }

    public record Filter(String text, String scope, String sector, BigDecimal minCost, BigDecimal maxCost,
                         boolean onlyPrioritised, int page) {
    }

    public record Row(String cui, String name, String scope, BigDecimal cost, String sector, String unitName,
                      BigDecimal totalScore, Boolean prioritized, String executionStatus, BigDecimal physicalProgress) {
    }

    public record Page(List<Row> rows, int total, int page, int pages) {
    }

    /** One page: the projects from {@link Projects#search}, their latest physical progress from monitoring. */
    public Page search(int year, Filter f) {
        Projects.Found found = projects.search(year, new Projects.Search(f.text(), f.scope(), f.sector(), f.minCost(),
                f.maxCost(), f.onlyPrioritised(), f.page()), PAGE_SIZE);
        Map<Long, BigDecimal> progress = monitoring.latestPhysicalProgress(found.projects().stream()
                .map(Projects.Project::id).toList());
        List<Row> rows = found.projects().stream().map(p -> new Row(p.cui(), p.name(), p.scope(), p.cost(),
                p.sector(), p.unitName(), p.totalScore(), p.prioritized(), p.executionStatus(), progress.get(p.id())))
                .toList();
        return new Page(rows, found.total(), found.page(), found.pages());
    }

    /** The sectors (functions) of a cycle's projects, for the filter. */
    public List<String> sectors(int year) {
        return new ArrayList<>(projects.sectorsOf(year));
    }

    public boolean hasProjects(int year) {
        return projects.anyIn(year);
    }
}
