package pe.gob.regioncajamarca.participa.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fields each task form declares, read once from the forms the application ships: the Camunda Forms of
 * {@code forms/*.form} (by form id, each component's {@code key}) and the embedded forms of
 * {@code static/forms/*.html} (by file name, each {@code cam-variable-name}). A field that the form shows but does
 * not let the user change ({@code readonly} or {@code disabled} in a Camunda Form, {@code readonly} in an embedded
 * form) is listed apart: Tasklist sends it back with the submission, and it changes nothing. A field marked
 * {@code data-variable-transitoria} in an embedded form (or with the property {@code transitoria} in a Camunda Form)
 * lives only while its submission is handled: a file that the task's listener moves to the application's own store
 * and that the engine must never keep, neither among its variables nor in its history.
 */
final class FormFields {

    /**
     * The fields of one form: those the user fills in, those only shown, and those of the first kind that the
     * engine receives as transient variables (read by the completion's listeners, stored nowhere by the engine).
     */
    public record Declared(Set<String> writable, Set<String> shown, Set<String> transients) {

        public Declared(Set<String> writable, Set<String> shown) {
            this(writable, shown, Set.of());
        }
    }

    private static final Pattern CAM_INPUT = Pattern.compile("<(input|select|textarea)\\b([^>]*)>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CAM_NAME = Pattern.compile("cam-variable-name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern READONLY = Pattern.compile("\\s(readonly|disabled)(\\s|=|/|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRANSIENT = Pattern.compile("\\sdata-variable-transitoria(\\s|=|/|$)",
            Pattern.CASE_INSENSITIVE);

    private final Map<String, Declared> camundaForms;
    private final Map<String, Declared> embeddedForms;

    FormFields(Map<String, Declared> camundaForms, Map<String, Declared> embeddedForms) {
        this.camundaForms = Map.copyOf(camundaForms);
        this.embeddedForms = Map.copyOf(embeddedForms);
    }

    /** The forms on the class path ({@code forms/} and {@code static/forms/}). */
    public static FormFields fromClasspath() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        ObjectMapper json = new ObjectMapper();
        Map<String, Declared> camunda = new HashMap<>();
        Map<String, Declared> embedded = new HashMap<>();
        try {
            for (Resource r : resolver.getResources("classpath*:forms/**/*.form")) {
                try (InputStream in = r.getInputStream()) {
                    JsonNode form = json.readTree(in);
                    camunda.put(form.path("id").asText(), camundaForm(form));
                }
            }
            for (Resource r : resolver.getResources("classpath*:static/forms/*.html")) {
                try (InputStream in = r.getInputStream()) {
                    embedded.put(r.getFilename(), embedded(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the task forms", e);
        }
        return new FormFields(camunda, embedded);
    }

    /** The declared fields of a Camunda Form, by its id ({@code camunda:formRef}). */
    public Optional<Declared> camundaForm(String formId) {
        return Optional.ofNullable(camundaForms.get(formId));
    }

    /**
     * The declared fields of an embedded form, by its form key ({@code embedded:/forms/x.html} or
     * {@code embedded:app:forms/x.html}).
     */
    public Optional<Declared> embeddedForm(String formKey) {
        if (formKey == null) {
            return Optional.empty();
        }
        String path = formKey.replaceFirst("^embedded:(app:|deployment:)?", "");
        String file = path.substring(path.lastIndexOf('/') + 1);
        return Optional.ofNullable(embeddedForms.get(file));
    }

    /** The fields of a Camunda Form (its JSON). */
    public static Declared camundaForm(InputStream json) throws IOException {
        return camundaForm(new ObjectMapper().readTree(json));
    }

    private static Declared camundaForm(JsonNode form) {
        Set<String> writable = new LinkedHashSet<>();
        Set<String> shown = new LinkedHashSet<>();
        Set<String> transients = new LinkedHashSet<>();
        collect(form, writable, shown, transients);
        return new Declared(Set.copyOf(writable), Set.copyOf(shown), Set.copyOf(transients));
    }

    static Declared embedded(String html) {
        Set<String> writable = new LinkedHashSet<>();
        Set<String> shown = new LinkedHashSet<>();
        Set<String> transients = new LinkedHashSet<>();
        Matcher m = CAM_INPUT.matcher(html);
        while (m.find()) {
            Matcher name = CAM_NAME.matcher(m.group(2));
            if (name.find()) {
                boolean onlyShown = READONLY.matcher(" " + m.group(2)).find();
                (onlyShown ? shown : writable).add(name.group(1));
                if (!onlyShown && TRANSIENT.matcher(" " + m.group(2)).find()) {
                    transients.add(name.group(1));
                }
            }
        }
        return new Declared(Set.copyOf(writable), Set.copyOf(shown), Set.copyOf(transients));
    }

    private static void collect(JsonNode node, Set<String> writable, Set<String> shown, Set<String> transients) {
        for (JsonNode c : node.path("components")) {
            if (c.hasNonNull("key")) {
                boolean onlyShown = truthy(c.get("readonly")) || truthy(c.get("disabled"));
                (onlyShown ? shown : writable).add(c.get("key").asText());
                if (!onlyShown && "true".equals(c.path("properties").path("transitoria").asText())) {
                    transients.add(c.get("key").asText());
                }
            }
            collect(c, writable, shown, transients);
        }
    }

    private static boolean truthy(JsonNode flag) {
        return flag != null && !flag.isNull() && !(flag.isBoolean() && !flag.asBoolean());
    }
}
