package pe.gob.regioncajamarca.participa.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the application: the domain and the engine read the same time. It is the engine's clock
 * ({@link ClockUtil}: the system time in production; tests move it), so that a vote's time, a record's creation, a
 * deadline computed by {@code ${plazos}} and the engine's timers and history all agree. Every "now" in main code
 * comes from here (a test in {@code architecture} fails on {@code Instant.now()} and its relatives elsewhere).
 */
public final class Now {

    /** Lima's zone, for business dates. */
    public static final ZoneId LIMA = ZoneId.of("America/Lima");

    private static final Clock CLOCK = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }

        @Override
        public Instant instant() {
            return Now.instant();
        }
    };

    private Now() {
    }

    public static Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static Date date() {
        return ClockUtil.getCurrentTime();
    }

    public static java.sql.Timestamp timestamp() {
        return java.sql.Timestamp.from(instant());
    }

    /** Today in Lima. */
    public static LocalDate today() {
        return LocalDate.ofInstant(instant(), LIMA);
    }

    /** This clock as a {@link Clock} (UTC), for APIs that take one. */
    public static Clock clock() {
        return CLOCK;
    }
}
