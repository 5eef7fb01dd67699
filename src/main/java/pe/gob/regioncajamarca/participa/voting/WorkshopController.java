package pe.gob.regioncajamarca.participa.voting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
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

import pe.gob.regioncajamarca.participa.cycle.Territory;
import pe.gob.regioncajamarca.participa.identity.StaffGroups;
import pe.gob.regioncajamarca.participa.identity.StaffUser;
import pe.gob.regioncajamarca.participa.voting.WorkshopTallies.Outcome;
import pe.gob.regioncajamarca.participa.voting.WorkshopTallies.TallyRefused;

/** Staff page where the planning office types in the provincial workshops' tally sheets (twice, two people). */
@Controller
class WorkshopController {

    private final WorkshopTallies tallies;
    private final Territory territory;

    WorkshopController(WorkshopTallies tallies, Territory territory) {
        this.tallies = tallies;
        this.territory = territory;
    }

    @GetMapping("/personal/ciclos/{year}/talleres")
    String list(@PathVariable int year, Authentication auth, Model model) {
        StaffUser.of(auth).require(StaffGroups.PLANNING);
        model.addAttribute("year", year);
        model.addAttribute("workshops", tallies.of(year));
        model.addAttribute("scopeNames", territory.scopeNames());
        return "voting/talleres";
    }

    @GetMapping("/personal/ciclos/{year}/talleres/acta")
    String sheet(@PathVariable int year, @RequestParam(defaultValue = "") String ambito,
                 @RequestParam(defaultValue = "") String nombre, @RequestParam(defaultValue = "") String fecha,
                 Authentication auth, Model model) {
        StaffUser.of(auth).require(StaffGroups.PLANNING);
        model.addAttribute("year", year);
        model.addAttribute("ambito", ambito);
        model.addAttribute("nombre", nombre);
        model.addAttribute("fecha", fecha);
        model.addAttribute("scopeNames", territory.scopeNames());
        model.addAttribute("projects", tallies.projects(year, ambito));
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        return "voting/acta-taller";
    }

    @PostMapping("/personal/ciclos/{year}/talleres/acta")
    String enter(@PathVariable int year, @RequestParam Map<String, String> form, Authentication auth, Model model,
                 RedirectAttributes redirect) {
        StaffUser staff = StaffUser.of(auth).require(StaffGroups.PLANNING);
        String scope = form.getOrDefault("ambito", "");
        Map<Long, Integer> votes = new HashMap<>();
        Map<String, String> typed = new HashMap<>();
        List<String> formatErrors = new java.util.ArrayList<>();
        form.forEach((k, v) -> {
            if (k.startsWith("v") && k.length() > 1 && k.substring(1).chars().allMatch(Character::isDigit)) {
                typed.put(k, v);
                String value = v == null ? "" : v.strip();
                if (value.isEmpty()) {
                    votes.put(Long.parseLong(k.substring(1)), null);
                } else if (value.matches("\\d{1,6}")) {
                    votes.put(Long.parseLong(k.substring(1)), Integer.parseInt(value));
                } else {
                    formatErrors.add("«" + value + "» no es un número de votos (escriba solo cifras).");
                }
            }
        });
        LocalDate heldOn = null;
        try {
            heldOn = LocalDate.parse(form.getOrDefault("fecha", ""));
        } catch (DateTimeParseException e) {
            formatErrors.add("Indique la fecha del taller.");
        }
        try {
            if (!formatErrors.isEmpty()) {
                throw new TallyRefused(formatErrors);
            }
            Outcome outcome = tallies.enter(year, scope, form.get("nombre"), heldOn, votes, staff.id());
            redirect.addFlashAttribute("notice", switch (outcome.status()) {
                case "CONFIRMADO" -> "Acta confirmada: las dos digitaciones coinciden y sus votos se contarán.";
                case "PENDIENTE" -> "Primera digitación guardada. Otra persona debe digitar la misma acta para confirmarla.";
                default -> "Las digitaciones no coinciden en los proyectos " + String.join(", ", outcome.differingCuis())
                        + ". Otra persona debe revisar el acta en papel y digitarla de nuevo; el acta no cuenta todavía.";
            });
            return "redirect:/personal/ciclos/" + year + "/talleres";
        } catch (TallyRefused e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("typed", typed);
            return sheet(year, scope, form.getOrDefault("nombre", ""), form.getOrDefault("fecha", ""), auth, model);
        }
    }
}
