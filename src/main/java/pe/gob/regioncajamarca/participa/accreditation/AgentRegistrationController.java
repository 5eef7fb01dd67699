package pe.gob.regioncajamarca.participa.accreditation;

import java.security.Principal;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.cycle.Territory;
import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;

/**
 * The portal's registration of participating agents ({@code /agentes/inscripcion}) and the citizen's page
 * with the state of their registrations ({@code /mi-cuenta}).
 */
@Controller
class AgentRegistrationController {

    static final List<String> EDUCATION_LEVELS = List.of("Sin estudios", "Primaria", "Secundaria",
            "Superior técnica", "Superior universitaria", "Posgrado");

    private final CycleService cycles;
    private final CitizenAccounts accounts;
    private final AccreditationService accreditation;
    private final DueDates plazos;
    private final Territory territory;
    private final pe.gob.regioncajamarca.participa.notification.Notifications notifications;

    private final List<MyParticipation> participation;
    private final pe.gob.regioncajamarca.participa.identity.SubmissionThrottle throttle;

    AgentRegistrationController(CycleService cycles, CitizenAccounts accounts, AccreditationService accreditation,
                                DueDates plazos, Territory territory,
                                pe.gob.regioncajamarca.participa.notification.Notifications notifications,
                                List<MyParticipation> participation,
                                pe.gob.regioncajamarca.participa.identity.SubmissionThrottle throttle) {
        this.throttle = throttle;
        this.notifications = notifications;
        this.participation = participation;
        this.cycles = cycles;
        this.accounts = accounts;
        this.accreditation = accreditation;
        this.plazos = plazos;
        this.territory = territory;
    }

    /** The cycle whose window of this page contains today, if any. */
    Optional<Cycle> openCycle() {
        return cycles.withOpenWindow(CyclePhase.INSCRIPCION, plazos.today());
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("educationLevels", EDUCATION_LEVELS);
        model.addAttribute("districts", territory.districts());
        model.addAttribute("cycle", openCycle().orElse(null));
        model.addAttribute("current", cycles.current().orElse(null));
    }

    @GetMapping("/agentes/inscripcion")
    String form(Model model) {
        model.addAttribute("form", new RegistrationForm());
        return "accreditation/inscripcion";
    }

    @PostMapping("/agentes/inscripcion")
    String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult errors, Model model,
                    jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        String address = request.getRemoteAddr();
        if (!throttle.registrationAllowed(address)) {
            errors.reject("throttle.registration", "Desde su conexión se enviaron demasiadas inscripciones en la "
                    + "última hora. Espere una hora e inténtelo de nuevo.");
            response.setStatus(429);
            return "accreditation/inscripcion";
        }
        Optional<Cycle> cycle = openCycle();
        if (cycle.isEmpty()) {
            errors.reject("registration.error.closed", "La inscripción de agentes participantes no está abierta en este momento.");
            return "accreditation/inscripcion";
        }
        if (form.getPassword() != null && !form.getPassword().equals(form.getPasswordConfirmation())) {
            errors.rejectValue("passwordConfirmation", "mismatch", "Las dos contraseñas no coinciden.");
        }
        if (form.getBirthDate() != null && Period.between(form.getBirthDate(), plazos.today()).getYears() < 18) {
            errors.rejectValue("birthDate", "minor", "Para ser agente participante debe ser mayor de edad.");
        }
        if (form.getEducationLevel() != null && !EDUCATION_LEVELS.contains(form.getEducationLevel())) {
            errors.rejectValue("educationLevel", "unknown", "Elija un nivel educativo de la lista.");
        }
        String province = territory.provinceOf(form.getDistrictUbigeo()).orElse(null);
        if (form.getDistrictUbigeo() != null && province == null && !errors.hasFieldErrors("districtUbigeo")) {
            errors.rejectValue("districtUbigeo", "unknown", "Elija un distrito de la región Cajamarca.");
        }
        Optional<Long> existing = form.getDocumentNumber() == null ? Optional.empty()
                : accounts.idOf(form.getDocumentNumber());
        if (existing.isPresent() && form.getPassword() != null
                && !accounts.passwordMatches(form.getDocumentNumber(), form.getPassword())) {
            errors.rejectValue("documentNumber", "exists", "Ya existe una cuenta con este documento. Escriba la "
                    + "contraseña de esa cuenta (o inicie sesión) para inscribirse en este ciclo.");
        }
        if (existing.isEmpty() && form.getPassword() != null && !errors.hasFieldErrors("password")) {
            // a new account only: an existing one keeps its password (checked above)
            pe.gob.regioncajamarca.participa.identity.PasswordRules.weakness(form.getPassword(),
                    form.getDocumentNumber()).ifPresent(m -> errors.rejectValue("password", "weak", m));
        }
        if (!errors.hasFieldErrors("documentNumber") && form.getDocumentNumber() != null) {
            accreditation.findByDocument(cycle.get().year(), form.getDocumentNumber()).ifPresent(r ->
                    errors.rejectValue("documentNumber", "registered",
                            new Object[] {String.valueOf(r.cycleYear()), r.fileNumber()}, "Este documento ya está inscrito en el ciclo "
                            + r.cycleYear() + " (expediente " + r.fileNumber() + ")."));
        }
        if (errors.hasErrors()) {
            return "accreditation/inscripcion";
        }
        long citizen = accounts.create(form.getDocumentType(), form.getDocumentNumber(), form.getPassword(),
                form.getEmail(), form.getGivenNames(), form.getFirstSurname(), form.getSecondSurname());
        AccreditationService.Registration r = accreditation.register(new AgentApplication(cycle.get().year(), citizen,
                form.getMobilePhone(), form.getSex(), form.getBirthDate(), form.getEducationLevel(),
                form.getProfession(), form.getOrganization(), province, form.getDistrictUbigeo()));
        throttle.registered(address);
        model.addAttribute("registration", r);
        return "accreditation/inscripcion-recibida";
    }

    @GetMapping("/mi-cuenta")
    String myAccount(Principal principal, Model model) {
        model.addAttribute("registrations", accreditation.registrationsOf(principal.getName()));
        String accountEmail = accreditation.emailOf(principal.getName()).orElse(null);
        model.addAttribute("sections", participation.stream().map(p -> p.sectionFor(principal.getName(), accountEmail))
                .sorted(java.util.Comparator.comparingInt(MyParticipation.Section::order)).toList());
        // the signed page where the citizen turns optional notices off or on (no DNI in the link)
        accreditation.emailOf(principal.getName()).ifPresent(email -> model.addAttribute("avisosUrl",
                "/avisos?correo=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)
                        + "&firma=" + notifications.signature(email)));
        return "accreditation/mi-cuenta";
    }
}
