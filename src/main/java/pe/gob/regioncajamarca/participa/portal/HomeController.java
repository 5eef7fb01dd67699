package pe.gob.regioncajamarca.participa.portal;

import pe.gob.regioncajamarca.participa.calendar.Now;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.projects.Territory;
import pe.gob.regioncajamarca.participa.news.News;

/** The portal's home page: the current cycle, its phase, envelope, calendar, the latest news and the earlier cycles. */
@Controller
class HomeController {

    private final CycleService cycles;
    private final Territory territory;
    private final News news;

    HomeController(CycleService cycles, Territory territory, News news) {
        this.cycles = cycles;
        this.territory = territory;
        this.news = news;
    }

    @GetMapping("/")
    String home(Model model) {
        // the current cycle in full, the others as a line each (their scopes and windows are not read)
        List<pe.gob.regioncajamarca.participa.cycle.CycleService.Summary> all = cycles.summaries();
        Cycle current = cycles.currentOf(all).orElse(null);
        List<pe.gob.regioncajamarca.participa.cycle.CycleService.Summary> earlier = all.stream()
                .filter(c -> current == null || c.year() != current.year()).toList();
        model.addAttribute("current", current);
        model.addAttribute("earlier", earlier);
        model.addAttribute("scopeNames", territory.scopeNames());
        model.addAttribute("actions", current == null ? List.of() : actionsNow(current, today()));
        model.addAttribute("today", today());
        model.addAttribute("news", news.latest(3));
        return "index";
    }


    /**
     * What a citizen can do today, from the windows of the cycle that are open today (they may overlap): the
     * message key ({@code index.action.<key>} and {@code .link}), where to go, and until when (or null).
     */
    record Action(String key, String link, java.time.LocalDate until) {
    }

    static List<Action> actionsNow(Cycle c, java.time.LocalDate today) {
        List<Action> actions = new java.util.ArrayList<>();
        for (Cycle.PhaseWindow w : c.calendar()) {
            boolean open = !today.isBefore(w.opensOn()) && !today.isAfter(w.closesOn()) && w.closedEarlyAt() == null;
            if (!open) {
                continue;
            }
            switch (w.phase()) {
                case INSCRIPCION -> actions.add(new Action("INSCRIPCION", "/agentes/inscripcion", w.closesOn()));
                case IDEAS -> actions.add(new Action("IDEAS", "/ideas", w.closesOn()));
                case EVALUACION -> actions.add(new Action("EVALUACION", "/proyectos", w.closesOn()));
                case VOTACION -> actions.add(new Action("VOTACION", "/votacion", w.closesOn()));
                default -> {
                }
            }
        }
        if (c.phase().resultsPublished()) {
            actions.add(new Action("RESULTS", "/resultados/" + c.year(), null));
        }
        actions.add(new Action("MONITORING", "/seguimiento", null));
        actions.add(new Action("COMPLAINTS", "/reclamos", null));
        return actions;
    }

    private java.time.LocalDate today() {
        return Now.today();
    }
}
