package pe.gob.regioncajamarca.participa.identity;

import pe.gob.regioncajamarca.participa.calendar.Now;

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
 * <p>
 * Staff logins (issue 20: HTTP Basic at {@code /engine-rest}, the webapps' login
 * {@code POST /camunda/api/admin/auth/user/{engine}/login/{app}} and {@code POST /personal/login}) are throttled by
 * {@link #staffFilter()} per client address and per (address, account), never per account alone: after
 * {@code staff-login-throttle.per-address-and-account} failures of one user from one address, or
 * {@code staff-login-throttle.per-address} failures from one address, within 15 minutes, further attempts from
 * that address get 429 and a Spanish message without the password being checked; the owner logging in from
 * another address is not affected (Camunda's own account lock is turned off, {@link NoAccountLockPlugin}).
 */
@Component
public class LoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_KEYS = 10_000;

    private final int perAccount;
    private final int perAddress;
    private final RecentEvents failures = new RecentEvents(WINDOW, MAX_KEYS);
    private final RecentEvents staffFailures = new RecentEvents(WINDOW, MAX_KEYS);
    private volatile int staffPerAddressAndAccount;
    private volatile int staffPerAddress;

    public LoginThrottle(@Value("${participa.security.login-throttle.per-account:5}") int perAccount,
                         @Value("${participa.security.login-throttle.per-address:30}") int perAddress,
                         @Value("${participa.security.staff-login-throttle.per-address-and-account:5}")
                         int staffPerAddressAndAccount,
                         @Value("${participa.security.staff-login-throttle.per-address:30}") int staffPerAddress) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.staffPerAddressAndAccount = staffPerAddressAndAccount;
        this.staffPerAddress = staffPerAddress;
    }

    public synchronized boolean blocked(String address, String account) {
        return recent("ip:" + address) >= perAddress || (account != null && recent("dni:" + account) >= perAccount);
    }

    public synchronized void failed(String address, String account) {
        Instant now = Now.instant();
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
        return failures.count(key, Now.instant());
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

    // ---------------------------------------------------------------------------------------------------------
    // Staff logins (Camunda users): per address and per (address, account), never per account alone

    static final String STAFF_MESSAGE = "Demasiados intentos fallidos de ingreso desde su conexión. Espere 15 minutos "
            + "e inténtelo de nuevo; si olvidó su contraseña, pida a la Sub Gerencia de Planeamiento que la cambie.";
    private static final java.util.regex.Pattern WEBAPP_LOGIN =
            java.util.regex.Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

    /** Whether a staff login of {@code user} from {@code address} is turned away now (not counted). */
    public synchronized boolean staffBlocked(String address, String user) {
        Instant now = Now.instant();
        return staffFailures.count("ip:" + address, now) >= staffPerAddress
                || user != null && staffFailures.count(staffKey(address, user), now) >= staffPerAddressAndAccount;
    }

    public synchronized void staffFailed(String address, String user) {
        Instant now = Now.instant();
        staffFailures.add("ip:" + address, now);
        if (user != null) {
            staffFailures.add(staffKey(address, user), now);
        }
    }

    /** A right password clears that user's failures from that address (not the address's own count). */
    public synchronized void staffSucceeded(String address, String user) {
        if (user != null) {
            staffFailures.forget(staffKey(address, user));
        }
    }

    /** Limits as the configuration set them, changeable at run time (tests, or an operator through a bean). */
    public void setStaffLimits(int perAddressAndAccount, int perAddress) {
        staffPerAddressAndAccount = perAddressAndAccount;
        staffPerAddress = perAddress;
    }

    public int staffPerAddressAndAccount() {
        return staffPerAddressAndAccount;
    }

    public int staffPerAddress() {
        return staffPerAddress;
    }

    private static String staffKey(String address, String user) {
        return "ip+user:" + address + "|" + user;
    }

    /** A user id as a key: trimmed, lower case (ids differing in case are one key), at most 64 characters. */
    static String staffAccount(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String user = raw.strip().toLowerCase(java.util.Locale.ROOT);
        return user.length() > 64 ? user.substring(0, 64) : user;
    }

    /** The user of a request's HTTP Basic credentials, "" when they do not decode, null without credentials. */
    static String basicUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(java.util.Base64.getDecoder().decode(header.substring(6).trim()),
                    java.nio.charset.StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /**
     * The filter in front of every staff login (registered for all paths by SecurityConfig, ahead of Spring
     * Security and of Camunda's REST authentication): HTTP Basic at {@code /engine-rest}, the webapps' login and
     * {@code /personal/login}. A failure is a 401 (REST, webapps) or the redirect to {@code /personal/login?error}.
     */
    public OncePerRequestFilter staffFilter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                boolean rest = path.equals("/engine-rest") || path.startsWith("/engine-rest/")
                        || path.equals("/actuator/prometheus");
                boolean post = "POST".equals(request.getMethod());
                boolean webapp = post && WEBAPP_LOGIN.matcher(path).matches();
                boolean pages = post && path.equals("/personal/login");
                if (webapp) {
                    // read the form here and hand the webapp the same bytes: Jersey warns (and reads nothing) when
                    // a filter has consumed the body through getParameter
                    request = new ReplayedBody(request);
                }
                String raw = rest ? basicUser(request) : webapp ? ((ReplayedBody) request).field("username")
                        : pages ? request.getParameter("username") : null;
                if (raw == null || !(rest || webapp || pages)) {
                    chain.doFilter(request, response);
                    return;
                }
                String address = request.getRemoteAddr();
                String user = staffAccount(raw);
                if (staffBlocked(address, user)) {
                    tooMany(response, pages);
                    return;
                }
                chain.doFilter(request, response);
                int status = response.getStatus();
                String location = response.getHeader("Location");
                boolean failed = pages ? location != null && location.contains("/personal/login?error")
                        : status == HttpServletResponse.SC_UNAUTHORIZED;
                // a success only when the password was surely right (a POST refused for its CSRF token is neither)
                boolean succeeded = pages ? status == HttpServletResponse.SC_FOUND && location != null
                        && !location.contains("/personal/login")
                        : webapp ? status == HttpServletResponse.SC_OK : status < 500 && !failed;
                if (failed) {
                    staffFailed(address, user);
                } else if (succeeded) {
                    staffSucceeded(address, user);
                }
            }
        };
    }

    private static void tooMany(HttpServletResponse response, boolean page) throws IOException {
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(WINDOW.toSeconds()));
        response.setCharacterEncoding("UTF-8");
        if (page) {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\">"
                    + "<title>Demasiados intentos</title></head><body><main><h1>Demasiados intentos</h1><p>"
                    + STAFF_MESSAGE + "</p><p><a href=\"/personal/login\">Volver al ingreso</a></p></main></body></html>");
        } else {
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"type\":\"TooManyRequests\",\"message\":\"" + STAFF_MESSAGE + "\"}");
        }
    }

    /** A form request whose body (at most 16 KB read) is kept and given again to whoever reads it next. */
    private static final class ReplayedBody extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBody(HttpServletRequest request) throws IOException {
            super(request);
            body = request.getInputStream().readNBytes(16 * 1024);
        }

        String field(String name) {
            try {
                for (String pair : new String(body, java.nio.charset.StandardCharsets.ISO_8859_1).split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && decode(pair.substring(0, eq)).equals(name)) {
                        return decode(pair.substring(eq + 1));
                    }
                }
            } catch (IllegalArgumentException e) {
                return "";
            }
            return "";
        }

        private static String decode(String s) {
            return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() {
            java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
            return new jakarta.servlet.ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
