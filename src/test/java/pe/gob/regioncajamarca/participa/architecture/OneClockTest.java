package pe.gob.regioncajamarca.participa.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One clock for the domain and the engine: main code reads the time through {@code calendar.Now} (the engine's
 * clock), never from the system clock directly, so that what a record says happened agrees with the engine's
 * timers, due dates and history, and a test that moves the engine's clock moves everything.
 */
class OneClockTest {

    private static final Path MAIN = Path.of("src/main/java/pe/gob/regioncajamarca/participa");
    private static final Pattern OTHER_CLOCK = Pattern.compile(
            "\\b(Instant|LocalDate|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|Year|YearMonth)\\.now\\("
                    + "|\\bClockUtil\\b|System\\.currentTimeMillis\\(\\)|new (java\\.util\\.)?Date\\(\\)"
                    + "|Clock\\.system(UTC|DefaultZone)?\\(");

    @Test
    void mainCodeReadsTheTimeOnlyThroughNow() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.endsWith(Path.of("calendar", "Now.java"))) {
                    continue;
                }
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                        continue;
                    }
                    Matcher m = OTHER_CLOCK.matcher(line);
                    if (m.find()) {
                        found.add(MAIN.relativize(f) + ":" + (i + 1) + " " + m.group());
                    }
                }
            }
        }
        assertThat(found).as("reads of a clock other than calendar.Now").isEmpty();
    }
}
