package pe.gob.regioncajamarca.participa.portal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Messages that the services write in Spanish (lists of form errors, notices after an action) shown in the
 * citizen's language, the way gettext does: the Spanish sentence is the identifier. Every key under {@code err.} in
 * messages_es.properties is a Spanish sentence the code produces, with {@code {0}}, {@code {1}} ... for its variable
 * parts (a file name, a year); {@link #of} finds the key whose sentence matches and returns the same key in the
 * request's language with the same variable parts. A sentence that matches no key is shown as it is (Spanish), so a
 * new message the code adds is never lost, only untranslated until it gets its key. Used from the templates:
 * {@code th:text="${@textos.of(e, #locale)}"}.
 */
@Component("textos")
public class PortalTexts {

    private record Known(String key, Pattern pattern, int[] argIndexes) {
    }

    private static final Pattern ARG = Pattern.compile("\\{(\\d+)\\}");

    private final MessageSource messages;
    private final List<Known> known = new ArrayList<>();

    PortalTexts(MessageSource messages) {
        this.messages = messages;
        Properties spanish = new Properties();
        try (Reader r = new InputStreamReader(new ClassPathResource("messages_es.properties").getInputStream(),
                StandardCharsets.UTF_8)) {
            spanish.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        spanish.stringPropertyNames().stream().filter(k -> k.startsWith("err.")).sorted().forEach(k -> {
            String sentence = spanish.getProperty(k).replace("''", "'");
            StringBuilder regex = new StringBuilder("^");
            List<Integer> indexes = new ArrayList<>();
            Matcher m = ARG.matcher(sentence);
            int from = 0;
            while (m.find()) {
                regex.append(Pattern.quote(sentence.substring(from, m.start()))).append("(.+?)");
                indexes.add(Integer.parseInt(m.group(1)));
                from = m.end();
            }
            regex.append(Pattern.quote(sentence.substring(from))).append('$');
            known.add(new Known(k, Pattern.compile(regex.toString(), Pattern.DOTALL),
                    indexes.stream().mapToInt(Integer::intValue).toArray()));
        });
    }

    /** The Spanish sentence in the given language (as it is in Spanish, or when no key matches). */
    public String of(Object spanish, Locale locale) {
        if (spanish == null) {
            return null;
        }
        String text = spanish.toString();
        if (locale == null || "es".equals(locale.getLanguage())) {
            return text;
        }
        for (Known k : known) {
            Matcher m = k.pattern().matcher(text);
            if (m.matches()) {
                int max = 0;
                for (int i : k.argIndexes()) {
                    max = Math.max(max, i + 1);
                }
                Object[] args = new Object[max];
                for (int g = 0; g < k.argIndexes().length; g++) {
                    args[k.argIndexes()[g]] = m.group(g + 1);
                }
                return messages.getMessage(k.key(), args.length == 0 ? null : args, text, locale);
            }
        }
        return text;
    }
}
