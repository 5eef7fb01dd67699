package pe.gob.regioncajamarca.participa.training;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static pe.gob.regioncajamarca.participa.training.Capacitacion.*;

/** "Registrar edición del programa": the start form's design becomes an edition (or is refused whole). */
@Component("registrarEdicion")
class RegistrarEdicion implements JavaDelegate {

    private final TrainingEditions editions;
    private final Capacitacion capacitacion;

    RegistrarEdicion(TrainingEditions editions, Capacitacion capacitacion) {
        this.editions = editions;
        this.capacitacion = capacitacion;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean evaluation = flag(execution, TrainingVariables.EVALUACION_REQUERIDA);
        CompletionRule rule = new CompletionRule(integer(execution, TrainingVariables.ASISTENCIA_MINIMA,
                "Indique la asistencia mínima para aprobar: un porcentaje entero de 0 a 100."), evaluation,
                evaluation ? decimal(execution, TrainingVariables.NOTA_MINIMA) : null);
        TrainingEditions.Edition e = editions.design(new TrainingEditions.Design(text(execution, TrainingVariables.NOMBRE_PROGRAMA),
                text(execution, TrainingVariables.MODULOS), text(execution, TrainingVariables.PUBLICO_OBJETIVO), text(execution, TrainingVariables.MODALIDAD),
                text(execution, TrainingVariables.SESIONES), integer(execution, TrainingVariables.CUPOS, "Indique los cupos: un número entero."),
                date(execution, TrainingVariables.INSCRIPCION_HASTA), rule, flag(execution, TrainingVariables.CURSO_VIGILANCIA),
                flag(execution, CONFIRM_NON_WORKING)),
                execution.getProcessInstanceId(), text(execution, TrainingVariables.INICIADOR));
        // a confirmation holds for the dates it was given for: the adjustment form starts unchecked
        execution.removeVariable(CONFIRM_NON_WORKING);
        execution.setProcessBusinessKey(e.code());
        capacitacion.showEdition(execution, e);
    }
}
