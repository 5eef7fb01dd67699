package pe.gob.regioncajamarca.participa.portal;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.cycle.Territory;

/** The portal's home page: the current cycle, its phase, envelope, calendar, and the earlier cycles. */
@Controller
class HomeController {

    private final CycleService cycles;
    private final Territory territory;

    HomeController(CycleService cycles, Territory territory) {
        this.cycles = cycles;
        this.territory = territory;
    }

    @GetMapping("/")
    String home(Model model) {
        Cycle current = cycles.current().orElse(null);
        List<Cycle> earlier = cycles.findAll().stream()
                .filter(c -> current == null || c.year() != current.year()).toList();
        model.addAttribute("current", current);
        model.addAttribute("earlier", earlier);
        model.addAttribute("scopeNames", territory.scopeNames());
        return "index";
    }

}
