package pe.gob.regioncajamarca.participa.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A portal session that no longer exists: the browser sends a session cookie the node does not know, because the
 * node that held the session died and the proxy moved the citizen to another one (sessions live in each node's
 * memory, docs/operations.md), or the node was restarted, or the session timed out. A page that needs a login is
 * sent to the login page with {@code ?sesion} («Su sesión terminó … Ingrese de nuevo para continuar»); a form (refused
 * by its CSRF token, so nothing of it was done) with {@code ?sesion&reenviar}, which adds that the last form was not
 * saved, instead of "No tiene permiso" (403). A request with a valid session or without any keeps the usual answers
 * (login page, 403 page).
 */
final class SessionEnded {

    static final String LOGIN = "/login?sesion";
    static final String LOGIN_FORM_LOST = "/login?sesion&reenviar";
    /** Set by a filter that invalidated the session itself (CredentialsChangedFilter): not a lost session. */
    static final String ENDED_BY_THIS_REQUEST = SessionEnded.class.getName() + ".endedByThisRequest";

    private SessionEnded() {
    }

    static boolean lost(HttpServletRequest request) {
        return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()
                && request.getAttribute(ENDED_BY_THIS_REQUEST) == null;
    }

    /** A form sent with a session that is gone (its CSRF token belonged to that session). */
    static AccessDeniedHandler accessDenied() {
        AccessDeniedHandler usual = new AccessDeniedHandlerImpl();
        return (request, response, e) -> {
            if (e instanceof CsrfException && lost(request)) {
                response.sendRedirect(request.getContextPath() + LOGIN_FORM_LOST);
            } else {
                usual.handle(request, response, e);
            }
        };
    }

    /** A page that needs a citizen login, asked for with a session that is gone. */
    static AuthenticationEntryPoint entryPoint() {
        AuthenticationEntryPoint usual = new LoginUrlAuthenticationEntryPoint("/login");
        return (request, response, e) -> {
            if (lost(request)) {
                response.sendRedirect(request.getContextPath() + LOGIN);
            } else {
                usual.commence(request, response, e);
            }
        };
    }
}
