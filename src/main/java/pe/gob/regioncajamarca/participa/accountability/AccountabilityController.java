package pe.gob.regioncajamarca.participa.accountability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import pe.gob.regioncajamarca.participa.projects.Territory;
import pe.gob.regioncajamarca.participa.documents.Csv;
import pe.gob.regioncajamarca.participa.monitoring.MonitoringRollups;

/** The portal's accountability pages: the last ten cycles, each cycle's prioritised projects, and their CSV. */
@Controller
class AccountabilityController {

    static final int PAGE_SIZE = 100;

    private final Accountability accountability;
    private final Territory territory;

    private final MonitoringRollups rollups;
    private final pe.gob.regioncajamarca.participa.maps.RegionMap map;

    AccountabilityController(Accountability accountability, Territory territory,
                             pe.gob.regioncajamarca.participa.monitoring.MonitoringRollups rollups,
                             pe.gob.regioncajamarca.participa.maps.RegionMap map) {
        this.accountability = accountability;
        this.territory = territory;
        this.rollups = rollups;
        this.map = map;
    }

    /**
     * The last ten cycles: the newest in full with its provinces' map, the earlier ones folded into a line each with a
     * link to its own page (docs/performance.md, "Ten years of history").
     */
    @GetMapping("/rendicion-de-cuentas")
    String index(Model model) {
        Accountability.Index index = accountability.index();
        model.addAttribute("cycles", index.full());
        model.addAttribute("folded", index.folded());
        provinces(index.mapYear(), model);
        return "accountability/indice";
    }

    /** The table and map of a cycle's prioritised projects by province (none when {@code year} is null). */
    private void provinces(Integer year, Model model) {
        var byScope = year == null ? List.<MonitoringRollups.Rollup>of() : rollups.byScope(year);
        model.addAttribute("mapYear", year);
        model.addAttribute("byScope", byScope);
        model.addAttribute("scopeNames", territory.scopeNames());
        model.addAttribute("map", map.provincesByScope(MonitoringRollups.mapValues(byScope),
                territory.provinceCodes(), "Ejecución de los proyectos priorizados por provincia, ciclo " + year));
    }

    @GetMapping("/rendicion-de-cuentas/{year}")
    String cycle(@PathVariable int year, @RequestParam(name = "pagina", defaultValue = "1") int page, Model model) {
        Accountability.CycleSummary cycle = accountability.cycle(year).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No existe el ciclo " + year + "."));
        int pages = Math.max(1, (cycle.projects() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        model.addAttribute("cycle", cycle);
        model.addAttribute("projects", accountability.projects(year, (current - 1) * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        provinces(year, model);
        return "accountability/ciclo";
    }

    @GetMapping("/rendicion-de-cuentas/{year}/proyectos.csv")
    void csv(@PathVariable int year, HttpServletResponse response) throws IOException {
        if (accountability.cycle(year).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe el ciclo " + year + ".");
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"rendicion-de-cuentas-" + year + ".csv\"");
        Writer out = response.getWriter();
        out.write("ciclo,cui,proyecto,ambito,unidad_ejecutora,costo,estado,avance_fisico,devengado,ultimo_trimestre\r\n");
        accountability.eachProject(year, p -> {
            try {
                out.write(Csv.row(p.year(), p.cui(), p.name(), p.scope(), p.unit(), p.cost(), p.status(),
                        p.physicalProgress(), p.executed(), p.lastQuarter()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }
}
