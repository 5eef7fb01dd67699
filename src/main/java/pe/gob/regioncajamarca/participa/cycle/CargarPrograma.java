package pe.gob.regioncajamarca.participa.cycle;

import pe.gob.regioncajamarca.participa.documents.TabularFile;

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
class CargarPrograma implements TaskListener {

    private final ProgrammeImport programme;

    CargarPrograma(ProgrammeImport programme) {
        this.programme = programme;
    }

    @Override
    public void notify(DelegateTask task) {
        FileValue file = task.getExecution().getVariableTyped(CycleVariables.PROGRAMA);
        byte[] content = UploadedTable.uploaded(file, "adjunte el archivo del programa de inversiones (CSV o XLSX)");
        ProgrammeImport.Result r = programme.load(CycleVariables.year(task), file.getFilename(), content);
        task.getExecution().setVariable(CycleVariables.PROYECTOS_CARGADOS, r.inserted() + r.unchanged());
        task.getExecution().removeVariable(CycleVariables.PROGRAMA); // the projects are in the domain tables now
    }
}
