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
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.calendar.DueDates;

/** The portal's ballot ({@code /votacion}, accredited agents) and the live tally ({@code /votacion/resultados}, public). */
@Controller
class VotingController {

    private final VotingService voting;
    private final CycleService cycles;
    private final AccreditationService accreditation;
    private final MessageSource messages;
    private final DueDates plazos;

    VotingController(VotingService voting, CycleService cycles, AccreditationService accreditation,
                     MessageSource messages, DueDates plazos) {
        this.plazos = plazos;
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
            // one ballot whatever the channel: an agent whose paper ballot was counted at a workshop votes no more
            model.addAttribute("votedOnPaper", voting.votedOnPaper(cycle.year(), principal.getName()));
            model.addAttribute("byScope", byScope(voting.tally(cycle.year())));
            // before the voting opens, the day it opens (the calendar's dates are Lima's)
            opening(cycle, plazos.today()).ifPresent(day -> model.addAttribute("opensOn", day));
        }
        return "voting/votacion";
    }

    /**
     * A vote is final, so it takes two steps (issue 19), both plain forms that work without JavaScript: the ballot's
     * «Votar» posts here and gets a page that shows the project with «Confirmar voto» and «Volver»; only the
     * confirmation's post (with {@code confirmado=true}) casts the vote. The double click stays harmless: the
     * service stores at most one vote per agent and project, and the answer is a redirect to the ballot.
     */
    /**
     * The day the voting of {@code cycle} opens, while it has not opened yet on {@code today} (the calendar's dates
     * are Lima's, as {@code today} is); empty once it opened, or without a voting window.
     */
    static java.util.Optional<java.time.LocalDate> opening(Cycle cycle, java.time.LocalDate today) {
        if (cycle.phase().ordinal() > CyclePhase.VOTACION.ordinal()) {
            return java.util.Optional.empty();
        }
        return cycle.window(CyclePhase.VOTACION).map(Cycle.PhaseWindow::opensOn)
                .filter(day -> day != null && today.isBefore(day));
    }

    @PostMapping("/votacion/{projectId}")
    String vote(@PathVariable long projectId,
                @org.springframework.web.bind.annotation.RequestParam(name = "confirmado", defaultValue = "false")
                boolean confirmed, Principal principal, Model model, RedirectAttributes redirect, Locale locale) {
        if (!confirmed) {
            var project = voting.ballotProject(projectId);
            if (project.isEmpty()) {
                redirect.addFlashAttribute("error", messages.getMessage("voting.error.noProject", null,
                        "El proyecto no existe.", locale));
                return "redirect:/votacion";
            }
            var p = project.get();
            if (voting.votedProjects(p.year(), principal.getName()).contains(projectId)) {
                redirect.addFlashAttribute("error", messages.getMessage("voting.error.twice", null,
                        "Ya votó por este proyecto.", locale));
                return "redirect:/votacion";
            }
            model.addAttribute("project", p);
            model.addAttribute("scopeLabel", Scopes.label(p.scope()));
            model.addAttribute("votesLeft", voting.votesLeft(p.year(), principal.getName())
                    .orElseGet(() -> cycles.find(p.year()).map(Cycle::votesPerAgent).orElse(0)));
            return "voting/confirmar";
        }
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

    /** The tally by scope, each scope as people write it («Santa Cruz», «Jaén»), never its code. */
    private static Map<String, List<VotingService.Tally>> byScope(List<VotingService.Tally> tally) {
        return tally.stream().collect(Collectors.groupingBy(t -> Scopes.label(t.scope()),
                java.util.TreeMap::new, Collectors.toList()));
    }
}
