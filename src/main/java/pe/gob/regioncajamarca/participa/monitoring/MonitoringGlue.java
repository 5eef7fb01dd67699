package pe.gob.regioncajamarca.participa.monitoring;

import java.math.BigDecimal;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.notification.Notifications;
import pe.gob.regioncajamarca.participa.workflow.TaskRecords;

/** The thin glue between {@code quarterly-monitoring-round} and {@link MonitoringService}. */
@Component("seguimiento")
public class MonitoringGlue {

    static final String OVERSIGHT_GROUP = "oversight-committee";

    private final MonitoringService monitoring;
    private final DueDates plazos;
    private final Notifications notifications;
    private final IdentityService identity;
    private final MonitoringAlerts alerts;
    private final TaskRecords taskRecords;
    private final MonitoringEvidence evidence;
    private final NationalComparison nationalComparison;

    /** The file fields of the report's form (static/forms/reportar-avance.html): optional photos or PDFs. */
    static final List<String> EVIDENCE_VARIABLES = List.of("evidencia1", "evidencia2", "evidencia3");

    /** What a "Reportar avance trimestral" task acts on, in {@link TaskRecords}. */
    static final String REPORT = "monitoring_report";

    public MonitoringGlue(MonitoringService monitoring, DueDates plazos, Notifications notifications,
                          IdentityService identity, MonitoringAlerts alerts, TaskRecords taskRecords,
                          MonitoringEvidence evidence, NationalComparison nationalComparison) {
        this.evidence = evidence;
        this.nationalComparison = nationalComparison;
        this.alerts = alerts;
        this.taskRecords = taskRecords;
        this.monitoring = monitoring;
        this.plazos = plazos;
        this.notifications = notifications;
        this.identity = identity;
    }

    /**
     * "Preparar ronda de seguimiento": the quarter it reports (given by hand, or the one that has just ended,
     * {@link Quarter#reportedBy}) and one report per project.
     */
    @Component("prepararRonda")
    static class PrepareRound implements JavaDelegate {
        private final MonitoringGlue glue;

        PrepareRound(MonitoringGlue glue) {
            this.glue = glue;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Object given = execution.getVariable("trimestre");
            Quarter reported = given == null || given.toString().isBlank()
                    ? Quarter.reportedBy(glue.plazos.today()) : Quarter.parse(given.toString());
            String quarter = reported.toString();
            List<Long> reports = glue.monitoring.openRound(quarter, execution.getProcessInstanceId());
            execution.setProcessBusinessKey(quarter);
            execution.setVariable("trimestre", quarter);
            execution.setVariable("periodo", reported.months()); // "julio a septiembre de 2026", for the forms
            execution.setVariable("informes", reports);
            execution.setVariable("proyectosPorReportar", reports.size());
            // the reports close 15 business days after the round opens, whatever is missing
            execution.setVariable("fechaCierreReportes", glue.plazos.habiles(15));
            letUnitsReadTheRound(execution, quarter);
        }

