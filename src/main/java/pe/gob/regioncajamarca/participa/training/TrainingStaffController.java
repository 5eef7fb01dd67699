package pe.gob.regioncajamarca.participa.training;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import pe.gob.regioncajamarca.participa.identity.StaffGroups;
import pe.gob.regioncajamarca.participa.identity.StaffUser;

/**
 * The roster of an edition for the staff who run it ({@code /personal/capacitacion/{id}}): who holds a seat, who
 * waits, attendance per session, marks and certificates. Linked from the attendance and evaluation tasks.
 */
@Controller
class TrainingStaffController {

    private final TrainingEditions editions;
    private final Enrolments enrolments;

    TrainingStaffController(TrainingEditions editions, Enrolments enrolments) {
        this.editions = editions;
        this.enrolments = enrolments;
    }

    @GetMapping("/personal/capacitacion/{id:\\d+}")
    String roster(@PathVariable long id, Authentication auth, Model model) {
        StaffUser.of(auth).require(StaffGroups.PLANNING, StaffGroups.REGIONAL_MANAGEMENT, StaffGroups.COMMUNICATIONS);
        TrainingEditions.Edition e = editions.find(id).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No existe la edición " + id));
        model.addAttribute("e", e);
        model.addAttribute("sessions", editions.sessions(id));
        model.addAttribute("roster", editions.roster(id));
        model.addAttribute("seats", enrolments.seats(id));
        // sessions on non-working days: flagged to the staff who run the edition, with who confirmed them
        model.addAttribute("nonWorking", editions.sessionsOnNonWorkingDays(id));
        model.addAttribute("confirmedBy", e.nonWorkingConfirmedBy() == null ? null : "(confirmadas por "
                + e.nonWorkingConfirmedBy() + " el " + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                .format(e.nonWorkingConfirmedAt().atZone(pe.gob.regioncajamarca.participa.calendar.DueDates.LIMA)) + ")");
        return "training/personal";
    }
}
