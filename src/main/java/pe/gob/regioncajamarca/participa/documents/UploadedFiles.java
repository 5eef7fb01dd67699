package pe.gob.regioncajamarca.participa.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Files citizens and staff attach (complaints, oversight reports, evidence): PDF, JPG or PNG, judged by their
 * content, never by their name or the browser's word. A PDF must open as a PDF with at least one page; an image
 * must be a real JPEG or PNG whose declared size is sane (a decompression bomb is refused before it is decoded).
 * At most 10 MB. Every refusal says in Spanish what to fix.
 */
public final class UploadedFiles {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    static final long MAX_PIXELS = 50_000_000L;

    private UploadedFiles() {
    }

    /** A file that passed: its type by content. */
    public record Checked(String fileName, String contentType, byte[] content) {
    }

    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * Checks every non-empty uploaded file of a form; each refused or unreadable one adds its Spanish message to
     * {@code errors} (so that the citizen sees every problem at once) and is left out.
     */
    public static java.util.List<Checked> checkAll(java.util.List<org.springframework.web.multipart.MultipartFile> uploads,
                                                   java.util.List<String> errors) {
        java.util.List<Checked> files = new java.util.ArrayList<>();
        for (org.springframework.web.multipart.MultipartFile f : uploads == null
                ? java.util.List.<org.springframework.web.multipart.MultipartFile>of() : uploads) {
            if (f.isEmpty()) {
                continue;
            }
            try {
                files.add(check(f.getOriginalFilename(), f.getBytes()));
            } catch (Refused e) {
                errors.add(e.getMessage());
            } catch (IOException e) {
                errors.add("No se pudo leer el archivo «" + f.getOriginalFilename() + "».");
            }
        }
        return files;
    }

    public static Checked check(String fileName, byte[] content) {
        String name = fileName == null || fileName.isBlank() ? "archivo" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_");
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        if (content == null || content.length == 0) {
            throw new Refused("El archivo «" + name + "» está vacío.");
        }
        if (content.length > MAX_BYTES) {
            throw new Refused("El archivo «" + name + "» pesa más de 10 MB; redúzcalo o adjunte otro.");
        }
        if (startsWith(content, "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            try (PDDocument pdf = Loader.loadPDF(content)) {
                if (pdf.getNumberOfPages() < 1) {
                    throw new Refused("El PDF «" + name + "» no tiene páginas.");
                }
            } catch (IOException e) {
                throw new Refused("El archivo «" + name + "» no es un PDF válido (no se puede abrir).");
            }
            return notPolyglot(new Checked(name, "application/pdf", content));
        }
        boolean png = startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        boolean jpeg = startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        if (png || jpeg) {
            checkImage(name, content, png ? "png" : "jpeg");
            return notPolyglot(new Checked(name, png ? "image/png" : "image/jpeg", content));
        }
        throw new Refused("El archivo «" + name + "» no es un PDF, JPG ni PNG (se revisa su contenido, no su nombre).");
    }

    private static void checkImage(String name, byte[] content, String format) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (!readers.hasNext()) {
                throw new Refused("No se puede revisar la imagen «" + name + "».");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw new Refused("La imagen «" + name + "» es demasiado grande (más de 50 megapíxeles).");
                }
                reader.read(0); // decodes: a truncated or forged image fails here
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refused r) {
                throw r;
            }
            throw new Refused("El archivo «" + name + "» no es una imagen JPG o PNG válida.");
        }
    }

    /** A file that is what it says may still carry something else (checked after its type, so a broken PDF is named so). */
    private static Checked notPolyglot(Checked file) {
        java.util.Optional<String> hidden = hiddenContent(file.content());
        if (hidden.isPresent()) {
            throw new Refused("El archivo «" + file.fileName() + "» lleva escondido " + hidden.get() + " además del "
                    + "documento o la foto; por seguridad no se acepta. Adjunte el PDF o la foto original.");
        }
        return file;
    }

    private static final String[] MARKUP = {"<script", "<html", "<iframe", "<svg", "<?php", "<object", "<embed"};

    /**
     * Polyglots (issue #9): a file that is a valid JPEG, PNG or PDF and also something else that a browser or another
     * program would run: HTML or script markup, or a ZIP archive (a JAR, a document) appended or embedded. PDF and
     * image data are binary or compressed, so these ASCII markers do not appear in honest files; a ZIP is recognised
     * by a local file header and an end-of-central-directory record (both needed, 8 bytes that would have to occur
     * by chance).
     */
    static java.util.Optional<String> hiddenContent(byte[] content) {
        for (String marker : MARKUP) {
            if (indexOf(content, marker.getBytes(java.nio.charset.StandardCharsets.US_ASCII), true) >= 0) {
                return java.util.Optional.of("código de página web (" + marker + ")");
            }
        }
        if (indexOf(content, new byte[] {'P', 'K', 3, 4}, false) >= 0
                && indexOf(content, new byte[] {'P', 'K', 5, 6}, false) >= 0) {
            return java.util.Optional.of("un archivo comprimido (ZIP)");
        }
        return java.util.Optional.empty();
    }

    private static int indexOf(byte[] content, byte[] marker, boolean ignoreCase) {
        outer:
        for (int i = 0; i <= content.length - marker.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                byte c = content[i + j];
                if (ignoreCase && c >= 'A' && c <= 'Z') {
                    c = (byte) (c + 32);
                }
                if (c != marker[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
