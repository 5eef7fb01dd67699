package pe.gob.regioncajamarca.participa.portal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import pe.gob.regioncajamarca.participa.identity.LocalReturn;

/**
 * The page a portal page's «Iniciar sesión» link returns to after the login ({@code returnPath}, issue 19): the
 * page itself (path and query of a GET), when it is a safe local path.
 */
@ControllerAdvice(basePackages = "pe.gob.regioncajamarca.participa")
class LoginReturnAdvice {

    @ModelAttribute("returnPath")
    String returnPath(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return null;
        }
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        if (uri.equals("/") || uri.startsWith("/acceso") || uri.startsWith("/api/")) {
            return null;
        }
        String path = request.getQueryString() == null ? uri : uri + "?" + request.getQueryString();
        return LocalReturn.path(path).orElse(null);
    }
}
