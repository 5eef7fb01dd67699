package pe.gob.regioncajamarca.participa.portal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A form over the multipart limit (spring.servlet.multipart, 20 MB per file): the Spanish (or English) page
 * "El archivo es demasiado grande" with 413, rendered right here. Left to the default, Spring answers sendError(413)
 * and the error page's own dispatch tries to read the same oversized multipart request again and fails, so the
 * browser got an empty 413 (found by HostileInputIT). Files between 10 and 20 MB reach the forms, which explain the
 * 10 MB limit next to the other fields (documents.UploadedFiles).
 */
@ControllerAdvice
class UploadLimitAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletResponse response) {
        response.setStatus(413);
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", 413);
        return page;
    }
}
