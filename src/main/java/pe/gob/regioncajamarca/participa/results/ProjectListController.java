package pe.gob.regioncajamarca.participa.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.cycle.Territory;

/** {@code /proyectos}: the projects of a cycle with search and filters (scope, sector, cost), a page at a time. */
@Controller
class ProjectListController {

    private final ProjectCatalogue catalogue;
    private final CycleService cycles;
    private final Territory territory;

    ProjectListController(ProjectCatalogue catalogue, CycleService cycles, Territory territory) {
        this.catalogue = catalogue;
        this.cycles = cycles;
        this.territory = territory;
    }

    @GetMapping("/proyectos")
    String list(@RequestParam(name = "ciclo", required = false) Integer year,
                @RequestParam(name = "q", defaultValue = "") String text,
                @RequestParam(name = "ambito", defaultValue = "") String scope,
                @RequestParam(name = "funcion", defaultValue = "") String sector,
                @RequestParam(name = "costoMin", defaultValue = "") String minCost,
                @RequestParam(name = "costoMax", defaultValue = "") String maxCost,
                @RequestParam(name = "priorizados", defaultValue = "false") boolean onlyPrioritised,
                @RequestParam(name = "pagina", defaultValue = "1") int page, Model model) {
        List<Cycle> all = cycles.findAll().stream().sorted(Comparator.comparingInt(Cycle::year).reversed()).toList();
        model.addAttribute("cycles", all);
        model.addAttribute("scopeNames", territory.scopeNames());
        model.addAttribute("q", text);
        model.addAttribute("ambito", scope);
        model.addAttribute("funcion", sector);
        model.addAttribute("costoMin", minCost);
        model.addAttribute("costoMax", maxCost);
        model.addAttribute("priorizados", onlyPrioritised);
        if (all.isEmpty()) {
            model.addAttribute("year", null);
            return "results/proyectos";
        }
        // the cycle asked for, else the newest one that has projects (a cycle in registration has none yet)
        Cycle cycle = all.stream().filter(c -> year != null && c.year() == year).findFirst()
                .or(() -> all.stream().filter(c -> catalogue.hasProjects(c.year())).findFirst()).orElse(all.get(0));
        model.addAttribute("year", cycle.year());
        model.addAttribute("published", cycle.phase().resultsPublished());
        model.addAttribute("sectors", catalogue.sectors(cycle.year()));
        List<String> errors = new ArrayList<>();
        BigDecimal min = amount(minCost, "El costo mínimo", errors);
        BigDecimal max = amount(maxCost, "El costo máximo", errors);
        if (min != null && max != null && min.compareTo(max) > 0) {
            errors.add("El costo mínimo no puede ser mayor que el costo máximo.");
        }
        model.addAttribute("errors", errors);
        ProjectCatalogue.Page result = catalogue.search(cycle.year(), new ProjectCatalogue.Filter(text.length() > 200
                ? text.substring(0, 200) : text, scope, sector, errors.isEmpty() ? min : null,
                errors.isEmpty() ? max : null, onlyPrioritised, page));
        model.addAttribute("result", result);
        return "results/proyectos";
    }

    private static BigDecimal amount(String value, String label, List<String> errors) {
        String v = value.strip().replace(",", "").replace("S/", "").strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            BigDecimal b = new BigDecimal(v);
            if (b.signum() < 0) {
                errors.add(label + " no puede ser negativo.");
                return null;
            }
            return b;
        } catch (NumberFormatException e) {
            errors.add(label + " debe ser un monto en soles, por ejemplo 500000.");
            return null;
        }
    }
}
