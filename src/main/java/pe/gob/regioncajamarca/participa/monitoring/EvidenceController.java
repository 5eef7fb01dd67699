package pe.gob.regioncajamarca.participa.monitoring;

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
 * The evidence of a quarterly report on a staff page linked from the unit's Tasklist form: the project's unit
 * uploads photos and documents; the planning office, regional management and the oversight committee read them.
 */
@Controller
class EvidenceController {

    private final MonitoringService monitoring;
    private final MonitoringEvidence evidence;

    EvidenceController(MonitoringService monitoring, MonitoringEvidence evidence) {
        this.monitoring = monitoring;
        this.evidence = evidence;
    }

    private MonitoringService.Report reportFor(long id, StaffUser staff, boolean upload) {
        MonitoringService.Report r = monitoring.report(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe ese reporte."));
        if (upload) {
            staff.require(r.unitGroup());
        } else {
            staff.require(r.unitGroup(), StaffGroups.PLANNING, StaffGroups.REGIONAL_MANAGEMENT,
                    StaffGroups.OVERSIGHT_COMMITTEE);
        }
        return r;
    }

    @GetMapping("/personal/seguimiento/evidencias/{id}")
    String page(@PathVariable long id, Authentication auth, Model model) {
        StaffUser staff = StaffUser.of(auth);
        MonitoringService.Report r = reportFor(id, staff, false);
        model.addAttribute("r", r);
        model.addAttribute("files", evidence.of(id));
        model.addAttribute("canUpload", staff.inAny(r.unitGroup()));
        model.addAttribute("maxFiles", MonitoringEvidence.MAX_FILES);
        return "monitoring/evidencias";
    }

    @PostMapping("/personal/seguimiento/evidencias/{id}")
    String upload(@PathVariable long id, @RequestParam(defaultValue = "") String descripcion,
                  @RequestParam(name = "archivos", required = false) List<MultipartFile> archivos,
                  Authentication auth, Model model) {
        StaffUser staff = StaffUser.of(auth);
        MonitoringService.Report r = reportFor(id, staff, true);
        List<String> errors = new ArrayList<>();
        List<UploadedFiles.Checked> files = UploadedFiles.checkAll(archivos, errors);
        if (files.isEmpty() && errors.isEmpty()) {
            errors.add("Elija al menos un archivo (PDF, JPG o PNG).");
        }
        if (errors.isEmpty()) {
            try {
                evidence.add(id, files, descripcion, staff.id());
                return "redirect:/personal/seguimiento/evidencias/" + id + "?guardado";
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        model.addAttribute("r", r);
        model.addAttribute("files", evidence.of(id));
        model.addAttribute("canUpload", true);
        model.addAttribute("maxFiles", MonitoringEvidence.MAX_FILES);
        model.addAttribute("errors", errors);
        model.addAttribute("descripcion", descripcion);
        return "monitoring/evidencias";
    }

    @GetMapping("/personal/seguimiento/evidencias/{id}/archivos/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId, Authentication auth) {
        reportFor(id, StaffUser.of(auth), false);
        MonitoringEvidence.Content f = evidence.content(id, fileId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header("Content-Disposition", "inline; filename=\"" + f.fileName().replace("\"", "") + "\"")
                .header("X-Content-Type-Options", "nosniff").body(f.bytes());
    }
}
