package pe.gob.regioncajamarca.participa.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page of the staff pages (same user and password as Tasklist). */
@Controller
class StaffLoginController {

    @GetMapping("/personal/login")
    String login() {
        return "staff/login";
    }
}
