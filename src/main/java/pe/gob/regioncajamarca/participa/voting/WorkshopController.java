package pe.gob.regioncajamarca.participa.voting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.projects.Territory;
import pe.gob.regioncajamarca.participa.identity.StaffGroups;
import pe.gob.regioncajamarca.participa.identity.StaffUser;

/**
 * Staff pages of the in-person workshops (planning office): register a workshop beforehand; enter each paper ballot
 * (sheet number, the agent's DNI, the CUIs marked), which counts once two different people entered it identically;
 * the sheets still waiting or mismatched, and after the close those that did not count. Plain forms, one column,
 * usable on a phone at the workshop.
 */
@Controller
class WorkshopController {

    private final Workshops workshops;
    private final PaperBallots paperBallots;
    private final CycleService cycles;
    private final Territory territory;

    WorkshopController(Workshops workshops, PaperBallots paperBallots, CycleService cycles, Territory territory) {
        this.workshops = workshops;
        this.paperBallots = paperBallots;
        this.cycles = cycles;
        this.territory = territory;
    }

    @GetMapping("/personal/ciclos/{year}/talleres")
    String list(@PathVariable int year, Authentication auth, Model model) {
        StaffUser.of(auth).require(StaffGroups.PLANNING);
        model.addAttribute("year", year);
        model.addAttribute("cycle", cycles.find(year).orElse(null));
        model.addAttribute("workshops", workshops.of(year));
        model.addAttribute("unmatched", paperBallots.unmatched(year));
        model.addAttribute("retired", workshops.retiredTallies(year));
        Map<String, String> provinces = new java.util.LinkedHashMap<>(territory.scopeNames());
        provinces.remove(Scopes.MULTIPROVINCIAL);
        model.addAttribute("provinces", provinces);
        model.addAttribute("scopeNames", territory.scopeNames());
        model.addAttribute("typed", model.containsAttribute("typed") ? model.getAttribute("typed") : Map.of());
        return "voting/talleres";
    }

    @PostMapping("/personal/ciclos/{year}/talleres")
    String register(@PathVariable int year, @RequestParam Map<String, String> form, Authentication auth, Model model,
                    RedirectAttributes redirect) {
        StaffUser staff = StaffUser.of(auth).require(StaffGroups.PLANNING);
        LocalDate heldOn = null;
        try {
            heldOn = LocalDate.parse(form.getOrDefault("fecha", "").strip());
        } catch (DateTimeParseException e) {
            // told by register(): "Indique la fecha del taller."
        }
        try {
            workshops.register(year, form.getOrDefault("provincia", ""), heldOn, form.get("local"), staff.id());
            redirect.addFlashAttribute("notice", "Taller registrado: " + Scopes.label(form.get("provincia")) + ", "
                    + heldOn + ", " + form.get("local").strip() + ".");
            return "redirect:/personal/ciclos/" + year + "/talleres";
        } catch (Workshops.Refused e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("typed", form);
            return list(year, auth, model);
        }
    }

    @GetMapping("/personal/ciclos/{year}/talleres/cedula")
    String sheet(@PathVariable int year, @RequestParam(name = "taller", required = false) Long workshopId,
                 Authentication auth, Model model) {
        StaffUser.of(auth).require(StaffGroups.PLANNING);
        model.addAttribute("year", year);
        model.addAttribute("workshops", workshops.of(year));
        Workshops.Workshop workshop = workshopId == null ? null
                : workshops.find(workshopId).filter(w -> w.year() == year).orElse(null);
        model.addAttribute("workshop", workshop);
        model.addAttribute("scopeNames", territory.scopeNames());
        model.addAttribute("counted", workshop == null ? List.of() : paperBallots.countedSheets(workshop.id()));
        model.addAttribute("votesPerAgent", cycles.find(year).map(c -> c.votesPerAgent()).orElse(0));
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        return "voting/cedula";
    }

    @PostMapping("/personal/ciclos/{year}/talleres/cedula")
    String enter(@PathVariable int year, @RequestParam Map<String, String> form, Authentication auth, Model model,
                 RedirectAttributes redirect) {
        StaffUser staff = StaffUser.of(auth).require(StaffGroups.PLANNING);
        Long workshopId = null;
        try {
            workshopId = Long.valueOf(form.getOrDefault("taller", "").strip());
        } catch (NumberFormatException e) {
            // below
        }
        try {
            if (workshopId == null) {
                throw new Workshops.Refused(List.of("Elija el taller de la cédula."));
            }
            List<String> cuis = Arrays.stream(form.getOrDefault("cuis", "").split("[\\s,;]+"))
                    .filter(c -> !c.isBlank()).toList();
            PaperBallots.Outcome outcome = paperBallots.enter(year, workshopId, form.get("cedula"), form.get("dni"),
                    cuis, staff.id());
            String sheet = form.get("cedula").strip();
            if (outcome.counted()) {
                redirect.addFlashAttribute("notice", "Cédula " + sheet + " contada: las dos digitaciones coinciden "
                        + "y sus votos se suman al agente.");
            } else if (PaperBallots.PENDING.equals(outcome.status())) {
                redirect.addFlashAttribute("notice", "Cédula " + sheet + ": primera digitación guardada. Otra "
                        + "persona debe digitar la misma cédula para que cuente.");
            } else {
                redirect.addFlashAttribute("mismatch", "Cédula " + sheet + ": las digitaciones no coinciden; la "
                        + "cédula no cuenta todavía. Otra persona debe revisar la cédula en papel y digitarla de nuevo.");
                redirect.addFlashAttribute("differences", outcome.differences());
            }
            return "redirect:/personal/ciclos/" + year + "/talleres/cedula?taller=" + workshopId;
        } catch (Workshops.Refused e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("typed", form);
            return sheet(year, workshopId, auth, model);
        }
    }
}
