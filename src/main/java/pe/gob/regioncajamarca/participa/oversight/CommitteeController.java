package pe.gob.regioncajamarca.participa.oversight;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import pe.gob.regioncajamarca.participa.accreditation.AccreditationService;
import pe.gob.regioncajamarca.participa.projects.Territory;
import pe.gob.regioncajamarca.participa.identity.StaffGroups;
import pe.gob.regioncajamarca.participa.identity.StaffUser;
import pe.gob.regioncajamarca.participa.oversight.CommitteeElection.Assembly;
import pe.gob.regioncajamarca.participa.oversight.CommitteeElection.Candidate;
import pe.gob.regioncajamarca.participa.oversight.CommitteeElection.ElectionRefused;

/** Staff page where the planning office records the election of the Comité de Vigilancia. */
@Controller
class CommitteeController {

    private static final Pattern LEADING_ID = Pattern.compile("^\\s*(\\d{1,18})\\b");

    private final CommitteeElection elections;
    private final AccreditationService accreditation;
    private final Territory territory;

    CommitteeController(CommitteeElection elections, AccreditationService accreditation, Territory territory) {
        this.elections = elections;
        this.accreditation = accreditation;
        this.territory = territory;
    }

    @GetMapping("/personal/ciclos/{year}/comite")
    String page(@PathVariable int year, @RequestParam(defaultValue = "5") int filas, Authentication auth, Model model) {
        StaffUser staff = StaffUser.of(auth);
        model.addAttribute("year", year);
        model.addAttribute("canRecord", staff.inAny(StaffGroups.PLANNING));
        model.addAttribute("election", elections.of(year).orElse(null));
        model.addAttribute("agents", accreditation.accreditedAgents(year));
        model.addAttribute("scopeNames", territory.scopeNames());
        model.addAttribute("rows", java.util.stream.IntStream.range(0,
                Math.max(CommitteeElection.MIN_MEMBERS, Math.min(CommitteeElection.MAX_MEMBERS, filas))).boxed().toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new org.springframework.util.LinkedMultiValueMap<String, String>());
        }
        return "oversight/comite";
    }

    @PostMapping("/personal/ciclos/{year}/comite")
    String record(@PathVariable int year, @RequestParam MultiValueMap<String, String> form, Authentication auth,
                  Model model) {
        StaffUser staff = StaffUser.of(auth).require(StaffGroups.PLANNING);
        List<String> errors = new ArrayList<>();
        LocalDate heldOn = null;
        try {
            heldOn = LocalDate.parse(first(form, "fecha"));
        } catch (DateTimeParseException e) {
            errors.add("Indique la fecha de la asamblea de elección.");
        }
        int present = number(first(form, "presentes"), "el número de agentes presentes", errors);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < CommitteeElection.MAX_MEMBERS; i++) {
            String agent = first(form, "agente" + i);
            if (agent.isBlank()) {
                continue;
            }
            Matcher m = LEADING_ID.matcher(agent);
            if (!m.find()) {
                errors.add("Fila " + (i + 1) + ": elija al agente de la lista.");
                continue;
            }
            candidates.add(new Candidate(Long.parseLong(m.group(1)), first(form, "cargo" + i),
                    number(first(form, "votos" + i), "los votos de la fila " + (i + 1), errors),
                    new LinkedHashSet<>(form.getOrDefault("ambitos" + i, List.of()))));
        }
        try {
            if (!errors.isEmpty()) {
                throw new ElectionRefused(errors);
            }
            model.addAttribute("elected", elections.record(year, new Assembly(heldOn, first(form, "lugar"), present,
                    first(form, "notas")), candidates, staff.id()));
            model.addAttribute("notice", "Elección registrada. Entregue a cada miembro su usuario y contraseña "
                    + "temporal: no se volverán a mostrar.");
        } catch (ElectionRefused e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("form", form);
        }
        return page(year, Math.max(5, candidates.size()), auth, model);
    }

    private static String first(MultiValueMap<String, String> form, String key) {
        String v = form.getFirst(key);
        return v == null ? "" : v;
    }

    private static int number(String value, String what, List<String> errors) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            errors.add("Escriba " + what + " en cifras.");
            return -1;
        }
    }
}
