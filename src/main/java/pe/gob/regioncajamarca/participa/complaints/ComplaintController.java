package pe.gob.regioncajamarca.participa.complaints;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Map;

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

import pe.gob.regioncajamarca.participa.complaints.ComplaintService.Submission;
import pe.gob.regioncajamarca.participa.documents.UploadedFiles;
import pe.gob.regioncajamarca.participa.identity.StaffGroups;
import pe.gob.regioncajamarca.participa.identity.StaffUser;

/**
 * "Reclamos y consultas" on the portal (no login needed: anyone may ask, complain or report), the status page by
 * tracking code, and the integrity office's page with the identity of a reporter of wrongdoing.
 */
@Controller
class ComplaintController {

    private final ComplaintService complaints;

    ComplaintController(ComplaintService complaints) {
        this.complaints = complaints;
    }

    /** The field of the form each of the service's messages is about (issue 19: the field is marked with it). */
    static final Map<String, String> FIELD_OF = Map.of(
            "Elija qué desea presentar", "tipo", "Escriba el asunto", "asunto", "Describa su pedido", "descripcion",
            "El CUI del proyecto", "cui", "Solo las denuncias", "anonimo", "Escriba sus nombres", "nombre",
            "El DNI tiene", "dni", "Escriba un correo", "correo", "El teléfono", "telefono");

    /** The field a message is about, if it is about one. */
    static Optional<String> fieldOf(String error) {
        return FIELD_OF.entrySet().stream().filter(e -> error != null && error.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }

    @GetMapping("/reclamos")
    String form(Model model) {
        model.addAttribute("kinds", ComplaintService.KINDS);
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
            model.addAttribute("errorFields", Map.of());
        }
        return "complaints/formulario";
    }

    @PostMapping("/reclamos")
    String submit(@RequestParam(defaultValue = "") String tipo, @RequestParam(defaultValue = "") String asunto,
                  @RequestParam(defaultValue = "") String descripcion, @RequestParam(defaultValue = "") String cui,
                  @RequestParam(defaultValue = "false") boolean anonimo, @RequestParam(defaultValue = "") String nombre,
                  @RequestParam(defaultValue = "") String dni, @RequestParam(defaultValue = "") String correo,
                  @RequestParam(defaultValue = "") String telefono,
                  @RequestParam(name = "adjunto", required = false) MultipartFile adjunto, Model model) {
        Submission s = new Submission(tipo, asunto, descripcion, cui, anonimo, nombre, dni, correo, telefono);
        try {
            UploadedFiles.Checked file = null;
            if (adjunto != null && !adjunto.isEmpty()) {
                try {
                    file = UploadedFiles.check(adjunto.getOriginalFilename(), adjunto.getBytes());
                } catch (UploadedFiles.Refused e) {
                    throw new ComplaintService.Refused(List.of(e.getMessage()));
                } catch (IOException e) {
                    throw new ComplaintService.Refused(List.of("No se pudo leer el archivo adjunto; inténtelo de nuevo."));
                }
            }
            String code = complaints.submit(s, file);
            return "redirect:/reclamos/" + code + "?nueva";
        } catch (ComplaintService.Refused e) {
            model.addAttribute("errors", e.errors());
            // each faulty field marked, its message next to it (the first message of a field)
            Map<String, String> fieldErrors = new java.util.LinkedHashMap<>();
            Map<String, String> errorFields = new java.util.HashMap<>();
            e.errors().forEach(m -> fieldOf(m).ifPresent(f -> {
                fieldErrors.putIfAbsent(f, m);
                errorFields.putIfAbsent(m, f);
            }));
            model.addAttribute("fieldErrors", fieldErrors);
            model.addAttribute("errorFields", errorFields);
            model.addAttribute("form", s);
            return form(model);
        }
    }

    @GetMapping("/reclamos/seguimiento")
    String lookup(@RequestParam(defaultValue = "") String codigo) {
        String code = codigo.strip().toUpperCase(java.util.Locale.ROOT);
        return code.matches("SOL-[A-Z0-9]{4,12}") ? "redirect:/reclamos/" + code : "redirect:/reclamos?noEncontrado";
    }

    @GetMapping("/reclamos/{code}")
    String status(@PathVariable String code, Model model) {
        model.addAttribute("s", complaints.status(code).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No existe la solicitud " + code)));
        return "complaints/estado";
    }

    /** The integrity office reads who reported (unless anonymous): nobody else may. */
    @GetMapping("/personal/denuncias/{code}")
    String reporter(@PathVariable String code, Authentication auth, Model model) {
        StaffUser.of(auth).require(StaffGroups.INTEGRITY_OFFICE);
        ComplaintService.Status s = complaints.status(code).filter(x -> "DENUNCIA".equals(x.kind()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("s", s);
        model.addAttribute("person", complaints.person(code).orElseThrow());
        return "complaints/denunciante";
    }

    /** The attachment, for the office that handles the request. */
    @GetMapping("/personal/solicitudes/{code}/adjunto")
    ResponseEntity<byte[]> attachment(@PathVariable String code, Authentication auth) {
        StaffUser staff = StaffUser.of(auth);
        ComplaintService.Status s = complaints.status(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if ("DENUNCIA".equals(s.kind())) {
            staff.require(StaffGroups.INTEGRITY_OFFICE);
        } else {
            staff.require(StaffGroups.PLANNING, complaints.responsibleGroup(code).orElse(StaffGroups.PLANNING));
        }
        byte[] content = complaints.attachment(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String type = content.length > 4 && content[0] == '%' ? "application/pdf"
                : content.length > 1 && (content[0] & 0xFF) == 0x89 ? "image/png" : "image/jpeg";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header("Content-Disposition", "attachment; filename=\"adjunto-" + code + "\"")
                .header("X-Content-Type-Options", "nosniff").body(content);
    }
}
