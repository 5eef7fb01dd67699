package pe.gob.regioncajamarca.participa.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bean every BPMN model uses for due dates and deadline timers, as {@code ${plazos.habiles(3)}}:
 * the end of the working day (17:30, Lima) of the third business day after today, on the one clock ({@link Now},
 * the engine's) so that tests can move time. The same expression in a task's
 * {@code camunda:dueDate} and in its boundary timer's {@code timeDate} yields the same instant.
 */
@Component("plazos")
public class DueDates {

    public static final ZoneId LIMA = ZoneId.of("America/Lima");
    public static final LocalTime END_OF_WORKDAY = LocalTime.of(17, 30);

    private final BusinessCalendar calendar;

    public DueDates(@Value("${participa.calendar.declared-non-working-days:}") List<LocalDate> declared) {
        this.calendar = new BusinessCalendar(declared);
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    public LocalDate today() {
        return ZonedDateTime.ofInstant(Now.instant(), LIMA).toLocalDate();
    }

    /** End of the working day {@code days} business days from today. */
    public Date habiles(int days) {
        return endOfWorkday(calendar.plusBusinessDays(today(), days));
    }

    /** Reminder instant: end of the working day {@code before} business days before the deadline of {@code days}. */
    public Date recordatorio(int days, int before) {
        LocalDate due = calendar.plusBusinessDays(today(), days);
        return endOfWorkday(calendar.minusBusinessDays(due, before));
    }

    /** Reminder instant: end of the working day {@code before} business days before a deadline (Date or ISO date). */
    public Date antesDe(Object deadline, int before) {
        return endOfWorkday(calendar.minusBusinessDays(toLocalDate(deadline), before));
    }

    /** Start (00:00 Lima) of an ISO date given as text or as a {@link Date}: for phase timers. */
    public Date inicioDe(Object isoDate) {
        LocalDate d = toLocalDate(isoDate);
        return Date.from(d.atStartOfDay(LIMA).toInstant());
    }

    /** End (23:59:59 Lima) of an ISO date: for timers that close a window at the end of its last day. */
    public Date finDe(Object isoDate) {
        LocalDate d = toLocalDate(isoDate);
        return Date.from(d.atTime(23, 59, 59).atZone(LIMA).toInstant());
    }

    /** A deadline (Date or ISO date) as people read it, dd/MM/yyyy in Lima: for the text of a task's form. */
    public String dia(Object deadline) {
        return deadline == null ? "—" : java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                .format(toLocalDate(deadline));
    }

    public static Date endOfWorkday(LocalDate day) {
        return Date.from(day.atTime(END_OF_WORKDAY).atZone(LIMA).toInstant());
    }

    static LocalDate toLocalDate(Object value) {
        if (value instanceof LocalDate ld) {
            return ld;
        }
        if (value instanceof Date date) {
            return ZonedDateTime.ofInstant(date.toInstant(), LIMA).toLocalDate();
        }
        String s = String.valueOf(value).trim();
        return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    }
}
