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

    /** Creation of "Evaluar idea de proyecto": what the citizen wrote and how many agents support it, on the form. */
    @Bean("prepararEvaluacionIdea")
    org.camunda.bpm.engine.delegate.TaskListener prepararEvaluacionIdea(IdeaService ideas, IdeaSupport support) {
        return task -> {
            // display only (the record a completion acts on comes from ideaOfProcess): while the process starts,
            // the idea's row does not know its process yet
            Object ideaId = task.getVariable("ideaId");
            if (!(ideaId instanceof Number n)) {
                return;
            }
            long id = n.longValue();
            ideas.assessment(id).ifPresent(a -> {
                task.setVariableLocal("descripcion", a.description());
                task.setVariableLocal("tema", a.theme());
                task.setVariableLocal("eje", a.pdrcAxis());
                task.setVariableLocal("distrito", a.district());
                task.setVariableLocal("beneficiarios", a.beneficiaries());
                task.setVariableLocal("monto", a.approximateAmount() == null ? null
                        : a.approximateAmount().doubleValue());
            });
            task.setVariableLocal("apoyos", support.count(id));
        };
    }

    /** Completion of "Evaluar idea de proyecto": a merged idea names the project it merges into. */
    @Bean("ideaEvaluada")
    org.camunda.bpm.engine.delegate.TaskListener ideaEvaluada(IdeaService ideas) {
        return task -> {
            Object outcome = task.getVariable("viable");
            if (outcome == null) {
                throw new IllegalArgumentException("Elija el resultado de la evaluación.");
            }
            Object answer = task.getVariable("respuestaPublica");
            if (answer == null || answer.toString().isBlank()) {
                throw new IllegalArgumentException("Escriba la respuesta pública: se publica y se envía a quien "
                        + "presentó la idea.");
            }
            if ("fusionada".equals(outcome)) {
                Object cui = task.getVariable("cuiFusion");
                if (cui == null || !cui.toString().strip().matches("\\d{1,7}")) {
                    throw new IllegalArgumentException("Indique el CUI (hasta 7 dígitos) del proyecto con el que se "
                            + "fusiona la idea.");
                }
                ideas.mergeInto(ideas.ideaOfProcess(task.getProcessInstanceId()), cui.toString().strip());
            }
        };
    }
}
