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
        return execution -> ideas.answer(ideas.ideaOfProcess(execution.getProcessInstanceId()),
                IdeaService.Outcome.ofForm(execution.getVariable("viable")),
                (String) execution.getVariable("respuestaPublica"));
    }

    /** "Incorporar idea a la cartera de inversiones": the CUI it got, so that its author hears of that project. */
    @Bean("incorporarIdeaCartera")
    org.camunda.bpm.engine.delegate.TaskListener ideaIncorporada(IdeaService ideas) {
        return task -> {
            Object cui = task.getVariable("cuiAsignado");
            if (cui != null && !cui.toString().isBlank()) {
                if (!cui.toString().strip().matches("\\d{1,7}")) {
                    throw new IllegalArgumentException("El CUI tiene hasta 7 dígitos.");
                }
                ideas.assignCui(ideas.ideaOfProcess(task.getProcessInstanceId()), cui.toString().strip());
            }
        };
    }
}
