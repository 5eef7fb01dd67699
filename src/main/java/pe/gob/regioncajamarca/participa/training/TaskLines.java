package pe.gob.regioncajamarca.participa.training;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What staff type in the Tasklist forms of an edition: the numbers of the absent people of a session, the marks of
 * the evaluation ({@code número | nota}) and the materials ({@code título | enlace}). Pure rules with Spanish messages.
 */
final class TaskLines {

    private TaskLines() {
    }

    /** The enrolment numbers in {@code text} (commas, semicolons or spaces); each must be one of {@code enrolled}. */
    public static Set<Long> absentNumbers(String text, Set<Long> enrolled) {
        Set<Long> absent = new LinkedHashSet<>();
        List<String> errors = new ArrayList<>();
        if (text != null) {
            for (String token : text.split("[\\s,;]+")) {
                if (token.isBlank()) {
                    continue;
                }
                if (!token.matches("\\d{1,12}")) {
                    errors.add("«" + token + "» no es un número de la lista: escriba solo números separados por comas.");
                    continue;
                }
                long n = Long.parseLong(token);
                if (!enrolled.contains(n)) {
                    errors.add("El número " + n + " no corresponde a ninguna persona inscrita en esta edición.");
                } else {
                    absent.add(n);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new TrainingInvalid(errors);
        }
        return absent;
    }

    /** The marks of {@code text}, one line each: {@code número | nota} (0 to 20, comma or point as decimal mark). */
    public static Map<Long, BigDecimal> marks(String text, Set<Long> enrolled) {
        Map<Long, BigDecimal> marks = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        int n = 0;
        for (String raw : text == null ? new String[0] : text.split("\\R")) {
            n++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("[|\\t]", -1);
            if (parts.length != 2) {
                errors.add("Línea " + n + ": escriba número | nota, por ejemplo «12 | 15,5».");
                continue;
            }
            String number = parts[0].strip();
            String mark = parts[1].strip().replace(',', '.');
            if (!number.matches("\\d{1,12}") || !enrolled.contains(Long.parseLong(number))) {
                errors.add("Línea " + n + ": «" + number + "» no es el número de una persona inscrita en esta edición.");
                continue;
            }
            if (!mark.matches("\\d{1,2}(\\.\\d)?")) {
                errors.add("Línea " + n + ": la nota «" + parts[1].strip() + "» no es válida; escriba un número de 0 a 20 "
                        + "con un decimal como máximo.");
                continue;
            }
            BigDecimal value = new BigDecimal(mark);
            if (value.compareTo(BigDecimal.valueOf(20)) > 0) {
                errors.add("Línea " + n + ": la nota " + parts[1].strip() + " es mayor que 20.");
                continue;
            }
            if (marks.put(Long.parseLong(number), value) != null) {
                errors.add("Línea " + n + ": la persona " + number + " ya tiene nota en otra línea.");
            }
        }
        if (!errors.isEmpty()) {
            throw new TrainingInvalid(errors);
        }
        return marks;
    }

    public record Material(String title, String url) {
    }

    /** The materials of {@code text}, one line each: {@code título | https://...}. */
    public static List<Material> materials(String text) {
        List<Material> materials = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int n = 0;
        for (String raw : text == null ? new String[0] : text.split("\\R")) {
            n++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            int bar = line.lastIndexOf('|');
            if (bar < 0) {
                errors.add("Línea " + n + ": escriba título | enlace, por ejemplo «Afiche | https://...».");
                continue;
            }
            String title = line.substring(0, bar).strip();
            String url = line.substring(bar + 1).strip();
            if (title.isEmpty() || title.length() > 200) {
                errors.add("Línea " + n + ": el título del material va antes de «|» (hasta 200 caracteres).");
            }
            if (!url.matches("(?i)^https?://[^\\s\"'<>]+$") || url.length() > 500) {
                errors.add("Línea " + n + ": el enlace «" + url + "» no es válido; escríbalo completo, con https://.");
            }
            materials.add(new Material(title, url));
        }
        if (materials.size() > 30) {
            errors.add("Como máximo 30 materiales por edición.");
        }
        if (!errors.isEmpty()) {
            throw new TrainingInvalid(errors);
        }
        return materials;
    }
}
