package pe.gob.regioncajamarca.participa.identity;

import pe.gob.regioncajamarca.participa.calendar.Now;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A password reset ends the account's other portal sessions. The login records its instant in the session
 * ({@link #successHandler}); on every request of a logged-in citizen this filter compares it with the account's
 * {@code credentials_changed_at} (set by {@code PasswordReset.reset}) and, if the credentials changed after the
 * login, invalidates the session and clears the authentication, so that the request goes on as anonymous (a page
 * that needs a login sends it to {@code /login}). The instant lives in the database, so this works with two nodes
 * (sessions are per node); it costs one primary-key read per request of a logged-in citizen.
 */
class CredentialsChangedFilter extends OncePerRequestFilter {

    static final String LOGGED_IN_AT = CredentialsChangedFilter.class.getName() + ".loggedInAt";

    private final CitizenAccounts accounts;

    public CredentialsChangedFilter(CitizenAccounts accounts) {
        this.accounts = accounts;
    }

    /**
     * The portal's login success: remembers when, then goes back to the local path of {@code continuar}, else as
     * {@code defaultSuccessUrl("/", false)} did (the saved request, else home).
     */
    static AuthenticationSuccessHandler successHandler() {
        SavedRequestAwareAuthenticationSuccessHandler then = new SavedRequestAwareAuthenticationSuccessHandler();
        then.setDefaultTargetUrl("/");
        org.springframework.security.web.savedrequest.HttpSessionRequestCache cache =
                new org.springframework.security.web.savedrequest.HttpSessionRequestCache();
        return (request, response, authentication) -> {
            request.getSession().setAttribute(LOGGED_IN_AT, Now.instant());
            // issue 19: back to the page whose «Iniciar sesión» she followed (a local path only), else to the page
            // that asked for the login (the saved request), else home
            java.util.Optional<String> back = LocalReturn.path(request.getParameter(LocalReturn.PARAMETER));
            if (back.isPresent()) {
                cache.removeRequest(request, response);
                response.sendRedirect(request.getContextPath() + back.get());
                return;
            }
            then.onAuthenticationSuccess(request, response, authentication);
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && auth != null && auth.isAuthenticated()
                && auth.getAuthorities().stream().anyMatch(a -> "ROLE_CITIZEN".equals(a.getAuthority()))) {
            Object at = session.getAttribute(LOGGED_IN_AT);
            Instant loggedInAt = at instanceof Instant i ? i : Instant.EPOCH;
            Instant changed = accounts.credentialsChangedAt(auth.getName()).orElse(null);
            if (changed != null && changed.isAfter(loggedInAt)) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                // ended here on purpose: the usual login page, not «Su sesión terminó» (SessionEnded)
                request.setAttribute(SessionEnded.ENDED_BY_THIS_REQUEST, Boolean.TRUE);
            }
        }
        chain.doFilter(request, response);
    }
}
