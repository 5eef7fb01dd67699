package pe.gob.regioncajamarca.participa.accreditation;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The pages of "¿Olvidó su contraseña?": ask for a link, then choose a new password with it. */
@Controller
class PasswordResetController {

    private final PasswordReset resets;
    private final MessageSource messages;
    private final pe.gob.regioncajamarca.participa.identity.SubmissionThrottle throttle;

    PasswordResetController(PasswordReset resets, MessageSource messages,
                            pe.gob.regioncajamarca.participa.identity.SubmissionThrottle throttle) {
        this.throttle = throttle;
        this.resets = resets;
        this.messages = messages;
    }

    @GetMapping("/acceso/recuperar")
    String askForm() {
        return "accreditation/recuperar";
    }

    @PostMapping("/acceso/recuperar")
    String ask(@RequestParam(defaultValue = "") String documento, Model model, Locale locale,
               jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        if (!throttle.resetRequest(request.getRemoteAddr(), documento)) {
            response.setStatus(429);
            model.addAttribute("error", messages.getMessage("throttle.reset", null, "Demasiados pedidos.", locale));
            return "accreditation/recuperar";
        }
        resets.request(documento);
        model.addAttribute("sent", true);
        return "accreditation/recuperar";
    }

    @GetMapping("/acceso/restablecer")
    String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("valid", resets.valid(token));
        return "accreditation/restablecer";
    }

    @PostMapping("/acceso/restablecer")
    String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String clave,
                 @RequestParam(defaultValue = "") String repetir, Model model, Locale locale) {
        try {
            resets.reset(token, clave, repetir);
            return "redirect:/login?clave";
        } catch (IllegalArgumentException e) {
            // the same checks as PasswordReset.reset, to name its Spanish message in the citizen's language
            String code = clave.length() < PasswordReset.MIN_LENGTH ? "reset.error.short"
                    : clave.length() > 128 ? "reset.error.long" : "reset.error.mismatch";
            model.addAttribute("error", messages.getMessage(code,
                    new Object[] {String.valueOf(PasswordReset.MIN_LENGTH)}, e.getMessage(), locale));
            model.addAttribute("valid", true);
        } catch (IllegalStateException e) {
            model.addAttribute("error", messages.getMessage("reset.error.expired", null, e.getMessage(), locale));
            model.addAttribute("valid", false);
        }
        model.addAttribute("token", token);
        return "accreditation/restablecer";
    }
}
