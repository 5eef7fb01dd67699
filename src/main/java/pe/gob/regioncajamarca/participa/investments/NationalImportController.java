package pe.gob.regioncajamarca.participa.investments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import pe.gob.regioncajamarca.participa.identity.StaffGroups;
import pe.gob.regioncajamarca.participa.identity.StaffUser;

/**
 * The planning office's page for the national investment figures: choose the Ministry's file, watch it being read,
 * see every import with its counts. The file travels as the request's body (the page sends it with {@code fetch}),
 * straight to a temporary file: a quarter of a gigabyte never passes through the multipart limit of the other forms
 * (20 MB) nor through memory.
 */
@Controller
class NationalImportController {

    /** Above this, the upload is cut and refused (the national file was ~250 MB in 2026). */
    static final long MAX_UPLOAD = 2L * 1024 * 1024 * 1024;

    private final NationalImports imports;
    private final NationalFigures figures;
    private final NationalSettings settings;

    NationalImportController(NationalImports imports, NationalFigures figures, NationalSettings settings) {
        this.imports = imports;
        this.figures = figures;
        this.settings = settings;
    }

    /** The planning office changes the threshold of the alert DIFIERE_MEF. */
    @PostMapping("/personal/inversiones/umbral")
    String threshold(@RequestParam("umbral") String value, Authentication auth, Model model) {
        StaffUser staff = StaffUser.of(auth).require(StaffGroups.PLANNING);
        try {
            settings.changeThreshold(new java.math.BigDecimal(value.trim().replace(',', '.')), staff.id());
            model.addAttribute("thresholdSaved", true);
        } catch (NumberFormatException e) {
            model.addAttribute("thresholdError", "El umbral es un número de puntos porcentuales entre 0 y 100, por"
                    + " ejemplo 20.");
        } catch (IllegalArgumentException e) {
            model.addAttribute("thresholdError", e.getMessage());
        }
        return page(auth, model);
    }

    @GetMapping("/personal/inversiones")
    String page(Authentication auth, Model model) {
        StaffUser.of(auth).require(StaffGroups.PLANNING);
        model.addAttribute("imports", imports.recent(20));
        model.addAttribute("kept", figures.count());
        model.addAttribute("threshold", settings.threshold());
        Map<String, String> columns = new LinkedHashMap<>();
        for (NationalColumns.Field f : NationalColumns.Field.values()) {
            columns.put(imports.columns().header(f), f.key());
        }
        model.addAttribute("columns", columns);
        return "investments/inversiones";
    }

    /** The file as the body; answers at once with the import's id (202), which then runs in the background. */
    @PostMapping("/personal/inversiones/archivo")
    @ResponseBody
    ResponseEntity<Map<String, Object>> upload(@RequestParam("nombre") String fileName, HttpServletRequest request,
                                               Authentication auth) throws IOException {
        StaffUser staff = StaffUser.of(auth).require(StaffGroups.PLANNING);
        long declared = request.getContentLengthLong();
        if (declared > MAX_UPLOAD) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("error",
                    "El archivo pasa de 2 GB: no parece el archivo de inversiones del Ministerio."));
        }
        Path file = Files.createTempFile("inversiones-", ".csv");
        try (InputStream body = request.getInputStream()) {
            long copied = Files.copy(new LimitedInputStream(body, MAX_UPLOAD + 1), file,
                    StandardCopyOption.REPLACE_EXISTING);
            if (copied == 0) {
                Files.deleteIfExists(file);
                return ResponseEntity.badRequest().body(Map.of("error", "Elija el archivo del Ministerio (.csv, .zip o .gz)."));
            }
            if (copied > MAX_UPLOAD) {
                Files.deleteIfExists(file);
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("error",
                        "El archivo pasa de 2 GB: no parece el archivo de inversiones del Ministerio."));
            }
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        try {
            long id = imports.start(file, fileName, NationalImports.Source.ARCHIVO, staff.id());
            return ResponseEntity.accepted().body(Map.of("id", id));
        } catch (NationalImports.Busy e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
        } catch (RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Where an import stands: polled by the page while it runs. */
    @GetMapping("/personal/inversiones/importaciones/{id}")
    @ResponseBody
    ResponseEntity<Map<String, Object>> status(@PathVariable long id, Authentication auth) {
        StaffUser.of(auth).require(StaffGroups.PLANNING);
        return imports.get(id).map(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", i.id());
            m.put("status", i.status().name());
            m.put("rowsRead", i.rowsRead());
            m.put("regionRows", i.regionRows());
            m.put("inserted", i.inserted());
            m.put("updated", i.updated());
            m.put("unchanged", i.unchanged());
            m.put("rejected", i.rejected());
            m.put("message", i.message());
            return ResponseEntity.ok(m);
        }).orElse(ResponseEntity.notFound().build());
    }

    /** Reads at most {@code max} bytes; the caller knows it was cut when it read exactly {@code max}. */
    private static final class LimitedInputStream extends java.io.FilterInputStream {
        private long left;

        LimitedInputStream(InputStream in, long max) {
            super(in);
            this.left = max;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
