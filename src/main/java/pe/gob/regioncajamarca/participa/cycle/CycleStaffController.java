package pe.gob.regioncajamarca.participa.cycle;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

import pe.gob.regioncajamarca.participa.identity.StaffGroups;
import pe.gob.regioncajamarca.participa.identity.StaffUser;

/** Staff pages of a cycle: its phase and calendar, and closing a window early with a reason. */
@Controller
class CycleStaffController {

    private final CycleService cycles;
    private final EarlyClosing earlyClosing;

    CycleStaffController(CycleService cycles, EarlyClosing earlyClosing) {
        this.cycles = cycles;
        this.earlyClosing = earlyClosing;
    }

    @GetMapping("/personal")
    String home(Authentication auth, Model model) {
        model.addAttribute("staff", StaffUser.of(auth));
        model.addAttribute("cycles", cycles.findAll());
        return "staff/inicio";
    }

    @GetMapping("/personal/ciclos/{year}")
    String cycle(@PathVariable int year, Authentication auth, Model model) {
        StaffUser staff = StaffUser.of(auth);
        Cycle cycle = cycles.find(year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("staff", staff);
        model.addAttribute("cycle", cycle);
        model.addAttribute("canClose", staff.inAny(StaffGroups.PLANNING));
        model.addAttribute("closable", earlyClosing.closableNow(cycle));
        return "staff/ciclo";
    }

    @PostMapping("/personal/ciclos/{year}/cierre-anticipado")
    String closeEarly(@PathVariable int year, @RequestParam CyclePhase fase, @RequestParam(defaultValue = "") String motivo,
                      Authentication auth, RedirectAttributes redirect) {
        StaffUser staff = StaffUser.of(auth).require(StaffGroups.PLANNING);
        try {
            earlyClosing.close(year, fase, motivo, staff.id());
            redirect.addFlashAttribute("notice", "Se cerró la fase «" + fase.label() + "». El motivo quedó registrado.");
        } catch (CycleValidationException e) {
            redirect.addFlashAttribute("errors", e.errors());
            redirect.addFlashAttribute("motivo", motivo);
        }
        return "redirect:/personal/ciclos/" + year;
    }
}
