package pe.gob.regioncajamarca.participa.staffexperience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Spanish translation of each Camunda webapp has every key of the English one shipped in the Camunda webjar
 * on the classpath (so upgrading Camunda fails here until the new texts are translated), keeps the placeholders,
 * and each app's config.js offers Spanish by default and English on request.
 */
class WebappTranslationsTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDERS = Pattern.compile("\\{\\{[^}]*}}|%[sd]|</?(a|br|strong|b|i|em|code|span|p)\\b[^>]*>");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theSpanishTranslationHasEveryKeyOfTheShippedEnglishOne(String app) throws IOException {
        Map<String, JsonNode> english = flatten(shipped(APP + app + "/locales/en.json"));
        Map<String, JsonNode> spanish = flatten(read(new ClassPathResource(APP + app + "/locales/es.json")));
        assertThat(english).as("the webjar's en.json of " + app).hasSizeGreaterThan(100);

        assertThat(spanish.keySet()).as("keys of %s/locales/es.json", app).containsAll(english.keySet());
        assertThat(spanish.keySet()).as("keys no longer in Camunda's en.json").isSubsetOf(english.keySet());
        List<String> problems = new ArrayList<>();
        english.forEach((key, en) -> {
            JsonNode es = spanish.get(key);
            if (en.getNodeType() != es.getNodeType()) {
                problems.add(key + ": type " + es.getNodeType() + " instead of " + en.getNodeType());
            } else if (en.isTextual()) {
                if (!en.asText().isEmpty() && es.asText().isBlank() && !en.asText().isBlank()) {
                    problems.add(key + ": empty");
                }
                if (!placeholders(en.asText()).equals(placeholders(es.asText()))) {
                    problems.add(key + ": placeholders " + placeholders(es.asText()) + " instead of "
                            + placeholders(en.asText()));
                }
            }
        });
        assertThat(problems).as(app + "/locales/es.json").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theTextsAreSpanish(String app) throws IOException {
        Map<String, JsonNode> spanish = flatten(read(new ClassPathResource(APP + app + "/locales/es.json")));
        if (!app.equals("welcome")) { // the welcome page shows no dates
            assertThat(spanish.get("dateLocales.months[0]").asText()).isEqualTo("enero");
            assertThat(spanish.get("dateLocales.weekdays[1]").asText()).isEqualTo("lunes");
        }
        assertThat(spanish.get("labels.CAM_WIDGET_HEADER_SIGN_OUT").asText()).isEqualTo("Cerrar sesión");
        Map<String, String> login = Map.of("labels.PAGE_LOGIN_USERNAME", "Usuario", "labels.PAGE_LOGIN_PASSWORD",
                "Contraseña", "labels.PAGE_LOGIN_SIGN_IN_ACTION", "Iniciar sesión");
        login.forEach((key, value) -> {
            if (!app.equals("welcome")) {
                assertThat(spanish.get(key).asText()).as(app + " " + key).isEqualTo(value);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void configJsOffersSpanishByDefaultAndEnglishOnRequest(String app) throws IOException {
        String config = new ClassPathResource(APP + app + "/scripts/config.js").getContentAsString(StandardCharsets.UTF_8);
        assertThat(config).contains("export default {", "  locales", "Caxamarca Participa");
        assertThat(config).contains("{ availableLocales: ['es'], fallbackLocale: 'es' }",
                "{ availableLocales: ['en'], fallbackLocale: 'en' }", "let idioma = 'es';", "get('lang')");
    }

    /** The en.json inside the Camunda webjar (not ours: we ship no en.json). */
    private static JsonNode shipped(String path) throws IOException {
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:" + path)) {
            if (r.getURL().toString().contains("camunda-webapp-webjar")) {
                return read(r);
            }
        }
        throw new IllegalStateException("no " + path + " in the Camunda webjar");
    }

    private static JsonNode read(Resource r) throws IOException {
        try (InputStream in = r.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1); // Camunda's en.json files start with a byte-order mark
            }
            return JSON.readTree(text);
        }
    }

    private static Map<String, JsonNode> flatten(JsonNode root) {
        Map<String, JsonNode> flat = new TreeMap<>();
        flatten("", root, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> flat) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), flat);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), flat);
            }
        } else {
            flat.put(prefix, node);
        }
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDERS.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        found.sort(null);
        return found;
    }
}
