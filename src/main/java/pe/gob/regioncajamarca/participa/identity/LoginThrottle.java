package pe.gob.regioncajamarca.participa.identity;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles password guessing at the portal's login ({@code POST /login}): after {@code per-account} failed
 * logins of one document number, or {@code per-address} failed logins from one client address, within 15 minutes,
 * further attempts are turned away (to {@code /login?demasiados}, "Demasiados intentos") until the oldest failure
 * is 15 minutes old. A successful login clears its account's failures. The client address is Tomcat's remote
 * address, which honours X-Forwarded-For from a trusted proxy only (server.forward-headers-strategy: native).
 * Kept in memory, at most {@value #MAX_KEYS} keys (the least recently used go first): in a cluster each node
 * counts on its own, so an attacker spread over N nodes gets N times the attempts.
 */
@Component
public class LoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_KEYS = 10_000;

    private final int perAccount;
    private final int perAddress;
    private final RecentEvents failures = new RecentEvents(WINDOW, MAX_KEYS);

    public LoginThrottle(@Value("${participa.security.login-throttle.per-account:5}") int perAccount,
                         @Value("${participa.security.login-throttle.per-address:30}") int perAddress) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
    }

    public synchronized boolean blocked(String address, String account) {
        return recent("ip:" + address) >= perAddress || (account != null && recent("dni:" + account) >= perAccount);
    }

    public synchronized void failed(String address, String account) {
        Instant now = Instant.now();
        failures.add("ip:" + address, now);
        if (account != null) {
            failures.add("dni:" + account, now);
        }
    }

    public synchronized void succeeded(String account) {
        if (account != null) {
            failures.forget("dni:" + account);
        }
    }

    private int recent(String key) {
        return failures.count(key, Instant.now());
    }

    /** The filter in front of the portal's login form (see SecurityConfig). */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !"POST".equals(request.getMethod()) || !"/login".equals(request.getServletPath());
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                String address = request.getRemoteAddr();
                String raw = request.getParameter("username");
                String account = raw == null || raw.isBlank() ? null : raw.trim();
                if (account != null && account.length() > 20) {
                    account = account.substring(0, 20);
                }
                if (blocked(address, account)) {
                    response.sendRedirect(request.getContextPath() + "/login?demasiados");
                    return;
                }
                chain.doFilter(request, response);
                String location = response.getHeader("Location");
                if (location != null && location.contains("/login?error")) {
                    failed(address, account);
                } else if (response.getStatus() == HttpServletResponse.SC_FOUND) {
                    succeeded(account);
                }
            }
        };
    }
}
