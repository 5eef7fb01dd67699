package pe.gob.regioncajamarca.participa.ideas;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin glue between {@code project-idea-review} and {@link IdeaService}. */
@Configuration
class IdeaDelegates {

    /** "Publicar respuesta a la idea". */
    @Bean("responderIdea")
    JavaDelegate responderIdea(IdeaService ideas) {
        return execution -> ideas.answer(((Number) execution.getVariable("ideaId")).longValue(),
                IdeaService.Outcome.ofForm(execution.getVariable("viable")),
                (String) execution.getVariable("respuestaPublica"));
    }
}
