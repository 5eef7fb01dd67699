package pe.gob.regioncajamarca.participa.opendata;

import java.util.Comparator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CycleService;

/** {@code /datos-abiertos}: what the open-data API offers, in Spanish, with download links per cycle. */
@Controller
class OpenDataPageController {

    private final CycleService cycles;

    OpenDataPageController(CycleService cycles) {
        this.cycles = cycles;
    }

    @GetMapping("/datos-abiertos")
    String page(Model model) {
        model.addAttribute("cycles", cycles.findAll().stream()
                .sorted(Comparator.comparingInt(Cycle::year).reversed()).limit(10).toList());
        return "opendata/datos-abiertos";
    }
}
