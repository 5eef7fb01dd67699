package pe.gob.regioncajamarca.participa.portal;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CycleService;

/** The portal's home page: the current cycle, its phase, envelope, calendar, and the earlier cycles. */
@Controller
class HomeController {

    private final CycleService cycles;
    private final JdbcClient jdbc;

    HomeController(CycleService cycles, JdbcClient jdbc) {
        this.cycles = cycles;
        this.jdbc = jdbc;
    }

    @GetMapping("/")
    String home(Model model) {
        Cycle current = cycles.current().orElse(null);
        List<Cycle> earlier = cycles.findAll().stream()
                .filter(c -> current == null || c.year() != current.year()).toList();
        model.addAttribute("current", current);
        model.addAttribute("earlier", earlier);
        model.addAttribute("scopeNames", scopeNames());
        return "index";
    }

    private Map<String, String> scopeNames() {
        Map<String, String> names = new java.util.HashMap<>();
        jdbc.sql("SELECT scope, name FROM province").query((rs, i) -> names.put(rs.getString(1), rs.getString(2)))
                .list();
        names.put("MULTIPROVINCIAL", "Multiprovincial (impacto regional)");
        return names;
    }
}
