package pe.gob.regioncajamarca.participa.notification;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * "Avisos": a person turns the optional notices off (or on again) from the signed link at the foot of every
 * optional mail; no login needed, and the signature keeps others from changing someone else's choice.
 * Notices a person is waiting for (accreditation, answers, tasks) are always sent.
 */
@Controller
class PreferencesController {

    private final Notifications notifications;

    PreferencesController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/avisos")
    String page(@RequestParam String correo, @RequestParam String firma, Model model) {
        check(correo, firma);
        model.addAttribute("correo", correo);
        model.addAttribute("firma", firma);
        model.addAttribute("off", notifications.optionalOff(correo));
        return "notification/avisos";
    }

    @PostMapping("/avisos")
    String change(@RequestParam String correo, @RequestParam String firma, @RequestParam boolean desactivar,
                  Model model) {
        check(correo, firma);
        notifications.setOptionalOff(correo, desactivar);
        model.addAttribute("notice", desactivar ? "Listo: ya no recibirá avisos opcionales en este correo."
                : "Listo: volverá a recibir los avisos opcionales.");
        return page(correo, firma, model);
    }

    private void check(String email, String signature) {
        if (!notifications.validSignature(email, signature)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Enlace no válido");
        }
    }
}
