package pe.gob.regioncajamarca.participa.accountability;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.identity.StaffGroups;
import pe.gob.regioncajamarca.participa.identity.StaffUser;

/** Staff page where the planning office loads the earlier cycles' prioritised projects and their execution. */
@Controller
class HistoryController {

    private final HistoryImport history;
    private final Accountability accountability;
    private final DueDates plazos;

    HistoryController(HistoryImport history, Accountability accountability, DueDates plazos) {
        this.history = history;
        this.accountability = accountability;
        this.plazos = plazos;
    }

    @GetMapping("/personal/historial")
    String page(Authentication auth, Model model) {
        StaffUser.of(auth).require(StaffGroups.PLANNING);
        int year = plazos.today().getYear();
        model.addAttribute("firstYear", year - 10);
        model.addAttribute("lastYear", year - 1);
        model.addAttribute("projectColumns", HistoryImport.PROJECT_COLUMNS);
        model.addAttribute("progressColumns", HistoryImport.PROGRESS_COLUMNS);
        model.addAttribute("cycles", accountability.lastCycles());
        return "accountability/historial";
    }

    @PostMapping("/personal/historial")
    String load(@RequestParam(name = "proyectos", required = false) MultipartFile projects,
                @RequestParam(name = "avance", required = false) MultipartFile progress,
                Authentication auth, Model model) {
        StaffUser staff = StaffUser.of(auth).require(StaffGroups.PLANNING);
        try {
            HistoryImport.Result result = history.load(upload(projects), upload(progress));
            model.addAttribute("result", result);
            org.slf4j.LoggerFactory.getLogger(HistoryController.class).info(
                    "Historial cargado por {}: {} proyectos nuevos, {} sin cambios, {} avances nuevos, {} sin cambios",
                    staff.id(), result.projectsInserted(), result.projectsUnchanged(), result.reportsInserted(),
                    result.reportsUnchanged());
        } catch (HistoryImport.RejectedFile e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("totalProblems", e.total());
        }
        return page(auth, model);
    }

    private static HistoryImport.Upload upload(MultipartFile file) {
        // no file chosen: the browser sends an empty part without a name; an empty file with a name is read (and
        // refused as "el archivo está vacío")
        if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
            return null;
        }
        return new HistoryImport.Upload(file.getOriginalFilename(), file::getInputStream);
    }
}
