package pe.gob.regioncajamarca.participa.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.projects.Territory;

/**
 * {@code /proyectos}: the projects of a cycle with search and filters (scope, sector, cost), a page at a time. A cost
 * that is not an amount, negative, over S/ 10,000,000,000 or with more than two decimals is explained on the page,
 * which answers 400 and leaves the costs out of the search.
 */
@Controller
class ProjectListController {

    /** The largest cost a project may have (the column is NUMERIC(15,2); the PMI import refuses more). */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000000");

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
                @RequestParam(name = "pagina", defaultValue = "1") int page, Model model,
                HttpServletResponse response) {
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
        if (!errors.isEmpty()) {
            // the page with the reasons, the filters kept and the costs left out; the status says it was not honoured
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
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
            if (v.length() > 30) {
                throw new NumberFormatException(); // no amount in soles needs more characters
            }
            BigDecimal b = new BigDecimal(v);
            if (b.signum() < 0) {
                errors.add(label + " no puede ser negativo.");
                return null;
            }
            // 1e100000 parses, but no database compares a NUMERIC(15,2) with it (it was a 500)
            if (b.compareTo(MAX_AMOUNT) > 0) {
                errors.add(label + " no puede ser mayor que S/ 10 000 000 000.");
                return null;
            }
            if (b.stripTrailingZeros().scale() > 2) {
                errors.add(label + " puede tener hasta dos decimales.");
                return null;
            }
            return b;
        } catch (NumberFormatException e) {
            errors.add(label + " debe ser un monto en soles, por ejemplo 500000.");
            return null;
        }
    }
}