        /**
         * Each executing unit of the round may read the round's variables (READ on this process instance): Tasklist
         * shows the project and CUI of every task in the list from them. A unit still sees only its own tasks (task
         * grants are per candidate group); the round's variables are the projects' public data.
         */
        private void letUnitsReadTheRound(DelegateExecution execution, String quarter) {
            org.camunda.bpm.engine.AuthorizationService auth = execution.getProcessEngineServices()
                    .getAuthorizationService();
            String pid = execution.getProcessInstanceId();
            for (String group : glue.monitoring.unitGroupsOf(quarter)) {
                if (auth.createAuthorizationQuery().groupIdIn(group)
                        .resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE)
                        .resourceId(pid).count() == 0) {
                    org.camunda.bpm.engine.authorization.Authorization a = auth.createNewAuthorization(
                            org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
                    a.setGroupId(group);
                    a.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE);
                    a.setResourceId(pid);
                    a.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
                    auth.saveAuthorization(a);
                }
            }
        }
    }

    /** "Cerrar reportes y evaluar alertas": unreported projects are marked, the DMN raises the alerts. */
    @Component("cerrarReportes")
    static class CloseReporting implements JavaDelegate {
        private final MonitoringGlue glue;
        private final MonitoringAlerts alerts;

        CloseReporting(MonitoringGlue glue, MonitoringAlerts alerts) {
            this.glue = glue;
            this.alerts = alerts;
        }

        @Override
        public void execute(DelegateExecution execution) {
            String quarter = (String) execution.getVariable("trimestre");
            int unreported = glue.monitoring.markUnreported(quarter);
            int raised = alerts.evaluate(quarter);
            List<MonitoringService.Report> reports = glue.monitoring.reports(quarter);
            execution.setVariable("proyectosRonda", reports.size());
            execution.setVariable("proyectosNoReportados", unreported);
            execution.setVariable("proyectosReportados", reports.size() - unreported);
            execution.setVariable("alertasRonda", raised);
            List<MonitoringAlerts.Alert> all = alerts.ofQuarter(quarter);
            if (!all.isEmpty()) {
                java.util.Map<String, Object> model = java.util.Map.of("quarter", quarter, "alerts", all);
                for (User member : glue.identity.createUserQuery().memberOfGroup(OVERSIGHT_GROUP).list()) {
                    glue.notifications.send("alertas-seguimiento:" + quarter + ":" + member.getId(), member.getEmail(),
                            "Alertas de seguimiento " + quarter + ": " + all.size()
                                    + (all.size() == 1 ? " alerta" : " alertas"),
                            "alertas-seguimiento", model);
                }
            }
        }
    }

    /** Start listener of each "Reportar avance trimestral" instance: routes it to the project's unit. */
    public void prepararTarea(DelegateExecution execution) {
        // the element of the round's own collection, set by the engine as this instance starts
        long id = ((Number) execution.getVariable("informe")).longValue();
        MonitoringService.Report r = monitoring.report(id).orElseThrow();
        taskRecords.bind(execution, REPORT, id);
        execution.setVariableLocal("grupoUnidad", r.unitGroup());
        execution.setVariableLocal("cui", r.cui());
        execution.setVariableLocal("proyecto", r.projectName());
        execution.setVariableLocal("ambito", r.scope());
        execution.setVariableLocal("unidad", r.unitName());
        execution.setVariableLocal("anioCiclo", r.cycleYear()); // the link to the project's public page
        // the last figures reported, shown on the form so that the unit starts from them; the PIM and the updated
        // total cost (which seldom change) are filled in (a form field takes the value of the variable of its name);
        // without a report before, the updated cost starts at the project's cost
        if (r.cost() != null) {
            execution.setVariableLocal("costoActualizado", r.cost().doubleValue());
        }
        monitoring.previousProgress(id).ifPresent(prev -> {
            execution.setVariableLocal("trimestreAnterior", prev.quarter());
            execution.setVariableLocal("avanceAnterior", prev.physicalProgress() == null ? null
                    : prev.physicalProgress().doubleValue());
            execution.setVariableLocal("ejecucionAnterior", prev.financialExecution() == null ? null
                    : prev.financialExecution().doubleValue());
            if (prev.currentBudget() != null) {
                execution.setVariableLocal("pim", prev.currentBudget().doubleValue());
            }
            if (prev.updatedCost() != null) {
                execution.setVariableLocal("costoActualizado", prev.updatedCost().doubleValue());
            }
        });
        // what the national investment system says of the project: shown, and prefilled (the unit confirms it or
        // corrects it with a reason)
        nationalComparison.prefill(r, execution);
    }

    /** Completion of "Reportar avance trimestral": the unit's figures go to the report table. */
    @Component("registrarAvance")
    static class RecordProgress implements TaskListener {
        private final MonitoringGlue glue;

        RecordProgress(MonitoringGlue glue) {
            this.glue = glue;
        }

        @Override
        public void notify(DelegateTask task) {
            // the files first: a refused one (type, size, hidden content) stops the completion before anything
            // is stored, and Tasklist shows why
            List<pe.gob.regioncajamarca.participa.documents.UploadedFiles.Checked> files = evidenceOf(task);
            // the report this task was created for (server-side), never a variable sent with the completion
            long report = glue.taskRecords.of(task, REPORT);
            // figures that differ from the national system's need the unit's reason (refused without one)
            String nationalNote = glue.nationalComparison.reasonFor(report, decimal(task.getVariable("ejecucionFinanciera")),
                    decimal(task.getVariable("devengadoAnio")), decimal(task.getVariable("pim")),
                    (String) task.getVariable(NationalComparison.REASON));
            // ejecucionFinanciera: accrued to date since the project began; devengadoAnio: accrued this year
            glue.monitoring.recordProgress(report, decimal(task.getVariable("avanceFisico")),
                    new MonitoringService.Money(decimal(task.getVariable("ejecucionFinanciera")),
                            decimal(task.getVariable("devengadoAnio")), decimal(task.getVariable("pim")),
                            decimal(task.getVariable("costoActualizado"))),
                    (String) task.getVariable("estadoEjecucion"), (String) task.getVariable("dificultades"),
                    task.getAssignee());
            glue.monitoring.noteNationalDifference(report, nationalNote);
            // a round started on an earlier model has no local variable for the reason: it must not stay on the
            // round for another unit's report
            task.getExecution().removeVariable(NationalComparison.REASON);
            if (!files.isEmpty()) {
                String user = task.getAssignee() == null ? "tasklist" : task.getAssignee();
                glue.evidence.add(report, files, null, user); // stored without EXIF or GPS location
            }
            // the files live in the report's evidence now, not in the engine's variables or history
            for (String name : EVIDENCE_VARIABLES) {
                task.getExecution().removeVariableLocal(name);
                task.getExecution().removeVariable(name);
            }
            forgetInHistory(task.getExecutionId());
        }

        /**
         * A removed variable stays in the full history with its content (the original photo, EXIF and GPS
         * included): once the completion is committed, the file variables of this task's execution are deleted from
         * the history too (instance, details and content), in their own transaction.
         */
        private static void forgetInHistory(String executionId) {
            org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl config =
                    org.camunda.bpm.engine.impl.context.Context.getProcessEngineConfiguration();
            org.camunda.bpm.engine.impl.context.Context.getCommandContext().getTransactionContext()
                    .addTransactionListener(org.camunda.bpm.engine.impl.cfg.TransactionState.COMMITTED,
                            committed -> config.getCommandExecutorTxRequiresNew().execute(context -> {
                                context.disableAuthorizationCheck();
                                org.camunda.bpm.engine.HistoryService history = config.getHistoryService();
                                history.createHistoricVariableInstanceQuery().executionIdIn(executionId)
                                        .variableNameIn(EVIDENCE_VARIABLES.toArray(String[]::new))
                                        .includeDeleted().disableBinaryFetching().list()
                                        .forEach(v -> history.deleteHistoricVariableInstance(v.getId()));
                                return null;
                            }));
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
            for (String name : EVIDENCE_VARIABLES) {
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
    }

    /** "Publicar informe y avisar al comité": closes the round and tells the oversight committee. */
    @Component("publicarInformeSeguimiento")
    static class PublishReport implements JavaDelegate {
        private final MonitoringGlue glue;

        PublishReport(MonitoringGlue glue) {
            this.glue = glue;
        }

        @Override
        public void execute(DelegateExecution execution) {
            String quarter = (String) execution.getVariable("trimestre");
            String conclusions = (String) execution.getVariable("conclusiones");
            glue.monitoring.closeRound(quarter, conclusions);
            List<MonitoringService.Report> reports = glue.monitoring.reports(quarter);
            long reported = reports.stream().filter(r -> "REPORTADO".equals(r.status())).count();
            java.util.Map<String, Object> model = new java.util.HashMap<>();
            model.put("quarter", quarter);
            model.put("projects", reports.size());
            model.put("reported", reported);
            model.put("unreported", reports.size() - reported);
            model.put("conclusions", conclusions == null || conclusions.isBlank() ? null : conclusions);
            model.put("alerts", glue.alerts.ofQuarter(quarter).size());
            for (User member : glue.identity.createUserQuery().memberOfGroup(OVERSIGHT_GROUP).list()) {
                glue.notifications.send("seguimiento:" + quarter + ":" + member.getId(), member.getEmail(),
                        "Informe de seguimiento " + quarter, "informe-seguimiento", model);
            }
        }
    }

    static BigDecimal decimal(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        return new BigDecimal(value.toString());
    }
}
