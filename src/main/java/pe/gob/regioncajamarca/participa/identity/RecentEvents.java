package pe.gob.regioncajamarca.participa.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts events per key (a client address, a document number) within a sliding window, in memory: the throttles'
 * common part. At most {@code maxKeys} keys are kept; the least recently used go first. Not thread-safe on its own:
 * the throttles call it from their synchronized methods.
 */
final class RecentEvents {

    private final Duration window;
    private final Map<String, Deque<Instant>> events;

    RecentEvents(Duration window, int maxKeys) {
        this.window = window;
        this.events = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** How many events of {@code key} happened within the window before {@code now}. */
    int count(String key, Instant now) {
        Deque<Instant> times = events.get(key);
        if (times == null) {
            return 0;
        }
        Instant since = now.minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
            times.pollFirst();
        }
        return times.size();
    }

    void add(String key, Instant at) {
        events.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(at);
    }

    void forget(String key) {
        events.remove(key);
    }
}
