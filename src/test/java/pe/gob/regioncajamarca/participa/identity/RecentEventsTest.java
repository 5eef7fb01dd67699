package pe.gob.regioncajamarca.participa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RecentEventsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void countsOnlyTheEventsWithinTheWindowPerKey() {
        RecentEvents events = new RecentEvents(Duration.ofMinutes(15), 100);
        events.add("ip:a", T0);
        events.add("ip:a", T0.plusSeconds(600));
        events.add("ip:b", T0.plusSeconds(60));
        assertThat(events.count("ip:a", T0.plusSeconds(700))).isEqualTo(2);
        // at 10:16 the event of 10:00 is older than 15 minutes; the one of 10:10 is not
        assertThat(events.count("ip:a", T0.plusSeconds(16 * 60))).isEqualTo(1);
        assertThat(events.count("ip:b", T0.plusSeconds(17 * 60))).isZero(); // 10:01 + 15 min < 10:17
        assertThat(events.count("ip:c", T0)).isZero();
        events.forget("ip:a");
        assertThat(events.count("ip:a", T0.plusSeconds(700))).isZero();
    }

    @Test
    void keepsAtMostTheGivenNumberOfKeysDroppingTheLeastRecentlyUsed() {
        RecentEvents events = new RecentEvents(Duration.ofHours(1), 2);
        events.add("a", T0);
        events.add("b", T0);
        events.count("a", T0); // "a" used again: "b" is now the least recently used
        events.add("c", T0);
        assertThat(events.count("a", T0)).isEqualTo(1);
        assertThat(events.count("b", T0)).isZero();
        assertThat(events.count("c", T0)).isEqualTo(1);
    }
}
