package pe.gob.regioncajamarca.participa.cycle;

import pe.gob.regioncajamarca.participa.documents.TabularFile;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

/**
 * "Evaluar proyectos técnicamente", one task per scope: {@code ${evaluacionTecnica.ambitos(anio)}} is the
 * multi-instance collection, and on completion the scope's attached matrix is loaded by {@link TechnicalEvaluation}
 * (a matrix with any problem is rejected whole and the task stays open).
 */
@Component("evaluacionTecnica")
public class EvaluacionTecnica implements TaskListener {

    private final TechnicalEvaluation evaluation;

    EvaluacionTecnica(TechnicalEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    /** The scopes that have projects in the cycle: one evaluation task each. */
    public List<String> ambitos(Object year) {
        return evaluation.scopesOf(((Number) year).intValue());
    }

    @Override
    public void notify(DelegateTask task) {
        FileValue file = task.getExecution().getVariableTyped(CycleVariables.MATRIZ_EVALUACION);
        byte[] content = UploadedTable.uploaded(file, "adjunte la matriz de evaluación (CSV o XLSX)");
        int scored = evaluation.load(CycleVariables.year(task), (String) task.getVariable(CycleVariables.AMBITO),
                file.getFilename(), content);
        task.getExecution().setVariableLocal(CycleVariables.PROYECTOS_EVALUADOS, scored);
        task.getExecution().removeVariableLocal(CycleVariables.MATRIZ_EVALUACION);
    }
}
