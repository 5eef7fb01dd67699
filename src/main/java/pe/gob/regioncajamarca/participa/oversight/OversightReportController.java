package pe.gob.regioncajamarca.participa.oversight;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import pe.gob.regioncajamarca.participa.documents.UploadedFiles;
import pe.gob.regioncajamarca.participa.identity.StaffGroups;
import pe.gob.regioncajamarca.participa.identity.StaffUser;

/**
 * Oversight reports: committee members file them on a staff page (with the site-visit checklist and photos),
 * the staff who handle them read them with their files, and anyone reads the report, the unit's statement and the
 * answer on the portal (without the author and the files).
 */
@Controller
class OversightReportController {

    private final OversightReports reports;

    OversightReportController(OversightReports reports) {
        this.reports = reports;
    }

    @GetMapping("/personal/vigilancia")
    String form(Authentication auth, Model model) {
        StaffUser staff = StaffUser.of(auth).require(StaffGroups.OVERSIGHT_COMMITTEE);
        model.addAttribute("projects", reports.watchedBy(staff.id()));
        model.addAttribute("mine", reports.byAuthor(staff.id()));
        model.addAttribute("checklist", OversightReports.CHECKLIST);
        return "oversight/nuevo-reporte";
    }

    @PostMapping("/personal/vigilancia")
    String file(@RequestParam(defaultValue = "") String tipo, @RequestParam(defaultValue = "") String fechaVisita,
                @RequestParam(defaultValue = "") String resumen, @RequestParam(name = "cui", required = false) List<String> cuis,
                @RequestParam(name = "hallazgo", required = false) List<String> findings,
                @RequestParam(defaultValue = "false") boolean alerta,
                @RequestParam(name = "archivos", required = false) List<MultipartFile> archivos,
                Authentication auth, Model model) {
        StaffUser staff = StaffUser.of(auth).require(StaffGroups.OVERSIGHT_COMMITTEE);
        List<String> errors = new ArrayList<>();
        OversightReports.Draft draft = OversightReports.Draft.fromForm(tipo, fechaVisita, resumen, cuis, findings,
                alerta, errors);
        List<UploadedFiles.Checked> files = UploadedFiles.checkAll(archivos, errors);
        try {
            if (!errors.isEmpty()) {
                throw new OversightReports.Refused(errors);
            }
            String code = reports.file(draft, files, staff.id());
            return "redirect:/personal/vigilancia/" + code + "?nuevo";
        } catch (OversightReports.Refused e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("resumen", resumen);
            // what was typed comes back: kind, date, chosen projects, ticked findings and the alert
            model.addAttribute("tipo", tipo);
            model.addAttribute("fechaVisita", fechaVisita);
            model.addAttribute("cuisElegidos", cuis == null ? List.of() : cuis);
            model.addAttribute("hallazgos", findings == null ? List.of() : findings);
            model.addAttribute("alerta", alerta);
            return form(auth, model);
        }
    }

    /** The whole report with its files, for its author and the staff who handle it. */
    @GetMapping("/personal/vigilancia/{code}")
    String staffView(@PathVariable String code, Authentication auth, Model model) {
        OversightReports.Report r = reports.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        allowed(StaffUser.of(auth), r);
        model.addAttribute("r", r);
        model.addAttribute("authorName", reports.authorName(r.author()));
        model.addAttribute("files", reports.files(code));
        return "oversight/reporte-personal";
    }

    @GetMapping("/personal/vigilancia/{code}/archivos/{id}")
    ResponseEntity<byte[]> fileOf(@PathVariable String code, @PathVariable long id, Authentication auth) {
        OversightReports.Report r = reports.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        allowed(StaffUser.of(auth), r);
        OversightReports.StoredFile f = reports.files(code).stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header("Content-Disposition", "inline; filename=\"" + f.name().replace("\"", "") + "\"")
                .header("X-Content-Type-Options", "nosniff").body(f.content());
    }

    private void allowed(StaffUser staff, OversightReports.Report r) {
        if (staff.id().equals(r.author())) {
            return;
        }
        String unitGroup = "unit-" + r.projects().get(0).unitCode();
        staff.require(StaffGroups.PLANNING, StaffGroups.REGIONAL_MANAGEMENT, StaffGroups.OVERSIGHT_COMMITTEE, unitGroup);
    }

    @GetMapping("/vigilancia")
    String publicList(Model model) {
        model.addAttribute("reports", reports.recent(50));
        return "oversight/vigilancia";
    }

    @GetMapping("/vigilancia/{code}")
    String publicView(@PathVariable String code, Model model) {
        model.addAttribute("r", reports.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "oversight/reporte";
    }
}
