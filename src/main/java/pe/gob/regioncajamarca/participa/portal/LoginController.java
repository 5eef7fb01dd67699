package pe.gob.regioncajamarca.participa.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import pe.gob.regioncajamarca.participa.identity.LocalReturn;

/**
 * The portal's login page (Spring Security handles {@code POST /login}); {@code ?continuar=} names the local page
 * to go back to after logging in (issue 19), kept only if it is a path of the portal.
 */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(name = LocalReturn.PARAMETER, required = false) String back, Model model) {
        LocalReturn.path(back).ifPresent(p -> model.addAttribute("continuar", p));
        return "login";
    }
}
