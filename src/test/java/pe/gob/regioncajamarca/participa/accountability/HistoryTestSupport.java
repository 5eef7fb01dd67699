package pe.gob.regioncajamarca.participa.accountability;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Base of the history tests: ten cycle years of their own (taken once per run from {@link #freeYear()}, clear of the
 * quarters the monitoring tests use) and the engine clock in the year after them, so that they are "the last ten".
 */
abstract class HistoryTestSupport extends ProcessTest {

    private static int first;

    @Autowired HistoryImport history;

    /** The first of the ten years; the current year (engine clock) is {@code first() + 10}. */
    static synchronized int first() {
        if (first == 0) {
            int candidate = freeYear();
            // real rounds exist in other tests: the quarterly timer's (this year and the next), the monitoring
            // tests' (2060-2062, 2075-2076, 2085-2087): keep the historical rounds away from them
            while (overlaps(candidate, 2025, 2028) || overlaps(candidate, 2060, 2062) || overlaps(candidate, 2075, 2076)
                    || overlaps(candidate, 2085, 2087)) {
                candidate = freeYear();
            }
            for (int i = 1; i < 10; i++) {
                if (freeYear() != candidate + i) {
                    throw new IllegalStateException("los años de prueba no son consecutivos");
                }
            }
            first = candidate;
        }
        return first;
    }

    private static boolean overlaps(int first, int from, int to) {
        return first + 9 >= from && first <= to;
    }

    @BeforeEach
    void clockInTheYearAfterTheHistory() {
        clockAt(LocalDate.of(first() + 10, 5, 15));
    }

    static HistoryImport.Upload csv(String name, String content) {
        return HistoryImport.Upload.of(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A CUI no other test uses (7 digits). */
    static String cui() {
        return String.valueOf(6000000 + unique());
    }

    static final String PROJECT_HEADER = "ciclo,cui,nombre,ambito,distritos,costo,funcion,unidad_ejecutora\n";
    static final String PROGRESS_HEADER = "ciclo,cui,trimestre,avance_fisico,devengado,pim,estado\n";
}
