package pe.gob.regioncajamarca.participa.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The portal's two languages stay complete: messages_es and messages_en have the same keys, every literal
 * {@code #{key}} used by a template exists in both, and no template outside mail/, pdf/, staff/ and demo/ (which stay
 * Spanish only) is left with a key missing. Keys built at run time ({@code #{${...}}}) are checked by the tests of
 * the pages that build them.
 */
class MessagesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)");

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void spanishAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> es = new TreeSet<>(load("messages_es.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
        Set<String> onlySpanish = new TreeSet<>(es);
        onlySpanish.removeAll(en);
        Set<String> onlyEnglish = new TreeSet<>(en);
        onlyEnglish.removeAll(es);
        assertThat(onlySpanish).as("keys missing in messages_en.properties").isEmpty();
        assertThat(onlyEnglish).as("keys missing in messages_es.properties").isEmpty();
    }

    @Test
    void everyKeyUsedInATemplateExistsInBothLanguages() throws IOException {
        Properties es = load("messages_es.properties");
        Properties en = load("messages_en.properties");
        Set<String> used = new TreeSet<>();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = KEY.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                    if (!es.containsKey(m.group(1)) || !en.containsKey(m.group(1))) {
                        missing.add(RESOURCES.resolve("templates").relativize(f) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(300);
        assertThat(missing).isEmpty();
    }

    @Test
    void messagesWithArgumentsDoubleTheirApostrophes() throws IOException {
        // MessageFormat reads a single ' as the start of a quoted part: "don't {0}" would lose its argument
        for (String name : new String[] {"messages_es.properties", "messages_en.properties"}) {
            Properties p = load(name);
            for (String key : p.stringPropertyNames()) {
                String v = p.getProperty(key);
                if (v.matches("(?s).*\\{\\d.*")) {
                    assertThat(v.replace("''", "")).as(name + " " + key).doesNotContain("'");
                }
            }
        }
    }

    @Test
    void citizenTemplatesHaveNoSpanishLeftOutsideMessageKeys() throws IOException {
        // a rough check: text right after an opening tag without th:text/th:utext, or right after a closing tag
        Pattern literal = Pattern.compile("<(\\w+)((?:(?!th:text|th:utext)[^>])*)>\\s*([A-Za-zÁÉÍÓÚáéíóúñÑ¿¡][^<]{3,})<");
        Pattern afterClosing = Pattern.compile("</(\\w+)>()\\s*([^<]*[A-Za-zÁÉÍÓÚáéíóúñÑ¿¡]{3,}[^<]*)<");
        Set<String> left = new TreeSet<>();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String rel = RESOURCES.resolve("templates").relativize(f).toString().replace('\\', '/');
                if (rel.matches("(mail|pdf|staff|demo)/.*") || STAFF_ONLY.contains(rel)) {
                    continue;
                }
                String html = Files.readString(f);
                for (Pattern p : List.of(literal, afterClosing)) {
                    Matcher m = p.matcher(html);
                    while (m.find()) {
                        if (!Set.of("title", "script", "style").contains(m.group(1))
                                && !NAMES.contains(m.group(3).strip())) {
                            left.add(rel + ": " + m.group(3).strip());
                        }
                    }
                }
            }
        }
        assertThat(left).isEmpty();
    }

    @Test
    void everySentenceTheCodeWritesInSpanishIsFoundAndShownInEnglish() throws IOException {
        org.springframework.context.support.ResourceBundleMessageSource source =
                new org.springframework.context.support.ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        PortalTexts texts = new PortalTexts(source);
        Properties es = load("messages_es.properties");
        Properties en = load("messages_en.properties");
        Object[] args = {"informe «final».pdf", "2100", "3"};
        int checked = 0;
        for (String key : es.stringPropertyNames()) {
            if (key.startsWith("err.")) {
                String spanish = new java.text.MessageFormat(es.getProperty(key), java.util.Locale.ROOT).format(args);
                String english = new java.text.MessageFormat(en.getProperty(key), java.util.Locale.ROOT).format(args);
                assertThat(texts.of(spanish, java.util.Locale.ENGLISH)).as(key).isEqualTo(english);
                assertThat(texts.of(spanish, java.util.Locale.forLanguageTag("es-PE"))).isEqualTo(spanish);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(40);
        assertThat(texts.of("Una frase nueva sin clave.", java.util.Locale.ENGLISH)).isEqualTo("Una frase nueva sin clave.");
    }

    /** Names that read the same in both languages. */
    static final Set<String> NAMES = Set.of("Caxamarca", "Tasklist", "pabulib");

    /** Pages under /personal that live in a module's folder: staff pages stay Spanish only. */
    static final Set<String> STAFF_ONLY = Set.of("accountability/historial.html", "complaints/denunciante.html",
            "monitoring/evidencias.html", "news/personal-editar.html", "news/personal-lista.html", "oversight/comite.html",
            "oversight/reporte-personal.html", "training/personal.html", "voting/talleres.html",
            "investments/inversiones.html",
            "voting/cedula.html");
}
