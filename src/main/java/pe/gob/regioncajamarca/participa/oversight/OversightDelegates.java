package pe.gob.regioncajamarca.participa.oversight;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The task listeners of {@code oversight-report}: each step is kept with the report (public on the project page). */
@Configuration
class OversightDelegates {

    @Bean("reporteRevisado")
    TaskListener reporteRevisado(OversightReports reports) {
        return (DelegateTask task) -> {
            boolean needsUnit = "si".equals(task.getVariable("requiereDescargo"));
            if (Boolean.TRUE.equals(task.getVariable("alerta")) && !needsUnit) {
                throw new IllegalArgumentException("El reporte trae una alerta de incumplimiento: pida el descargo de "
                        + "la unidad ejecutora.");
            }
            Object analysis = task.getVariable("analisis");
            if (analysis == null || analysis.toString().isBlank()) {
                throw new IllegalArgumentException("Escriba el análisis de Planeamiento.");
            }
            reports.reviewed(reports.codeOfProcess(task.getProcessInstanceId()), analysis.toString().strip(), needsUnit);
        };
    }

    @Bean("descargoPresentado")
    TaskListener descargoPresentado(OversightReports reports) {
        return (DelegateTask task) -> {
            Object statement = task.getVariable("descargo");
            if (statement == null || statement.toString().isBlank()) {
                throw new IllegalArgumentException("Escriba el descargo de la unidad ejecutora.");
            }
            reports.unitStatement(reports.codeOfProcess(task.getProcessInstanceId()), statement.toString().strip());
        };
    }

    @Bean("reporteRespondido")
    TaskListener reporteRespondido(OversightReports reports) {
        return (DelegateTask task) -> {
            Object response = task.getVariable("respuesta");
            if (response == null || response.toString().isBlank()) {
                throw new IllegalArgumentException("Escriba la respuesta al comité de vigilancia.");
            }
            reports.answered(reports.codeOfProcess(task.getProcessInstanceId()), response.toString().strip(),
                    "si".equals(task.getVariable("alertaConfirmada")));
        };
    }
}
