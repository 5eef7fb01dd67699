package pe.gob.regioncajamarca.participa.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Business days of the Peruvian public administration: weekends, national holidays (fixed dates plus
 * Holy Thursday and Good Friday) and the non-working days the government declares are not business days.
 * Pure domain logic, no Spring or Camunda: see {@link DueDates} for the bean the processes use.
 */
public final class BusinessCalendar {

    /** Fixed-date national holidays of Peru (domain.md). */
    public static final List<MonthDay> FIXED_HOLIDAYS = List.of(
            MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(6, 7), MonthDay.of(6, 29),
            MonthDay.of(7, 23), MonthDay.of(7, 28), MonthDay.of(7, 29), MonthDay.of(8, 6),
            MonthDay.of(8, 30), MonthDay.of(10, 8), MonthDay.of(11, 1), MonthDay.of(12, 8),
            MonthDay.of(12, 9), MonthDay.of(12, 25));

    /** The names of the fixed-date holidays, as the planning office reads them in a warning. */
    private static final java.util.Map<MonthDay, String> HOLIDAY_NAMES = java.util.Map.ofEntries(
            java.util.Map.entry(MonthDay.of(1, 1), "Año Nuevo"),
            java.util.Map.entry(MonthDay.of(5, 1), "Día del Trabajo"),
            java.util.Map.entry(MonthDay.of(6, 7), "Batalla de Arica y Día de la Bandera"),
            java.util.Map.entry(MonthDay.of(6, 29), "San Pedro y San Pablo"),
            java.util.Map.entry(MonthDay.of(7, 23), "Día de la Fuerza Aérea del Perú"),
            java.util.Map.entry(MonthDay.of(7, 28), "Fiestas Patrias"),
            java.util.Map.entry(MonthDay.of(7, 29), "Fiestas Patrias"),
            java.util.Map.entry(MonthDay.of(8, 6), "Batalla de Junín"),
            java.util.Map.entry(MonthDay.of(8, 30), "Santa Rosa de Lima"),
            java.util.Map.entry(MonthDay.of(10, 8), "Combate de Angamos"),
            java.util.Map.entry(MonthDay.of(11, 1), "Todos los Santos"),
            java.util.Map.entry(MonthDay.of(12, 8), "Inmaculada Concepción"),
            java.util.Map.entry(MonthDay.of(12, 9), "Batalla de Ayacucho"),
            java.util.Map.entry(MonthDay.of(12, 25), "Navidad"));

    private final Set<LocalDate> declaredNonWorkingDays;

    public BusinessCalendar(Collection<LocalDate> declaredNonWorkingDays) {
        this.declaredNonWorkingDays = Set.copyOf(new HashSet<>(declaredNonWorkingDays));
    }

    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return false;
        }
        if (FIXED_HOLIDAYS.contains(MonthDay.from(date))) {
            return false;
        }
        LocalDate easter = easterSunday(date.getYear());
        if (date.equals(easter.minusDays(3)) || date.equals(easter.minusDays(2))) {
            return false; // Holy Thursday, Good Friday
        }
        return !declaredNonWorkingDays.contains(date);
    }

    /**
     * Why {@code date} is not a business day, in Spanish ("domingo", "feriado nacional: Navidad", "sábado y feriado
     * nacional: Día de la Bandera", "día no laborable declarado"), or empty when it is one.
     */
    public java.util.Optional<String> nonWorkingReason(LocalDate date) {
        List<String> reasons = new java.util.ArrayList<>();
        DayOfWeek dow = date.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY) {
            reasons.add("sábado");
        } else if (dow == DayOfWeek.SUNDAY) {
            reasons.add("domingo");
        }
        String holiday = HOLIDAY_NAMES.get(MonthDay.from(date));
        LocalDate easter = easterSunday(date.getYear());
        if (date.equals(easter.minusDays(3))) {
            holiday = "Jueves Santo";
        } else if (date.equals(easter.minusDays(2))) {
            holiday = "Viernes Santo";
        }
        if (holiday != null) {
            reasons.add("feriado nacional: " + holiday);
        } else if (declaredNonWorkingDays.contains(date)) {
            reasons.add("día no laborable declarado");
        }
        return reasons.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(String.join(" y ", reasons));
    }

    /**
     * The date {@code days} business days after {@code start} (start itself does not count). With
     * {@code days == 0}, the start date if it is a business day, else the next business day.
     */
    public LocalDate plusBusinessDays(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must be >= 0: " + days);
        }
        LocalDate d = start;
        if (days == 0) {
            while (!isBusinessDay(d)) {
                d = d.plusDays(1);
            }
            return d;
        }
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (isBusinessDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** The business day {@code days} business days before {@code date} (for reminders). */
    public LocalDate minusBusinessDays(LocalDate date, int days) {
        LocalDate d = date;
        int left = days;
        while (left > 0) {
            d = d.minusDays(1);
            if (isBusinessDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** Number of business days d with from < d <= to. */
    public int businessDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isBusinessDay(d)) {
                n++;
            }
        }
        return n;
    }

    /** Easter Sunday (Gregorian), anonymous algorithm (Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
