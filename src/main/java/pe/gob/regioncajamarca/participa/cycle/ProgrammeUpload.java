package pe.gob.regioncajamarca.participa.cycle;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

/**
 * Completion of "Cargar programa de inversiones" (embedded form with a file field): the uploaded CSV or XLSX is
 * loaded by {@link ProgrammeImport}. A rejected file throws with the list of problems, so the task stays open,
 * Tasklist shows the list, and nothing of the file is stored.
 */
@Component("cargarPrograma")
public class ProgrammeUpload implements TaskListener {

    public static final String FILE_VARIABLE = "programa";

    private final ProgrammeImport programme;

    public ProgrammeUpload(ProgrammeImport programme) {
        this.programme = programme;
    }

    @Override
    public void notify(DelegateTask task) {
        FileValue file = task.getExecution().getVariableTyped(FILE_VARIABLE);
        byte[] content = TabularFile.uploaded(file, "adjunte el archivo del programa de inversiones (CSV o XLSX)");
        int year = ((Number) task.getVariable(CycleForm.YEAR)).intValue();
        ProgrammeImport.Result r = programme.load(year, file.getFilename(), content);
        task.getExecution().setVariable("proyectosCargados", r.inserted() + r.unchanged());
        task.getExecution().removeVariable(FILE_VARIABLE); // the projects are in the domain tables now
    }
}
