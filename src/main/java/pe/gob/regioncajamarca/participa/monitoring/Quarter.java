package pe.gob.regioncajamarca.participa.monitoring;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter as the monitoring data mean it: the quarter whose figures a report carries ("2026-Q3" = July to
 * September 2026). The one place of the rule "a round reports the quarter that has just ended" (domain.md): the round
 * opened on 1 October 2026 reports {@code 2026-Q3}, the one opened in January 2027 reports {@code 2026-Q4}
 * ({@link #reportedBy}); a quarter can be reported (by a round or a history file) once it has ended
 * ({@link #hasEndedBy}). Rounds (business key, variable {@code trimestre}), reports, alerts, pages, the PDF and open
 * data ({@code quarter}) all carry this label.
 */
public record Quarter(int year, int number) implements Comparable<Quarter> {

    private static final Pattern TEXT = Pattern.compile("^([0-9]{4})-Q([1-4])$");
    private static final String[] MONTHS = {"enero a marzo", "abril a junio", "julio a septiembre",
            "octubre a diciembre"};

    public Quarter {
        if (year < 1000 || year > 9999 || number < 1 || number > 4) {
            throw new IllegalArgumentException("El trimestre debe tener la forma AAAA-Qn, por ejemplo 2026-Q3.");
        }
    }

    /** The quarter a day falls in (1 October 2026 → 2026-Q4). */
    public static Quarter containing(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /**
     * The quarter whose figures a round opened on {@code openedOn} collects: the one that has just ended
     * (1 October 2026 → 2026-Q3; 1 January 2027 → 2026-Q4).
     */
    public static Quarter reportedBy(LocalDate openedOn) {
        return containing(openedOn).previous();
    }

    /** "2026-Q3" → the quarter; a Spanish message that says how to write it otherwise. */
    public static Quarter parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "El trimestre debe tener la forma AAAA-Qn, por ejemplo 2026-Q3 (se leyó «" + text + "»)."));
    }

    public static Optional<Quarter> tryParse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.trim());
        return m.matches() ? Optional.of(new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    public static boolean isValid(String text) {
        return tryParse(text).isPresent();
    }

    public Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    public Quarter next() {
        return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    /** Whether the quarter is over on {@code day} (its figures can be reported): it ended before that day. */
    public boolean hasEndedBy(LocalDate day) {
        return lastDay().isBefore(day);
    }

    /** "julio a septiembre de 2026": what the quarter covers, for people. */
    public String months() {
        return MONTHS[number - 1] + " de " + year;
    }

    @Override
    public int compareTo(Quarter other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(number, other.number);
    }

    /** "2026-Q3": the label stored, shown and published (open data's {@code quarter}). */
    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
