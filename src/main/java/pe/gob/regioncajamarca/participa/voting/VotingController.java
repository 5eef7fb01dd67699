package pe.gob.regioncajamarca.participa.voting;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import pe.gob.regioncajamarca.participa.accreditation.AccreditationService;
import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CycleService;

/** The portal's ballot ({@code /votacion}, accredited agents) and the live tally ({@code /votacion/resultados}, public). */
@Controller
class VotingController {

    private final VotingService voting;
    private final CycleService cycles;
    private final AccreditationService accreditation;
    private final MessageSource messages;

    VotingController(VotingService voting, CycleService cycles, AccreditationService accreditation,
                     MessageSource messages) {
        this.messages = messages;
        this.voting = voting;
        this.cycles = cycles;
        this.accreditation = accreditation;
    }

    /** The cycle whose voting is open, else the current one (to show its state). */
    private Cycle votingCycle() {
        return cycles.findAll().stream().filter(c -> c.phase() == pe.gob.regioncajamarca.participa.cycle.CyclePhase.VOTACION)
                .findFirst().or(cycles::current).orElse(null);
    }

    @GetMapping("/votacion")
    String ballot(Principal principal, Model model) {
        Cycle cycle = votingCycle();
        model.addAttribute("cycle", cycle);
        if (cycle != null) {
            model.addAttribute("accredited", accreditation.isAccredited(cycle.year(), principal.getName()));
            model.addAttribute("votesLeft", voting.votesLeft(cycle.year(), principal.getName())
                    .orElse(cycle.votesPerAgent()));
            model.addAttribute("voted", voting.votedProjects(cycle.year(), principal.getName()));
            model.addAttribute("byScope", byScope(voting.tally(cycle.year())));
        }
        return "voting/votacion";
    }

    @PostMapping("/votacion/{projectId}")
    String vote(@PathVariable long projectId, Principal principal, RedirectAttributes redirect, Locale locale) {
        try {
            int left = voting.castFor(principal.getName(), projectId);
            redirect.addFlashAttribute("ok", messages.getMessage("voting.ok", new Object[] {String.valueOf(left)}, locale));
        } catch (VotingService.VoteRefused e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.code(), e.args(), e.getMessage(), locale));
        }
        return "redirect:/votacion";
    }

    @GetMapping("/votacion/resultados")
    String tally(Model model) {
        Cycle cycle = votingCycle();
        model.addAttribute("cycle", cycle);
        if (cycle != null) {
            model.addAttribute("byScope", byScope(voting.tally(cycle.year())));
        }
        return "voting/resultados";
    }

    private static Map<String, List<VotingService.Tally>> byScope(List<VotingService.Tally> tally) {
        return tally.stream().collect(Collectors.groupingBy(VotingService.Tally::scope,
                java.util.TreeMap::new, Collectors.toList()));
    }
}
