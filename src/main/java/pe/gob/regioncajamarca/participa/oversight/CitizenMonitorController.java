package pe.gob.regioncajamarca.participa.oversight;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import pe.gob.regioncajamarca.participa.documents.UploadedFiles;
import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;
import pe.gob.regioncajamarca.participa.training.CitizenMonitors;

/**
 * Citizen monitors (people who completed the citizen-oversight course of the training programme) file site-visit
 * reports on the portal, with the same checklist, photos and alert as the committee; the report then follows the
 * same {@code oversight-report} process and its answer is mailed to them.
 */
@Controller
class CitizenMonitorController {

    private final OversightReports reports;
    private final CitizenMonitors monitors;
    private final CitizenAccounts citizens;

    CitizenMonitorController(OversightReports reports, CitizenMonitors monitors, CitizenAccounts citizens) {
        this.reports = reports;
        this.monitors = monitors;
        this.citizens = citizens;
    }

    private boolean isMonitor(Principal principal) {
        return principal != null && citizens.idOf(principal.getName()).map(monitors::isCitizenMonitor).orElse(false);
    }

    @GetMapping("/vigilancia/nuevo")
    String form(@RequestParam(name = "cui", required = false) String cui, Principal principal, Model model) {
        if (principal == null) {
            return "redirect:/login";
        }
        if (!isMonitor(principal)) {
            return "oversight/solo-monitores";
        }
        String author = OversightReports.MONITOR_PREFIX + principal.getName();
        model.addAttribute("portal", true);
        model.addAttribute("projects", reports.watchedBy(author));
        model.addAttribute("mine", reports.byAuthor(author));
        model.addAttribute("checklist", OversightReports.CHECKLIST);
        // from a project's page: that project already ticked (issue 19)
        if (cui != null && cui.matches("[0-9]{1,7}")) {
            model.addAttribute("cuisElegidos", List.of(cui));
        }
        return "oversight/nuevo-reporte";
    }

    @PostMapping("/vigilancia/nuevo")
    String file(@RequestParam(defaultValue = "") String tipo, @RequestParam(defaultValue = "") String fechaVisita,
                @RequestParam(defaultValue = "") String resumen, @RequestParam(name = "cui", required = false) List<String> cuis,
                @RequestParam(name = "hallazgo", required = false) List<String> findings,
                @RequestParam(defaultValue = "false") boolean alerta,
                @RequestParam(name = "archivos", required = false) List<MultipartFile> archivos,
                Principal principal, Model model) {
        if (principal == null) {
            return "redirect:/login";
        }
        if (!isMonitor(principal)) {
            return "oversight/solo-monitores";
        }
        List<String> errors = new ArrayList<>();
        OversightReports.Draft draft = OversightReports.Draft.fromForm(tipo, fechaVisita, resumen, cuis, findings,
                alerta, errors);
        List<UploadedFiles.Checked> files = UploadedFiles.checkAll(archivos, errors);
        try {
            if (!errors.isEmpty()) {
                throw new OversightReports.Refused(errors);
            }
            String code = reports.file(draft, files, OversightReports.MONITOR_PREFIX + principal.getName());
            return "redirect:/vigilancia/" + code + "?nuevo";
        } catch (OversightReports.Refused e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("resumen", resumen);
            // what was typed comes back: kind, date, chosen projects, ticked findings and the alert
            model.addAttribute("tipo", tipo);
            model.addAttribute("fechaVisita", fechaVisita);
            model.addAttribute("cuisElegidos", cuis == null ? List.of() : cuis);
            model.addAttribute("hallazgos", findings == null ? List.of() : findings);
            model.addAttribute("alerta", alerta);
            return form(null, principal, model);
        }
    }
}
