package pe.gob.regioncajamarca.participa.documents;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;


/**
 * Every form bound to an object (registration, idea, ...) refuses text with control characters or bidirectional
 * overrides ({@link PlainText}): the field gets the error {@code typeMismatch.java.lang.String} of
 * messages_es/en, shown on the form like any other, and nothing is stored. Forms read as single request parameters
 * (complaints, oversight reports) check the same rule in their services.
 */
@ControllerAdvice
class TextInputAdvice {

    @InitBinder
    void plainText(WebDataBinder binder) {
        if (binder.getTarget() == null && binder.getTargetType() == null) {
            return; // a single @RequestParam (a @ModelAttribute's binder has its type before its object is made)
        }
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (!PlainText.allowed(text)) {
                    throw new IllegalArgumentException(PlainText.REFUSED);
                }
                setValue(text);
            }
        });
    }
}
