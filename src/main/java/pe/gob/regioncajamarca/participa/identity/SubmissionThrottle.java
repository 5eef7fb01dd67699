package pe.gob.regioncajamarca.participa.identity;

import pe.gob.regioncajamarca.participa.calendar.Now;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Throttles the portal's forms that create accounts or send mail (issue #9, next to {@link LoginThrottle}): at most
 * {@code registrations-per-address} agent registrations that create or extend an account per client address and
 * hour ({@code /agentes/inscripcion}), and at most {@code resets-per-account} password links per document number
 * and {@code resets-per-address} per client address and hour ({@code /acceso/recuperar}). Beyond that the page
 * answers 429 with a Spanish (or English) message and does nothing. The client address is Tomcat's remote address
 * (X-Forwarded-For honoured from a trusted proxy only). Kept in memory like {@link LoginThrottle}: per node, reset by a
 * restart, at most {@value #MAX_KEYS} keys.
 */
@Component
public class SubmissionThrottle {

    static final Duration WINDOW = Duration.ofHours(1);
    static final int MAX_KEYS = 10_000;

    private volatile int registrationsPerAddress;
    private volatile int resetsPerAccount;
    private volatile int resetsPerAddress;
    private final RecentEvents events = new RecentEvents(WINDOW, MAX_KEYS);

    public SubmissionThrottle(
            @Value("${participa.security.registration-throttle.per-address:20}") int registrationsPerAddress,
            @Value("${participa.security.reset-throttle.per-account:3}") int resetsPerAccount,
            @Value("${participa.security.reset-throttle.per-address:10}") int resetsPerAddress) {
        this.registrationsPerAddress = registrationsPerAddress;
        this.resetsPerAccount = resetsPerAccount;
        this.resetsPerAddress = resetsPerAddress;
    }

    /** Whether one more registration from {@code address} is allowed now (it is not counted yet). */
    public synchronized boolean registrationAllowed(String address) {
        return recent("reg-ip:" + address) < registrationsPerAddress;
    }

    /** Counts a registration that was stored. */
    public synchronized void registered(String address) {
        events.add("reg-ip:" + address, Now.instant());
    }

    /**
     * Whether a password link may be requested now for {@code document} from {@code address}; if so, the request is
     * counted (whether or not the document has an account: the answer must not tell).
     */
    public synchronized boolean resetRequest(String address, String document) {
        String doc = document == null ? "" : document.strip();
        if (doc.length() > 20) {
            doc = doc.substring(0, 20);
        }
        if (recent("reset-ip:" + address) >= resetsPerAddress
                || !doc.isEmpty() && recent("reset-dni:" + doc) >= resetsPerAccount) {
            return false;
        }
        Instant now = Now.instant();
        events.add("reset-ip:" + address, now);
        if (!doc.isEmpty()) {
            events.add("reset-dni:" + doc, now);
        }
        return true;
    }

    /** Limits as the configuration set them, changeable at run time (tests, or an operator through a bean). */
    public void setRegistrationsPerAddress(int limit) {
        registrationsPerAddress = limit;
    }

    public int registrationsPerAddress() {
        return registrationsPerAddress;
    }

    public void setResetLimits(int perAccount, int perAddress) {
        resetsPerAccount = perAccount;
        resetsPerAddress = perAddress;
    }

    public int resetsPerAccount() {
        return resetsPerAccount;
    }

    public int resetsPerAddress() {
        return resetsPerAddress;
    }

    private int recent(String key) {
        return events.count(key, Now.instant());
    }
}
