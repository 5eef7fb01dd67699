package pe.gob.regioncajamarca.participa.training;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.documents.PdfDocuments;

/**
 * The programme on the portal: the catalogue ({@code /capacitacion}), each edition with enrolment and cancellation
 * (a logged-in citizen; works without JavaScript), "Mis cursos" with the certificates, the public verification of a
 * certificate by its code, the indicators with their charts and the per-edition report (PDF).
 */
@Controller
class TrainingController {

    private final TrainingEditions editions;
    private final Enrolments enrolments;
    private final Certificates certificates;
    private final TrainingIndicators indicators;
    private final CitizenMonitors monitors;
    private final PdfDocuments pdf;
    private final DueDates plazos;
    private final MyCourses courses;

    TrainingController(TrainingEditions editions, Enrolments enrolments, Certificates certificates,
                       TrainingIndicators indicators, CitizenMonitors monitors, PdfDocuments pdf, DueDates plazos,
                       MyCourses courses) {
        this.courses = courses;
        this.editions = editions;
        this.enrolments = enrolments;
        this.certificates = certificates;
        this.indicators = indicators;
        this.monitors = monitors;
        this.pdf = pdf;
        this.plazos = plazos;
    }

    @GetMapping("/capacitacion")
    String catalogue(Model model) {
        List<TrainingEditions.Edition> all = editions.published();
        model.addAttribute("editions", all);
        model.addAttribute("seats", all.stream().collect(java.util.stream.Collectors.toMap(
                TrainingEditions.Edition::id, e -> enrolments.seats(e.id()))));
        model.addAttribute("today", plazos.today());
        return "training/catalogo";
    }

    @GetMapping("/capacitacion/{id:\\d+}")
    String edition(@PathVariable long id, Authentication auth, Model model) {
        TrainingEditions.Edition e = published(id);
        model.addAttribute("e", e);
        model.addAttribute("sessions", editions.sessions(id));
        model.addAttribute("materials", editions.materials(id));
        model.addAttribute("seats", enrolments.seats(id));
        model.addAttribute("open", e.enrolmentOpen(plazos.today()));
        String dni = citizen(auth);
        model.addAttribute("loggedIn", dni != null);
        if (dni != null) {
            Enrolments.Enrolment mine = enrolments.of(id, dni).filter(x -> !"CANCELADO".equals(x.status())).orElse(null);
            model.addAttribute("mine", mine);
            if (mine != null) {
                model.addAttribute("mineOutcome", courses.key(mine));
            }
            model.addAttribute("registered", enrolments.citizen(dni).flatMap(enrolments::fromRegistration).isPresent());
        }
        model.addAttribute("sexes", Enrolments.SEXES);
        model.addAttribute("ageGroups", Enrolments.AGE_GROUPS);
        model.addAttribute("provinces", enrolments.provinces());
        model.addAttribute("organizationTypes", Enrolments.ORGANIZATION_TYPES);
        return "training/edicion";
    }

    @PostMapping("/capacitacion/{id:\\d+}/inscripcion")
    String enrol(@PathVariable long id, @RequestParam(required = false) String sexo,
                 @RequestParam(required = false) String grupoEdad, @RequestParam(required = false) String provincia,
                 @RequestParam(required = false) String tipoOrganizacion, Authentication auth,
                 RedirectAttributes redirect) {
        published(id);
        try {
            Enrolments.Enrolment e = enrolments.enrol(id, citizen(auth),
                    new Enrolments.Demographics(sexo, grupoEdad, provincia, tipoOrganizacion));
            redirect.addFlashAttribute("notice", "INSCRITO".equals(e.status())
                    ? "Su inscripción está confirmada. Le enviamos un correo con los datos de la edición."
                    : "La edición está llena: quedó en la lista de espera, puesto " + e.waitingRank()
                            + ". Si se libera un cupo, le avisaremos por correo.");
        } catch (TrainingInvalid ex) {
            redirect.addFlashAttribute("errors", ex.errors());
            // the choices come back with the errors
            redirect.addFlashAttribute("elegido", java.util.Map.of("sexo", sexo == null ? "" : sexo,
                    "grupoEdad", grupoEdad == null ? "" : grupoEdad, "provincia", provincia == null ? "" : provincia,
                    "tipoOrganizacion", tipoOrganizacion == null ? "" : tipoOrganizacion));
        }
        return "redirect:/capacitacion/" + id;
    }

