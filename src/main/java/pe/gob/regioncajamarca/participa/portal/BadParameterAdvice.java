package pe.gob.regioncajamarca.participa.portal;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A value in the address that does not fit its parameter ({@code /noticias?pagina=99999999999},
 * {@code /proyectos?ciclo=dos}, {@code /resultados/1e9}): 400 with a Spanish (or English) page that names the
 * parameter, instead of Spring's bare error dispatch; the open-data API gets the same message as JSON.
 */
@ControllerAdvice
class BadParameterAdvice {

    private final MessageSource messages;

    BadParameterAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object badParameter(MethodArgumentTypeMismatchException e, HandlerMethod handler, HttpServletResponse response,
                        Locale locale) {
        String message = messages.getMessage("error.400.parameter", new Object[] {e.getName()}, locale);
        if (handler.hasMethodAnnotation(ResponseBody.class)
                || handler.getBeanType().isAnnotationPresent(org.springframework.web.bind.annotation.RestController.class)) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("status", 400, "error", message));
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", 400);
        page.addObject("badParameterMessage", message);
        return page;
    }
}
