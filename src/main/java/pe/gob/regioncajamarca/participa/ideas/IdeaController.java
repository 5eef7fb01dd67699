package pe.gob.regioncajamarca.participa.ideas;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.security.core.Authentication;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.projects.Territory;

/** The portal's project ideas: propose one during the idea window, follow it, read every public answer. */
@Controller
class IdeaController {

    static final List<String> THEMES = List.of("Agricultura y riego", "Educación", "Salud", "Agua y saneamiento",
            "Transporte y caminos", "Ambiente", "Turismo", "Energía", "Seguridad ciudadana", "Otro");
    static final List<String> AXES = List.of("Eje 1: Desarrollo social", "Eje 2: Gobernabilidad",
            "Eje 3: Desarrollo económico competitivo", "Eje 4: Infraestructura y conectividad",
            "Eje 5: Ambiente y gestión de riesgos");

    private final IdeaService ideas;
    private final IdeaSupport support;
    private final CycleService cycles;
    private final DueDates plazos;
    private final Territory territory;

    IdeaController(IdeaService ideas, IdeaSupport support, CycleService cycles, DueDates plazos, Territory territory) {
        this.ideas = ideas;
        this.support = support;
        this.cycles = cycles;
        this.plazos = plazos;
        this.territory = territory;
    }

    /** The cycle whose window of this page contains today, if any. */
    Optional<Cycle> openCycle() {
        return cycles.withOpenWindow(CyclePhase.IDEAS, plazos.today());
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("themes", THEMES);
        model.addAttribute("axes", AXES);
        model.addAttribute("districts", territory.districts());
        model.addAttribute("open", openCycle().orElse(null));
    }

    @GetMapping("/ideas")
    String list(Model model) {
        Cycle cycle = cycles.current().orElse(null);
        model.addAttribute("cycle", cycle);
        model.addAttribute("ideas", cycle == null ? List.of() : ideas.ofCycle(cycle.year()));
        model.addAttribute("supports", cycle == null ? java.util.Map.of() : support.counts(cycle.year()));
        return "ideas/lista";
    }

    @GetMapping("/ideas/nueva")
    String form(Model model) {
        model.addAttribute("form", new IdeaForm());
        return "ideas/nueva";
    }

    @PostMapping("/ideas/nueva")
    String submit(@Valid @ModelAttribute("form") IdeaForm form, BindingResult errors, Model model) {
        Optional<Cycle> cycle = openCycle();
        if (cycle.isEmpty()) {
            errors.reject("ideas.closed", "La recepción de ideas no está abierta en este momento.");
        }
        if (form.getTheme() != null && !THEMES.contains(form.getTheme())) {
            errors.rejectValue("theme", "unknown", "Elija un tema de la lista.");
        }
        if (form.getAxis() != null && !AXES.contains(form.getAxis())) {
            errors.rejectValue("axis", "unknown", "Elija un eje de la lista.");
        }
        String province = territory.provinceOf(form.getDistrictUbigeo()).orElse(null);
        if (province == null && !errors.hasFieldErrors("districtUbigeo")) {
            errors.rejectValue("districtUbigeo", "unknown", "Elija un distrito de la región Cajamarca.");
        }
        if (errors.hasErrors()) {
            return "ideas/nueva";
        }
        IdeaService.Idea idea = ideas.submit(new IdeaSubmission(cycle.get().year(), form.getTitle(), province,
                form.getDistrictUbigeo(), form.getTheme(), form.getAxis(), form.getBeneficiaries(),
                form.getApproximateAmount(), form.getContactEmail(), form.getDescription()));
        return "redirect:/ideas/" + idea.trackingCode() + "?nueva";
    }

    @GetMapping("/ideas/{code}")
    String show(@PathVariable String code, Authentication auth, Model model) {
        IdeaService.Idea idea = ideas.findByCode(code).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No existe la idea " + code));
        model.addAttribute("idea", new IdeaService.Idea(idea.id(), idea.trackingCode(), idea.cycleYear(), idea.title(),
                idea.provinceName(), idea.status(), idea.publicAnswer(), null));
        model.addAttribute("supports", support.count(idea.id()));
        model.addAttribute("mergedInto", ideas.mergedInto(idea.id()).orElse(null));
        model.addAttribute("description", ideas.assessment(idea.id()).map(IdeaService.Assessment::description)
                .orElse(null));
        model.addAttribute("supportOpen", support.open(idea.cycleYear()));
        model.addAttribute("supported", citizen(auth) != null
                && support.supportedBy(citizen(auth), idea.cycleYear()).contains(idea.id()));
        model.addAttribute("loggedIn", citizen(auth) != null);
        return "ideas/detalle";
    }

    /** An accredited agent supports an idea (once; a second click says so and changes nothing). */
    @PostMapping("/ideas/{code}/apoyo")
    String support(@PathVariable String code, Authentication auth, RedirectAttributes redirect) {
        IdeaService.Idea idea = ideas.findByCode(code).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No existe la idea " + code));
        try {
            int count = support.support(idea.id(), citizen(auth));
            redirect.addFlashAttribute("notice", "Gracias: su apoyo quedó registrado. La idea tiene " + count
                    + (count == 1 ? " apoyo." : " apoyos."));
        } catch (IdeaSupport.SupportRefused e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/ideas/" + idea.trackingCode();
    }

    /** The document number of a logged-in citizen (the portal's user name), or null. */
    private static String citizen(Authentication auth) {
        return auth != null && auth.isAuthenticated() && auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_CITIZEN")) ? auth.getName() : null;
    }
}
