package pe.gob.regioncajamarca.participa.accreditation;

import pe.gob.regioncajamarca.participa.calendar.Now;

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
import pe.gob.regioncajamarca.participa.projects.Territory;
import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;
import pe.gob.regioncajamarca.participa.identity.LoginThrottle;

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
    private final LoginThrottle logins;

    AgentRegistrationController(CycleService cycles, CitizenAccounts accounts, AccreditationService accreditation,
                                DueDates plazos, Territory territory,
                                pe.gob.regioncajamarca.participa.notification.Notifications notifications,
                                List<MyParticipation> participation,
                                pe.gob.regioncajamarca.participa.identity.SubmissionThrottle throttle,
                                LoginThrottle logins) {
        this.throttle = throttle;
        this.logins = logins;
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

    /**
     * One answer whatever the document and the password (issue 20): once the form is valid, a new document, an
     * existing account with its right password and an existing account with a wrong password all get the same page
     * («Inscripción recibida», no file number, nothing typed echoed) with the same status, and the outcome goes by
     * mail to the address of the account (the real owner's for an existing account): the file number, «ya estaba
     * inscrito», or «alguien usó su documento con otra contraseña» (at most one such mail per account and hour).
     * The page no longer tells whether a document has an account, is registered, or what its password is. The
     * password of an existing account is checked through the portal login's throttle ({@link LoginThrottle}: per
     * document and per address, shared with {@code /login}); a throttled registration gets 429 before the password
     * is looked at. Every valid submission counts against the per-address registration throttle, whatever its
     * outcome (counting only the stored ones would tell which documents were new).
     */
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
        if (form.getPassword() != null && !errors.hasFieldErrors("password")) {
            // for every document: judging only new accounts' passwords would tell which documents have one
            pe.gob.regioncajamarca.participa.identity.PasswordRules.weakness(form.getPassword(),
                    form.getDocumentNumber()).ifPresent(m -> errors.rejectValue("password", "weak", m));
        }
        if (errors.hasErrors()) {
            return "accreditation/inscripcion";
        }
        String document = form.getDocumentNumber();
        if (logins.blocked(address, document)) {
            errors.reject("throttle.login", "Demasiados intentos fallidos de ingreso. Por seguridad, espere 15 minutos "
                    + "e inténtelo de nuevo.");
            response.setStatus(429);
            return "accreditation/inscripcion";
        }
        throttle.registered(address);
        int year = cycle.get().year();
        Optional<CitizenAccounts.Holder> holder = accounts.holder(document);
        if (holder.isPresent() && !accounts.passwordMatches(document, form.getPassword())) {
            logins.failed(address, document);
            CitizenAccounts.Holder h = holder.get();
            notifications.send("inscripcion-clave:" + year + ":" + document + ":"
                            + Now.instant().getEpochSecond() / 3600, h.email(),
                    "Intento de inscripción con su documento", "inscripcion-clave-incorrecta",
                    java.util.Map.of("name", h.givenNames(), "year", year));
            return "accreditation/inscripcion-recibida";
        }
        if (holder.isPresent()) {
            logins.succeeded(document);
        }
        Optional<AccreditationService.Registration> before = accreditation.findByDocument(year, document);
        if (before.isPresent()) {
            AccreditationService.Registration r = before.get();
            notifications.send("inscripcion-repetida:" + r.id() + ":" + Now.instant().getEpochSecond() / 3600,
                    r.email(), "Su inscripción como agente participante " + year, "inscripcion-recibida",
                    java.util.Map.of("name", holder.map(CitizenAccounts.Holder::givenNames).orElse(r.fullName()),
                            "fileNumber", r.fileNumber(), "year", year, "already", true));
            return "accreditation/inscripcion-recibida";
        }
        long citizen = holder.map(CitizenAccounts.Holder::id).orElseGet(() -> accounts.create(form.getDocumentType(),
                document, form.getPassword(), form.getEmail(), form.getGivenNames(), form.getFirstSurname(),
                form.getSecondSurname()));
        AccreditationService.Registration r = accreditation.register(new AgentApplication(year, citizen,
                form.getMobilePhone(), form.getSex(), form.getBirthDate(), form.getEducationLevel(),
                form.getProfession(), form.getOrganization(), province, form.getDistrictUbigeo()));
        // to the address of the account: an existing account keeps its own (the form's is ignored)
        String name = holder.map(CitizenAccounts.Holder::givenNames).orElse(form.getGivenNames());
        notifications.send("inscripcion:" + r.id(), accounts.emailOf(document).orElse(null),
                "Su inscripción como agente participante " + year, "inscripcion-recibida",
                java.util.Map.of("name", name, "fileNumber", r.fileNumber(), "year", year, "already", false));
        return "accreditation/inscripcion-recibida";
    }

    @GetMapping("/mi-cuenta")
    String myAccount(Principal principal, Model model) {
        model.addAttribute("registrations", accreditation.registrationsOf(principal.getName()));
        String accountEmail = accreditation.emailOf(principal.getName()).orElse(null);
        model.addAttribute("sections", participation.stream().map(p -> p.sectionFor(principal.getName(), accountEmail))
                .filter(java.util.Objects::nonNull).sorted(java.util.Comparator.comparingInt(MyParticipation.Section::order)).toList());
        // the signed page where the citizen turns optional notices off or on (no DNI in the link)
        accreditation.emailOf(principal.getName()).ifPresent(email -> model.addAttribute("avisosUrl",
                "/avisos?correo=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)
                        + "&firma=" + notifications.signature(email)));
        return "accreditation/mi-cuenta";
    }
}
