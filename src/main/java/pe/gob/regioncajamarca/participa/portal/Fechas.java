package pe.gob.regioncajamarca.participa.portal;

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
}
