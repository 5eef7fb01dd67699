package pe.gob.regioncajamarca.participa.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Official records as PDF, rendered from Thymeleaf templates under {@code templates/pdf/} (well-formed XHTML with
 * CSS paged media) by openhtmltopdf on PDFBox. The same data as the portal pages, never typed twice. Templates
 * get the model plus {@code soles} and {@code fechas} helpers as plain variables (no web request here).
 */
@Service
public class PdfDocuments {

    private final ITemplateEngine templates;
    private final Map<String, Object> helpers;

    public PdfDocuments(ITemplateEngine templates, pe.gob.regioncajamarca.participa.documents.Soles soles,
                        pe.gob.regioncajamarca.participa.documents.Fechas fechas) {
        this.templates = templates;
        this.helpers = Map.of("soles", soles, "fechas", fechas);
    }

    /** The PDF of template {@code pdf/<name>} with {@code model}; {@code title} goes to the document's metadata. */
    public byte[] render(String name, String title, Map<String, ?> model) {
        Context context = new Context(new java.util.Locale("es", "PE"));
        context.setVariables(helpers);
        model.forEach(context::setVariable);
        context.setVariable("documentTitle", title);
        String xhtml = templates.process("pdf/" + name, context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, "classpath:/templates/pdf/");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("No se pudo generar el PDF " + name, e);
        }
    }
}
