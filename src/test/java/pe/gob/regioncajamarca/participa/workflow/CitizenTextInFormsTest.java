package pe.gob.regioncajamarca.participa.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Text written by citizens (or by another office) is text, never markup, in planning's Tasklist forms (issue 20).
 * form-js renders a {@code text} component as Markdown after filling in its {@code {{variable}}} templates: a
 * complaint whose description is {@code ![x](http://evil/img.png)} or {@code [clic](http://evil)} would show a live
 * image (a request to the outside with the staff's address) or link inside the form. Such values are shown in
 * read-only fields bound to the variable (which {@link TaskVariableGuard} drops from a submission), never through
 * {@code {{...}}}. Thymeleaf pages, PDFs and HTML mails escape (no {@code th:utext}, no unescaped inlining).
 */
class CitizenTextInFormsTest {

    /**
     * Process variables holding free text that the person working on the task did not write: citizens' complaints
     * (asunto, descripcion), ideas (titulo), oversight reports (resumen, verificacion), registrations (agente,
     * organizacion), enrolled people's names (listaParticipantes), and other offices' notes.
     */
    static final Set<String> FREE_TEXT = Set.of("asunto", "descripcion", "titulo", "resumen", "verificacion", "agente",
            "organizacion", "listaParticipantes", "descargo", "analisis", "notaDerivacion", "observacionesPrograma",
            "respuesta", "motivo", "nombre", "correo", "telefono", "dificultades", "observaciones");

    /** Forms that show citizens' text, and the read-only fields that show it. */
    static final Map<String, List<String>> SHOWN_AS_FIELDS = Map.ofEntries(
            Map.entry("clasificar-solicitud", List.of("asunto", "descripcion")),
            Map.entry("responder-solicitud", List.of("asunto", "descripcion")),
            Map.entry("decidir-prorroga", List.of("asunto", "descripcion")),
            Map.entry("atender-denuncia", List.of("asunto", "descripcion")),
            Map.entry("evaluar-idea", List.of("titulo")),
            Map.entry("incorporar-idea", List.of("titulo")),
            Map.entry("revisar-reporte-vigilancia", List.of("resumen", "verificacion")),
            Map.entry("presentar-descargo", List.of("resumen")),
            Map.entry("responder-reporte", List.of("resumen")),
            Map.entry("revisar-acreditacion", List.of("agente", "organizacion")),
            Map.entry("registrar-asistencia", List.of("listaParticipantes")));

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*[#/]?(?:if|each|unless|with)?\\s*([A-Za-z_][A-Za-z0-9_]*)");

    private static List<Path> forms() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("forms"))) {
            return s.filter(p -> p.toString().endsWith(".form")).sorted().toList();
        }
    }

    private static void components(JsonNode node, List<JsonNode> out) {
        if (node.has("components")) {
            for (JsonNode c : node.get("components")) {
                out.add(c);
                components(c, out);
            }
        }
    }

    private static void strings(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isContainerNode()) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                strings(it.next(), out);
            }
        }
    }

    @Test
    void noFormInterpolatesFreeTextIntoMarkdown() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> forms = forms();
        assertThat(forms).hasSizeGreaterThan(15);
        for (Path form : forms) {
            JsonNode root = new ObjectMapper().readTree(form.toFile());
            List<JsonNode> all = new ArrayList<>();
            components(root, all);
            for (JsonNode c : all) {
                // text and html components render Markdown/HTML; labels and descriptions may be templated too
                List<String> texts = new ArrayList<>();
                strings(c, texts);
                for (String text : texts) {
                    Matcher m = PLACEHOLDER.matcher(text);
                    while (m.find()) {
                        if (FREE_TEXT.contains(m.group(1))) {
                            problems.add(form.getFileName() + ": {{" + m.group(1) + "}} in a " + c.path("type").asText()
                                    + " component");
                        }
                    }
                }
            }
        }
        assertThat(problems).as("free text must be shown in read-only fields, not through {{...}}").isEmpty();
    }

    @Test
    void formsShowCitizensTextInReadOnlyFields() throws IOException {
        for (Map.Entry<String, List<String>> e : SHOWN_AS_FIELDS.entrySet()) {
            JsonNode root = new ObjectMapper().readTree(Path.of("forms", e.getKey() + ".form").toFile());
            List<JsonNode> all = new ArrayList<>();
            components(root, all);
            for (String key : e.getValue()) {
                assertThat(all).as(e.getKey() + " shows " + key)
                        .anySatisfy(c -> {
                            assertThat(c.path("key").asText()).isEqualTo(key);
                            assertThat(c.path("type").asText()).isIn("textfield", "textarea");
                            assertThat(c.path("readonly").asBoolean()).isTrue();
                        });
            }
        }
    }

    @Test
    void htmlTemplatesEscapeEverything() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".html")).toList()) {
                // the one unescaped inlining: a boolean choosing the PDF's page orientation (pdf/base.html)
                String html = Files.readString(p, StandardCharsets.UTF_8)
                        .replace("[(${landscape} ? 'landscape' : 'portrait')]", "");
                if (html.contains("th:utext")) {
                    problems.add(p + ": th:utext");
                }
                if (html.contains("[(${")) {
                    problems.add(p + ": [(${...})] (unescaped inlining)");
                }
            }
        }
        assertThat(problems).as("pages, PDFs (templates/pdf) and HTML mails (templates/mail)").isEmpty();
    }
}
