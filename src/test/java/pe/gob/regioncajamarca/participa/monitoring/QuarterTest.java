package pe.gob.regioncajamarca.participa.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The quarter rule of domain.md: a round collects the figures of the quarter that has just ended (the round opened in
 * October reports the third quarter), and its reports carry that quarter; a quarter can be reported once it ended.
 */
class QuarterTest {

    @ParameterizedTest(name = "a round opened on {0} reports {1}")
    @CsvSource({
            // the days the quarterly timer fires (1 Jan, 1 Apr, 1 Jul, 1 Oct) and the last day of the year
            "2027-01-01, 2026-Q4",
            "2026-04-01, 2026-Q1",
            "2026-07-01, 2026-Q2",
            "2026-10-01, 2026-Q3",
            "2026-12-31, 2026-Q3",
            // the day before each boundary: still the quarter before
            "2026-03-31, 2025-Q4",
            "2026-06-30, 2026-Q1",
            "2026-09-30, 2026-Q2",
            "2026-01-01, 2025-Q4",
            "2026-02-15, 2025-Q4",
    })
    void aRoundReportsTheQuarterThatHasJustEnded(LocalDate openedOn, String reported) {
        assertThat(Quarter.reportedBy(openedOn)).hasToString(reported);
        // and that quarter has ended on the day the round opens, the one the round opens in has not
        assertThat(Quarter.parse(reported).hasEndedBy(openedOn)).isTrue();
        assertThat(Quarter.containing(openedOn).hasEndedBy(openedOn)).isFalse();
    }

    @ParameterizedTest(name = "{0} ends on {1}")
    @CsvSource({"2026-Q1, 2026-03-31", "2026-Q2, 2026-06-30", "2026-Q3, 2026-09-30", "2026-Q4, 2026-12-31"})
    void aQuarterCanBeReportedFromTheDayAfterItsLastDay(String quarter, LocalDate lastDay) {
        Quarter q = Quarter.parse(quarter);
        assertThat(q.lastDay()).isEqualTo(lastDay);
        assertThat(q.hasEndedBy(lastDay)).as("on its last day").isFalse();
        assertThat(q.hasEndedBy(lastDay.plusDays(1))).as("the day after").isTrue();
        assertThat(q.next().firstDay()).isEqualTo(lastDay.plusDays(1));
        assertThat(Quarter.reportedBy(lastDay.plusDays(1))).isEqualTo(q);
    }

    @Test
    void theLabelIsParsedAndWrittenTheSameWay() {
        assertThat(Quarter.parse("2026-Q3")).isEqualTo(new Quarter(2026, 3));
        assertThat(Quarter.parse(" 2026-Q3 ")).hasToString("2026-Q3");
        assertThat(new Quarter(2026, 4).next()).hasToString("2027-Q1");
        assertThat(new Quarter(2027, 1).previous()).hasToString("2026-Q4");
        assertThat(new Quarter(2026, 3).months()).isEqualTo("julio a septiembre de 2026");
        assertThat(Quarter.parse("2026-Q2")).isLessThan(Quarter.parse("2026-Q3"));
        assertThat(Quarter.isValid("2026-Q5")).isFalse();
        assertThat(Quarter.isValid("2026Q3")).isFalse();
        assertThatThrownBy(() -> Quarter.parse("tercer trimestre"))
                .hasMessage("El trimestre debe tener la forma AAAA-Qn, por ejemplo 2026-Q3 (se leyó «tercer trimestre»).");
    }
}
