package pe.gob.regioncajamarca.participa.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hand-computed examples (calendars of 2026 and 2027 checked by hand). */
class BusinessCalendarTest {

    private final BusinessCalendar calendar = new BusinessCalendar(List.of());

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void easterSundayOfKnownYears() {
        assertThat(BusinessCalendar.easterSunday(2000)).isEqualTo(LocalDate.of(2000, 4, 23));
        assertThat(BusinessCalendar.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(BusinessCalendar.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(BusinessCalendar.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(BusinessCalendar.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(BusinessCalendar.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    }

    @Test
    void holyWeekIsSkipped() {
        // Wed 1 Apr 2026 + 1: Thu 2 and Fri 3 are Holy Thursday and Good Friday, then the weekend
        assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 4, 1), 1)).isEqualTo(LocalDate.of(2026, 4, 6));
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 4, 2))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 4, 3))).isFalse();
        // 2027: Easter 28 Mar, so Thu 25 and Fri 26 Mar are holidays
        assertThat(calendar.plusBusinessDays(LocalDate.of(2027, 3, 24), 1)).isEqualTo(LocalDate.of(2027, 3, 29));
    }

    @Test
    void yearEndIsSkipped() {
        // Thu 24 Dec 2026: Fri 25 is Christmas, then the weekend
        assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 12, 24), 1)).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 12, 24), 3)).isEqualTo(LocalDate.of(2026, 12, 30));
        // Thu 31 Dec 2026: Fri 1 Jan 2027 is New Year, then the weekend
        assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 4));
        // Mon 7 Dec 2026: 8 and 9 Dec are holidays
        assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 12, 7), 1)).isEqualTo(LocalDate.of(2026, 12, 10));
    }

    @Test
    void nationalDaysInJuly() {
        // Wed 22 Jul 2026; Thu 23, Tue 28 and Wed 29 Jul are holidays
        LocalDate start = LocalDate.of(2026, 7, 22);
        assertThat(calendar.plusBusinessDays(start, 1)).isEqualTo(LocalDate.of(2026, 7, 24));
        assertThat(calendar.plusBusinessDays(start, 2)).isEqualTo(LocalDate.of(2026, 7, 27));
        assertThat(calendar.plusBusinessDays(start, 3)).isEqualTo(LocalDate.of(2026, 7, 30));
        assertThat(calendar.businessDaysBetween(start, LocalDate.of(2026, 7, 30))).isEqualTo(3);
    }

    /** Issue 21: a deadline that crosses 1 May, 7 June or 29 June, from the day before each (a weekday that year). */
    @Test
    void labourDayIsSkipped() {
        // Thu 30 Apr 2026; Fri 1 May is a holiday, then the weekend
        LocalDate start = LocalDate.of(2026, 4, 30);
        assertThat(calendar.plusBusinessDays(start, 1)).isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(calendar.plusBusinessDays(start, 2)).isEqualTo(LocalDate.of(2026, 5, 5));
        assertThat(calendar.plusBusinessDays(start, 10)).isEqualTo(LocalDate.of(2026, 5, 15));
        assertThat(calendar.plusBusinessDays(start, 15)).isEqualTo(LocalDate.of(2026, 5, 22));
        assertThat(calendar.minusBusinessDays(LocalDate.of(2026, 5, 4), 1)).isEqualTo(start);
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 5, 1))).isFalse();
    }

    @Test
    void flagDayOfTheSeventhOfJuneIsSkipped() {
        // Tue 6 Jun 2028; Wed 7 June is a holiday
        LocalDate start = LocalDate.of(2028, 6, 6);
        assertThat(calendar.plusBusinessDays(start, 1)).isEqualTo(LocalDate.of(2028, 6, 8));
        assertThat(calendar.plusBusinessDays(start, 2)).isEqualTo(LocalDate.of(2028, 6, 9));
        assertThat(calendar.plusBusinessDays(start, 10)).isEqualTo(LocalDate.of(2028, 6, 21));
        assertThat(calendar.plusBusinessDays(start, 15)).isEqualTo(LocalDate.of(2028, 6, 28));
        // Fri 4 Jun 2027; Mon 7 June 2027 is the holiday: two business days end on Wed 9 June, ten on Mon 21 June
        assertThat(calendar.plusBusinessDays(LocalDate.of(2027, 6, 4), 2)).isEqualTo(LocalDate.of(2027, 6, 9));
        assertThat(calendar.plusBusinessDays(LocalDate.of(2027, 6, 4), 10)).isEqualTo(LocalDate.of(2027, 6, 21));
        assertThat(calendar.businessDaysBetween(LocalDate.of(2027, 6, 4), LocalDate.of(2027, 6, 9))).isEqualTo(2);
        assertThat(calendar.isBusinessDay(LocalDate.of(2028, 6, 7))).isFalse();
    }

    @Test
    void saintPeterAndSaintPaulIsSkipped() {
        // Mon 28 Jun 2027; Tue 29 June is a holiday
        LocalDate start = LocalDate.of(2027, 6, 28);
        assertThat(calendar.plusBusinessDays(start, 1)).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(calendar.plusBusinessDays(start, 2)).isEqualTo(LocalDate.of(2027, 7, 1));
        assertThat(calendar.plusBusinessDays(start, 10)).isEqualTo(LocalDate.of(2027, 7, 13));
        assertThat(calendar.plusBusinessDays(start, 15)).isEqualTo(LocalDate.of(2027, 7, 20));
        // the cap of an extension: 20 business days after Mon 21 Jun 2027 is Tue 20 July (29 June skipped)
        assertThat(calendar.plusBusinessDays(LocalDate.of(2027, 6, 21), 20)).isEqualTo(LocalDate.of(2027, 7, 20));
        assertThat(calendar.isBusinessDay(LocalDate.of(2027, 6, 29))).isFalse();
    }

    @Test
    void dueDatesAcrossTheJuneHolidaysEndAtTheEndOfTheWorkday() {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2028, 6, 6, 9, 0, 0, 0, DueDates.LIMA).toInstant()));
        DueDates plazos = new DueDates(List.of());
        assertThat(plazos.habiles(2).toInstant())
                .isEqualTo(ZonedDateTime.of(2028, 6, 9, 17, 30, 0, 0, DueDates.LIMA).toInstant());
        assertThat(plazos.habiles(10).toInstant())
                .isEqualTo(ZonedDateTime.of(2028, 6, 21, 17, 30, 0, 0, DueDates.LIMA).toInstant());
        // reminder two business days before Tue 13 Jul 2027: Fri 9 July
        assertThat(plazos.antesDe(LocalDate.of(2027, 7, 13), 2).toInstant())
                .isEqualTo(ZonedDateTime.of(2027, 7, 9, 17, 30, 0, 0, DueDates.LIMA).toInstant());
        // one business day before Wed 30 Jun 2027 is Mon 28 June, not the holiday of the 29th
        assertThat(plazos.antesDe(LocalDate.of(2027, 6, 30), 1).toInstant())
                .isEqualTo(ZonedDateTime.of(2027, 6, 28, 17, 30, 0, 0, DueDates.LIMA).toInstant());
    }

    @Test
    void declaredNonWorkingDaysAreSkipped() {
        BusinessCalendar withDeclared = new BusinessCalendar(List.of(LocalDate.of(2026, 12, 28)));
        assertThat(withDeclared.plusBusinessDays(LocalDate.of(2026, 12, 24), 1)).isEqualTo(LocalDate.of(2026, 12, 29));
    }

    @Test
    void zeroDaysMeansTodayOrNextBusinessDay() {
        assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 11, 23), 0)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 11, 22), 0)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThatThrownBy(() -> calendar.plusBusinessDays(LocalDate.of(2026, 11, 22), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reminderIsBusinessDaysBeforeTheDeadline() {
        // Mon 23 Nov 2026 + 10 business days = Mon 7 Dec; 3 business days before = Wed 2 Dec
        assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 11, 23), 10)).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(calendar.minusBusinessDays(LocalDate.of(2026, 12, 7), 3)).isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void dueDatesFollowTheEngineClockAndEndAtTheEndOfTheWorkday() {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 4, 1, 10, 0, 0, 0, DueDates.LIMA).toInstant()));
        DueDates plazos = new DueDates(List.of());
        assertThat(plazos.habiles(1).toInstant())
                .isEqualTo(ZonedDateTime.of(2026, 4, 6, 17, 30, 0, 0, DueDates.LIMA).toInstant());
        // due Fri 17 Apr (10 business days), reminder 3 business days before: Tue 14 Apr
        assertThat(plazos.recordatorio(10, 3).toInstant())
                .isEqualTo(ZonedDateTime.of(2026, 4, 14, 17, 30, 0, 0, DueDates.LIMA).toInstant());
        assertThat(plazos.finDe("2026-05-10").toInstant())
                .isEqualTo(ZonedDateTime.of(2026, 5, 10, 23, 59, 59, 0, DueDates.LIMA).toInstant());
        assertThat(plazos.inicioDe("2026-05-10").toInstant())
                .isEqualTo(ZonedDateTime.of(2026, 5, 10, 0, 0, 0, 0, DueDates.LIMA).toInstant());
    }

    @Test
    void aNonWorkingDayTellsWhyInSpanish() {
        BusinessCalendar withDeclared = new BusinessCalendar(List.of(LocalDate.of(2026, 6, 8)));
        assertThat(withDeclared.nonWorkingReason(LocalDate.of(2026, 6, 7)))
                .contains("domingo y feriado nacional: Batalla de Arica y Día de la Bandera");
        assertThat(withDeclared.nonWorkingReason(LocalDate.of(2026, 6, 6))).contains("sábado");
        assertThat(withDeclared.nonWorkingReason(LocalDate.of(2026, 6, 29))).contains("feriado nacional: San Pedro y San Pablo");
        assertThat(withDeclared.nonWorkingReason(LocalDate.of(2026, 4, 2))).contains("feriado nacional: Jueves Santo");
        assertThat(withDeclared.nonWorkingReason(LocalDate.of(2026, 4, 3))).contains("feriado nacional: Viernes Santo");
        assertThat(withDeclared.nonWorkingReason(LocalDate.of(2026, 6, 8))).contains("día no laborable declarado");
        assertThat(withDeclared.nonWorkingReason(LocalDate.of(2026, 6, 9))).isEmpty();
    }

    @Test
    void theReasonAgreesWithTheBusinessDaysEveryDayOfTwoYears() {
        BusinessCalendar withDeclared = new BusinessCalendar(List.of(LocalDate.of(2026, 6, 8), LocalDate.of(2027, 11, 2)));
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.isBefore(LocalDate.of(2028, 1, 1)); d = d.plusDays(1)) {
            assertThat(withDeclared.nonWorkingReason(d).isEmpty()).as(d.toString()).isEqualTo(withDeclared.isBusinessDay(d));
        }
    }
}
