package pe.gob.regioncajamarca.participa.documents;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Moments as people in Cajamarca read them, in Lima time (templates: {@code @fechas.hora(instant)}). */
@Component("fechas")
public class Fechas {

    public static final ZoneId LIMA = ZoneId.of("America/Lima");
    private static final DateTimeFormatter HORA = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(LIMA);

    private static final DateTimeFormatter DIA = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter LARGA = DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy",
            new java.util.Locale("es", "PE"));

    public String dia(java.time.LocalDate day) {
        return day == null ? "—" : DIA.format(day);
    }

    /** "23 de noviembre de 2026", as written in an acta. */
    public String larga(java.time.LocalDate day) {
        return day == null ? "—" : LARGA.format(day);
    }

    public String larga(Instant instant) {
        return instant == null ? "—" : LARGA.format(instant.atZone(LIMA).toLocalDate());
    }

    public String hora(Instant instant) {
        return instant == null ? "—" : HORA.format(instant);
    }

    /** A moment of the engine (due dates, creation times) in Lima time, whatever the server's zone. */
    public String hora(java.util.Date date) {
        return date == null ? "—" : HORA.format(date.toInstant());
    }

    /** How long ago, in words: "hoy", "hace 1 día", "hace 12 días". */
    public String antiguedad(java.util.Date since, java.util.Date now) {
        if (since == null || now == null) {
            return "—";
        }
        long days = java.time.Duration.between(since.toInstant(), now.toInstant()).toDays();
        return days <= 0 ? "hoy" : days == 1 ? "hace 1 día" : "hace " + days + " días";
    }
}
