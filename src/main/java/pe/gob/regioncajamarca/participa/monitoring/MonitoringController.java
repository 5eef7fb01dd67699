package pe.gob.regioncajamarca.participa.monitoring;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import pe.gob.regioncajamarca.participa.projects.Territory;
import pe.gob.regioncajamarca.participa.maps.RegionMap;

/**
 * The public monitoring pages: execution rolled up per cycle, province and executing unit ({@code /seguimiento}),
 * each quarterly round with its reports and alerts ({@code /seguimiento/{quarter}}) and its report as a PDF.
 */
@Controller
class MonitoringController {

    private final MonitoringRollups rollups;
    private final MonitoringReport report;
    private final Territory territory;
    private final RegionMap map;

    MonitoringController(MonitoringRollups rollups, MonitoringReport report, Territory territory, RegionMap map) {
        this.map = map;
        this.rollups = rollups;
        this.report = report;
        this.territory = territory;
    }

    /** How many of the newest rounds the overview shows with their counts; the earlier ones are folded by year. */
    static final int RECENT_ROUNDS = 4;

    /**
     * One roll-up table of the page. {@code key}: {@code scope} or {@code unit}; the page shows its title, caption
     * and first column through the message keys {@code monitoring.table.<key>*}; {@code year}: the cycle shown.
     */
    record Table(String key, Integer year, List<MonitoringRollups.Rollup> rows, Map<String, String> names) {
    }

    /**
     * The overview shows one cycle in full (the one asked for with {@code ?ciclo=}, by default the newest with
     * prioritised projects: its provinces, map and executing units), every cycle as one line of counts (one grouped
     * query) with a link to its own view, the newest rounds with their counts and the earlier ones folded by year:
     * what it reads does not grow with the years of history (docs/performance.md, "Ten years of history").
     */
    @GetMapping("/seguimiento")
    String overview(@RequestParam(name = "ciclo", required = false) Integer asked, Model model) {
        List<MonitoringRollups.CycleCount> byCycle = rollups.cycleCounts(1, Integer.MAX_VALUE);
        Integer year = asked != null ? asked : byCycle.isEmpty() ? null : byCycle.get(0).year();
        List<MonitoringRollups.Rollup> byScope = year == null ? List.of() : rollups.byScope(year);
        model.addAttribute("year", year);
        model.addAttribute("byCycle", byCycle);
        model.addAttribute("tables", List.of(
                new Table("scope", year, byScope, territory.scopeNames()),
                new Table("unit", year, year == null ? List.of() : rollups.byUnit(year), null)));
        model.addAttribute("rounds", rollups.rounds(RECENT_ROUNDS));
        model.addAttribute("map", map.provincesByScope(MonitoringRollups.mapValues(byScope),
                territory.provinceCodes(), "Ejecución por provincia, ciclo " + year));
        return "monitoring/seguimiento";
    }

    @GetMapping("/seguimiento/{quarter}")
    String round(@PathVariable String quarter, Model model) {
        model.addAllAttributes(modelOf(quarter));
        return "monitoring/ronda";
    }

    @GetMapping("/seguimiento/{quarter}/informe.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String quarter) {
        modelOf(quarter);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"informe-seguimiento-" + quarter + ".pdf\"")
                .body(report.pdf(quarter).orElseThrow());
    }

    private Map<String, Object> modelOf(String quarter) {
        if (!MonitoringService.isQuarter(quarter)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "El trimestre se escribe AAAA-Qn, por ejemplo 2026-Q3.");
        }
        return report.model(quarter).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No hay una ronda de seguimiento del trimestre " + quarter + "."));
    }
}
