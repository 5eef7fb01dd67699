package pe.gob.regioncajamarca.participa.training;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import pe.gob.regioncajamarca.participa.calendar.BusinessCalendar;

/**
 * The sessions of an edition as the planning office types them in the Tasklist form, one per line:
 * {@code 2026-12-03 09:00 | Auditorio de la Sede Regional | Lic. Ana Vásquez}. The second part is a place or, when
 * it is a web address, the online link. Pure rules: every bad line is reported with its number and what to fix.
 */
final class SessionLines {

    public static final int MAX_SESSIONS = 40;
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final Pattern WHEN = Pattern.compile(
            "^(\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}/\\d{1,2}/\\d{4})\\s+(\\d{1,2}):(\\d{2})$");

    private SessionLines() {
    }

    /** One session: when it starts (Lima time), where (a place or an online link) and who facilitates it. */
    public record Session(LocalDateTime startsAt, String place, String onlineLink, String facilitator) {
        public String where() {
            return onlineLink != null ? onlineLink : place;
        }

        /** The line as typed back (the same format the parser reads). */
        public String line() {
            return startsAt.toLocalDate() + " " + startsAt.toLocalTime() + " | " + where() + " | " + facilitator;
        }

        public String shown() {
            return SHOWN.format(startsAt) + " · " + where() + " · " + facilitator;
        }
    }

    /**
     * The sessions of {@code text}, sorted by date; sessions must start after {@code today} and no two at the same
     * time. Throws {@link TrainingInvalid} listing every problem.
     */
    public static List<Session> parse(String text, LocalDate today) {
        List<String> errors = new ArrayList<>();
        List<Session> sessions = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\|", -1);
            if (parts.length != 3) {
                errors.add("Línea " + n + ": escriba tres partes separadas por «|»: fecha y hora | lugar o enlace | "
                        + "facilitador (por ejemplo «2026-12-03 09:00 | Auditorio de la Sede Regional | Lic. Ana Vásquez»).");
                continue;
            }
            LocalDateTime when = when(parts[0].strip(), n, errors);
            String where = parts[1].strip();
            String facilitator = parts[2].strip();
            if (where.isEmpty()) {
                errors.add("Línea " + n + ": falta el lugar o el enlace de la sesión (segunda parte).");
            } else if (where.length() > 300) {
                errors.add("Línea " + n + ": el lugar o enlace tiene más de 300 caracteres.");
            }
            boolean online = where.matches("(?i)^https?://\\S+$");
            if (!online && where.matches("(?i)^(https?:|www\\.).*")) {
                errors.add("Línea " + n + ": el enlace «" + where + "» no es válido; escríbalo completo, con https://.");
            }
            if (facilitator.isEmpty()) {
                errors.add("Línea " + n + ": falta el facilitador de la sesión (tercera parte).");
            } else if (facilitator.length() > 200) {
                errors.add("Línea " + n + ": el nombre del facilitador tiene más de 200 caracteres.");
            }
            if (when != null && today != null && !when.toLocalDate().isAfter(today)) {
                errors.add("Línea " + n + ": la sesión del " + SHOWN.format(when) + " no es posterior a hoy ("
                        + today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ").");
            }
            if (when != null && !where.isEmpty() && !facilitator.isEmpty()) {
                sessions.add(new Session(when, online ? null : where, online ? where : null, facilitator));
            }
        }
        if (sessions.isEmpty() && errors.isEmpty()) {
            errors.add("Escriba al menos una sesión: una por línea, con fecha y hora | lugar o enlace | facilitador.");
        }
        if (sessions.size() > MAX_SESSIONS) {
            errors.add("Una edición tiene como máximo " + MAX_SESSIONS + " sesiones; escribió " + sessions.size() + ".");
        }
        sessions.sort(Comparator.comparing(Session::startsAt));
        for (int i = 1; i < sessions.size(); i++) {
            if (sessions.get(i).startsAt().equals(sessions.get(i - 1).startsAt())) {
                errors.add("Hay dos sesiones el " + SHOWN.format(sessions.get(i).startsAt())
                        + ": cambie la fecha u hora de una de ellas.");
            }
        }
        if (!errors.isEmpty()) {
            throw new TrainingInvalid(errors);
        }
        return List.copyOf(sessions);
    }

    private static LocalDateTime when(String text, int n, List<String> errors) {
        Matcher m = WHEN.matcher(text);
        if (!m.matches()) {
            errors.add("Línea " + n + ": «" + text + "» no es una fecha y hora; escriba AAAA-MM-DD HH:MM, "
                    + "por ejemplo 2026-12-03 09:00.");
            return null;
        }
        LocalDate day;
        try {
            String d = m.group(1);
            if (d.contains("/")) {
                String[] p = d.split("/");
                day = LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
            } else {
                String[] p = d.split("-");
                day = LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            }
        } catch (java.time.DateTimeException e) {
            errors.add("Línea " + n + ": la fecha «" + m.group(1) + "» no existe en el calendario.");
            return null;
        }
        int hour = Integer.parseInt(m.group(2));
        int minute = Integer.parseInt(m.group(3));
        if (hour > 23 || minute > 59) {
            errors.add("Línea " + n + ": la hora «" + m.group(2) + ":" + m.group(3) + "» no es válida (de 00:00 a 23:59).");
            return null;
        }
        return LocalDateTime.of(day, LocalTime.of(hour, minute));
    }

    /**
     * The sessions planned on a day that is not a business day (weekend, national holiday, declared non-working
     * day), one Spanish line each ("Sesión 2, domingo 07/06/2026 09:00: domingo y feriado nacional: Batalla de
     * Arica y Día de la Bandera"). Not an error: the planning office confirms them (a Saturday workshop is
     * common); they are shown to it and to regional management, never accepted silently.
     */
    public static List<String> onNonWorkingDays(List<Session> sessions, BusinessCalendar calendar) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            Session s = sessions.get(i);
            int seq = i + 1;
            calendar.nonWorkingReason(s.startsAt().toLocalDate()).ifPresent(reason -> out.add("Sesión " + seq
                    + " (" + SHOWN.format(s.startsAt()) + "): " + reason));
        }
        return out;
    }

    /** The sessions as lines again (what the adjustment form shows). */
    public static String format(List<Session> sessions) {
        return String.join("\n", sessions.stream().map(Session::line).toList());
    }

}
