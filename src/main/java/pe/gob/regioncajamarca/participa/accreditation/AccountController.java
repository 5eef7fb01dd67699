package pe.gob.regioncajamarca.participa.accreditation;

import pe.gob.regioncajamarca.participa.calendar.Now;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;
import pe.gob.regioncajamarca.participa.identity.PasswordRules;
import pe.gob.regioncajamarca.participa.identity.SubmissionThrottle;
import pe.gob.regioncajamarca.participa.notification.Notifications;

/**
 * «Crear cuenta» ({@code /acceso/crear-cuenta}, issue 19): a citizen account of its own, apart from the agent
 * registration of an open cycle (so that anyone can enrol in a course, file a request or support an idea at any
 * time). Like the registration (issue 20) it answers the same page whatever the document: once the form is valid, a
 * new document gets its account and a mail «Su cuenta quedó creada» to the address typed; a document that already
 * has an account changes nothing, and the mail goes to the address on file («ya tiene una cuenta», at most once an
 * hour), never to the address typed. The page never tells whether a document has an account. Every valid
 * submission counts against the per-address registration throttle, whatever its outcome.
 */
@Controller
class AccountController {

    private final CitizenAccounts accounts;
    private final Notifications notifications;
    private final SubmissionThrottle throttle;

    AccountController(CitizenAccounts accounts, Notifications notifications, SubmissionThrottle throttle) {
        this.accounts = accounts;
        this.notifications = notifications;
        this.throttle = throttle;
    }

    @GetMapping("/acceso/crear-cuenta")
    String form(Model model) {
        model.addAttribute("form", new AccountForm());
        return "accreditation/crear-cuenta";
    }

    @PostMapping("/acceso/crear-cuenta")
    String create(@Valid @ModelAttribute("form") AccountForm form, BindingResult errors, HttpServletRequest request,
                  HttpServletResponse response) {
        String address = request.getRemoteAddr();
        if (!throttle.registrationAllowed(address)) {
            errors.reject("throttle.registration", "Desde su conexión se enviaron demasiadas inscripciones en la "
                    + "última hora. Espere una hora e inténtelo de nuevo.");
            response.setStatus(429);
            return "accreditation/crear-cuenta";
        }
        if (form.getPassword() != null && !form.getPassword().equals(form.getPasswordConfirmation())) {
            errors.rejectValue("passwordConfirmation", "mismatch", "Las dos contraseñas no coinciden.");
        }
        if (form.getPassword() != null && !errors.hasFieldErrors("password")) {
            // for every document: judging only new accounts' passwords would tell which documents have one
            PasswordRules.weakness(form.getPassword(), form.getDocumentNumber())
                    .ifPresent(m -> errors.rejectValue("password", "weak", m));
        }
        if (errors.hasErrors()) {
            return "accreditation/crear-cuenta";
        }
        throttle.registered(address);
        String document = form.getDocumentNumber();
        Optional<CitizenAccounts.Holder> holder = accounts.holder(document);
        if (holder.isPresent()) {
            // about as long as hashing a new password, and nothing changes
            accounts.passwordMatches(document, form.getPassword());
            CitizenAccounts.Holder h = holder.get();
            notifications.send("cuenta-existente:" + document + ":" + Now.instant().getEpochSecond() / 3600,
                    h.email(), "Su cuenta en Caxamarca Participa", "cuenta-existente",
                    Map.of("name", h.givenNames()));
        } else {
            accounts.create("DNI", document, form.getPassword(), form.getEmail(), form.getGivenNames(),
                    form.getFirstSurname(), form.getSecondSurname());
            notifications.send("cuenta-creada:" + document, form.getEmail(), "Su cuenta en Caxamarca Participa",
                    "cuenta-creada", Map.of("name", form.getGivenNames()));
        }
        return "accreditation/cuenta-recibida";
    }
}