    @PostMapping("/capacitacion/{id:\\d+}/cancelacion")
    String cancel(@PathVariable long id, Authentication auth, RedirectAttributes redirect) {
        published(id);
        try {
            enrolments.cancel(id, citizen(auth));
            redirect.addFlashAttribute("notice", "Su inscripción quedó cancelada.");
        } catch (TrainingInvalid ex) {
            redirect.addFlashAttribute("errors", ex.errors());
        }
        return "redirect:/capacitacion/" + id;
    }

    @GetMapping("/capacitacion/mis-cursos")
    String mine(Authentication auth, Model model) {
        String dni = citizen(auth);
        List<Enrolments.Enrolment> mine = enrolments.mine(dni);
        model.addAttribute("enrolments", mine);
        model.addAttribute("outcomes", courses.keys(mine)); // «Certificado», «No cumplió la asistencia»... (issue 19)
        model.addAttribute("monitor", enrolments.citizen(dni).map(monitors::isCitizenMonitor).orElse(false));
        return "training/mis-cursos";
    }

    @GetMapping("/capacitacion/certificados")
    String lookup(@RequestParam(defaultValue = "") String codigo, Model model) {
        if (codigo.isBlank()) {
            return "training/verificar";
        }
        return "redirect:/capacitacion/certificados/" + codigo.strip().toUpperCase(java.util.Locale.ROOT)
                .replaceAll("[^A-Z0-9-]", "");
    }

    @GetMapping("/capacitacion/certificados/{code:CERT-[A-Za-z0-9-]+}")
    String verify(@PathVariable String code, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("c", certificates.verify(code).orElse(null));
        return "training/verificar";
    }

    @GetMapping(path = "/capacitacion/certificados/{code:CERT-[A-Za-z0-9-]+}.pdf")
    ResponseEntity<byte[]> certificatePdf(@PathVariable String code) {
        byte[] body = certificates.pdf(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No existe un certificado con el código " + code));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"certificado-" + code + ".pdf\"").body(body);
    }

    @GetMapping("/capacitacion/indicadores")
    String indicators(Model model) {
        model.addAttribute("overall", indicators.overall());
        model.addAttribute("perEdition", indicators.perEdition());
        model.addAttribute("monitors", monitors.count());
        return "training/indicadores";
    }

    /** The edition's report: its design, sessions with attendance counts and its indicators (no personal data). */
    @GetMapping(path = "/capacitacion/{id:\\d+}/informe.pdf")
    ResponseEntity<byte[]> report(@PathVariable long id) {
        TrainingEditions.Edition e = published(id);
        List<TrainingEditions.SessionRow> sessions = editions.sessions(id);
        java.util.Map<Long, Integer> present = new java.util.HashMap<>();
        sessions.forEach(s -> present.put(s.id(), editions.presentAt(s.id())));
        byte[] body = pdf.render("informe-capacitacion", "Informe de la edición " + e.code(), java.util.Map.of(
                "e", e, "sessions", sessions, "present", present, "materials", editions.materials(id),
                "f", indicators.ofEdition(id), "seats", enrolments.seats(id)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"informe-" + e.code() + ".pdf\"").body(body);
    }

    private TrainingEditions.Edition published(long id) {
        return editions.find(id).filter(TrainingEditions.Edition::isPublic)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe la edición " + id));
    }

    /** The document number of a logged-in citizen (the portal's user name), or null. */
    private static String citizen(Authentication auth) {
        return auth != null && auth.isAuthenticated() && auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_CITIZEN")) ? auth.getName() : null;
    }
}
