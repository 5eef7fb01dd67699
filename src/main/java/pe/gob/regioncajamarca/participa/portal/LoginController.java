package pe.gob.regioncajamarca.participa.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's login page (Spring Security handles {@code POST /login}). */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
