package pe.gob.regioncajamarca.participa.monitoring;

import java.math.BigDecimal;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.workflow.TaskRecords;

/** Completion of "Reportar avance trimestral": the unit's figures and evidence go to the report. */
@Component("registrarAvance")
class RegistrarAvance implements TaskListener {

    private final MonitoringService monitoring;
    private final TaskRecords taskRecords;
    private final MonitoringEvidence evidence;
    private final NationalComparison nationalComparison;

    RegistrarAvance(MonitoringService monitoring, TaskRecords taskRecords, MonitoringEvidence evidence,
                    NationalComparison nationalComparison) {
        this.monitoring = monitoring;
        this.taskRecords = taskRecords;
        this.evidence = evidence;
        this.nationalComparison = nationalComparison;
    }

    @Override
    public void notify(DelegateTask task) {
        // the files first: a refused one (type, size, hidden content) stops the completion before anything
        // is stored, and Tasklist shows why
        List<pe.gob.regioncajamarca.participa.documents.UploadedFiles.Checked> files = evidenceOf(task);
        // the report this task was created for (server-side), never a variable sent with the completion
        long report = taskRecords.of(task, Seguimiento.REPORT);
        // figures that differ from the national system's need the unit's reason (refused without one)
        String nationalNote = nationalComparison.reasonFor(report, decimal(task.getVariable(MonitoringRoundVariables.EJECUCION_FINANCIERA)),
                decimal(task.getVariable(MonitoringRoundVariables.DEVENGADO_ANIO)), decimal(task.getVariable(MonitoringRoundVariables.PIM)),
                (String) task.getVariable(NationalComparison.REASON));
        // ejecucionFinanciera: accrued to date since the project began; devengadoAnio: accrued this year
        monitoring.recordProgress(report, decimal(task.getVariable(MonitoringRoundVariables.AVANCE_FISICO)),
                new MonitoringService.Money(decimal(task.getVariable(MonitoringRoundVariables.EJECUCION_FINANCIERA)),
                        decimal(task.getVariable(MonitoringRoundVariables.DEVENGADO_ANIO)), decimal(task.getVariable(MonitoringRoundVariables.PIM)),
                        decimal(task.getVariable(MonitoringRoundVariables.COSTO_ACTUALIZADO))),
                (String) task.getVariable(MonitoringRoundVariables.ESTADO_EJECUCION), (String) task.getVariable(MonitoringRoundVariables.DIFICULTADES),
                task.getAssignee());
        monitoring.noteNationalDifference(report, nationalNote);
        // a round started on an earlier model has no local variable for the reason: it must not stay on the
        // round for another unit's report
        task.getExecution().removeVariable(NationalComparison.REASON);
        if (!files.isEmpty()) {
            String user = task.getAssignee() == null ? "tasklist" : task.getAssignee();
            evidence.add(report, files, null, user); // stored without EXIF or GPS location
        }
        // the files live in the report's evidence now. The form declares them transient (data-variable-transitoria):
        // they reached this listener as transient variables, and the engine writes them neither to its variables nor
        // to its history. A file set on the instance another way (an earlier model's round) is removed here.
        for (String name : MonitoringRoundVariables.EVIDENCIAS) {
            task.getExecution().removeVariableLocal(name);
            task.getExecution().removeVariable(name);
        }
    }

    private static String extensionOf(byte[] b) {
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) {
            return ".jpg";
        }
        if (b.length > 4 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return ".png";
        }
        if (b.length > 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F') {
            return ".pdf";
        }
        return ".bin"; // refused by UploadedFiles with its Spanish message
    }

    private static List<pe.gob.regioncajamarca.participa.documents.UploadedFiles.Checked> evidenceOf(
            DelegateTask task) {
        List<pe.gob.regioncajamarca.participa.documents.UploadedFiles.Checked> files = new java.util.ArrayList<>();
        for (String name : MonitoringRoundVariables.EVIDENCIAS) {
            org.camunda.bpm.engine.variable.value.TypedValue value = task.getExecution().getVariableTyped(name);
            if (value instanceof org.camunda.bpm.engine.variable.value.BytesValue raw) {
                // Tasklist's embedded forms send a file input as Bytes (no name) in some cases: the content
                // tells its type, the name is made up
                byte[] bytes = raw.getValue();
                if (bytes == null || bytes.length == 0) {
                    continue;
                }
                files.add(pe.gob.regioncajamarca.participa.documents.UploadedFiles.check(
                        name + extensionOf(bytes), bytes));
                continue;
            }
            if (!(value instanceof org.camunda.bpm.engine.variable.value.FileValue file) || file.getValue() == null) {
                continue; // an optional field left empty
            }
            byte[] bytes;
            try (java.io.InputStream in = file.getValue()) {
                bytes = in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("No se pudo leer el archivo «" + file.getFilename() + "».");
            }
            if (bytes.length == 0 && (file.getFilename() == null || file.getFilename().isBlank())) {
                continue; // Tasklist sends an empty file input as an empty file without a name
            }
            files.add(pe.gob.regioncajamarca.participa.documents.UploadedFiles.check(file.getFilename(), bytes));
        }
        return files;
    }

    static BigDecimal decimal(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        return new BigDecimal(value.toString());
    }
}
