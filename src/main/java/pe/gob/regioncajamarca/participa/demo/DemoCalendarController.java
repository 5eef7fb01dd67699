package pe.gob.regioncajamarca.participa.demo;

import org.springframework.context.annotation.Profile;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import pe.gob.regioncajamarca.participa.cycle.CalendarShift;
import pe.gob.regioncajamarca.participa.identity.StaffGroups;
import pe.gob.regioncajamarca.participa.identity.StaffUser;

/**
 * Profile demo only: the planning office brings the cycle's calendar forward to the next phase, so that a
 * newcomer walks a whole cycle (registration, ideas, evaluation, voting, prioritisation) in one sitting.
 */
@Controller
@Profile("demo")
class DemoCalendarController {

    private final CalendarShift shift;

    DemoCalendarController(CalendarShift shift) {
        this.shift = shift;
    }

    @PostMapping("/personal/ciclos/{year}/demo-adelantar")
    String bringForward(@PathVariable int year, Authentication auth, RedirectAttributes redirect) {
        StaffUser.of(auth).require(StaffGroups.PLANNING);
        boolean waiting = shift.waitingTimer(year).isPresent();
        long days = shift.bringForward(year);
        redirect.addFlashAttribute("notice", !waiting
                ? "El proceso del ciclo no espera ninguna fecha del calendario en este momento."
                : "Demo: el calendario se adelantó " + days + " días; la siguiente fase empieza en unos segundos "
                        + "(recargue la página).");
        return "redirect:/personal/ciclos/" + year;
    }
}
