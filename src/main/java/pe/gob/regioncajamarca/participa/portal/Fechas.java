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

    public String hora(Instant instant) {
        return instant == null ? "—" : HORA.format(instant);
    }
}
