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
        model.addAttribute("actions", current == null ? List.of() : actionsNow(current, today()));
        model.addAttribute("today", today());
        return "index";
    }


    /** What a citizen can do today, from the windows of the cycle that are open today (they may overlap). */
    record Action(String text, String link, String label) {
    }

    static List<Action> actionsNow(Cycle c, java.time.LocalDate today) {
        List<Action> actions = new java.util.ArrayList<>();
        for (Cycle.PhaseWindow w : c.calendar()) {
            boolean open = !today.isBefore(w.opensOn()) && !today.isAfter(w.closesOn()) && w.closedEarlyAt() == null;
            if (!open) {
                continue;
            }
            String until = " Hasta el " + w.closesOn().format(java.time.format.DateTimeFormatter.ofPattern("d/MM/yyyy")) + ".";
            switch (w.phase()) {
                case INSCRIPCION -> actions.add(new Action("Inscríbase como agente participante para votar." + until,
                        "/agentes/inscripcion", "Inscribirme"));
                case IDEAS -> actions.add(new Action("Proponga una idea de proyecto o apoye las de otros." + until,
                        "/ideas", "Ver y proponer ideas"));
                case EVALUACION -> actions.add(new Action("El equipo técnico evalúa los proyectos; revise la cartera."
                        + until, "/proyectos", "Ver proyectos"));
                case VOTACION -> actions.add(new Action("Los agentes acreditados votan por los proyectos de su provincia."
                        + until, "/votacion", "Votar"));
                default -> {
                }
            }
        }
        if (c.phase().resultsPublished()) {
            actions.add(new Action("Los resultados de la priorización están publicados.", "/resultados/" + c.year(),
                    "Ver resultados"));
        }
        actions.add(new Action("Siga el avance de los proyectos priorizados de los últimos diez años.", "/seguimiento",
                "Seguimiento"));
        actions.add(new Action("Haga una consulta, un reclamo o una denuncia y siga su atención.", "/reclamos",
                "Consultas y reclamos"));
        return actions;
    }

    private java.time.LocalDate today() {
        return java.time.LocalDate.now(java.time.ZoneId.of("America/Lima"));
    }
}
