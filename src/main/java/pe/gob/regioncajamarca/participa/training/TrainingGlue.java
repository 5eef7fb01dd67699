package pe.gob.regioncajamarca.participa.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.workflow.TaskRecords;

/**
 * The thin glue between {@code training-programme} and the training services: variables in, a service call, the
 * few variables the forms and the routing need out. Bean {@code capacitacion} holds the expressions of the model;
 * {@link Delegates} the delegates and task listeners.
 */
@Component("capacitacion")
public class TrainingGlue {

    /** Business days after a session within which its attendance is recorded. */
    static final int ATTENDANCE_DAYS = 2;

    private final TrainingEditions editions;
    private final Enrolments enrolments;
    private final DueDates plazos;
    private final String publicUrl;
    private final TaskRecords taskRecords;

    /** What a "Registrar asistencia de la sesión" task acts on, in {@link TaskRecords}. */
    static final String SESSION = "training_session";

    public TrainingGlue(TrainingEditions editions, Enrolments enrolments, DueDates plazos,
                        @Value("${participa.public-url}") String publicUrl, TaskRecords taskRecords) {
        this.taskRecords = taskRecords;
        this.editions = editions;
        this.enrolments = enrolments;
        this.plazos = plazos;
        this.publicUrl = publicUrl;
    }

    /** "Cerrar inscripciones": the edition is under way (one attendance task per session); the waiting list is told. */
    public void cerrarInscripciones(DelegateExecution execution) {
        long edition = editionOf(execution);
        execution.setVariable("idsSesiones", new java.util.ArrayList<>(editions.closeEnrolment(edition)));
        enrolments.tellWaitingListAtClose(edition);
    }

    /** The start form's and the adjustment form's check box that confirms sessions on non-working days. */
    static final String CONFIRM_NON_WORKING = "confirmarDiasNoLaborables";

    /**
     * When a session starts (Lima): the timer "Sesión iniciada" of its branch waits until then, so that its
     * attendance task exists only once the session has begun.
     */
    public Date inicioSesion(DelegateExecution execution) {
        long sessionId = ((Number) execution.getVariable("sesion")).longValue();
        return Date.from(editions.session(sessionId).orElseThrow().startsAt().atZone(DueDates.LIMA).toInstant());
    }

    /**
     * Due date of "Registrar asistencia de la sesión", and its deadline timer: {@value #ATTENDANCE_DAYS} business
     * days after its session (without a session in scope, after the last session).
     */
    public Date vencimientoAsistencia(DelegateExecution execution) {
        Object session = execution.getVariable("sesion");
        LocalDate day;
        if (session != null) {
            day = editions.session(((Number) session).longValue()).orElseThrow().startsAt().toLocalDate();
        } else {
            List<TrainingEditions.SessionRow> all = editions.sessions(editionOf(execution));
            day = all.isEmpty() ? plazos.today() : all.get(all.size() - 1).startsAt().toLocalDate();
        }
        return DueDates.endOfWorkday(plazos.calendar().plusBusinessDays(day, ATTENDANCE_DAYS));
    }

    /** Start listener of each attendance task: what the form shows about its session and who is enrolled. */
    public void prepararSesion(DelegateExecution execution) {
        // the element of the process's own list of sessions, set by the engine as this instance starts
        long sessionId = ((Number) execution.getVariable("sesion")).longValue();
        TrainingEditions.SessionRow s = editions.session(sessionId).orElseThrow();
        taskRecords.bind(execution, SESSION, sessionId);
        long edition = editionOf(execution);
        execution.setVariableLocal("sesionNumero", s.seq());
        execution.setVariableLocal("sesionTexto", s.shown());
        execution.setVariableLocal("inscritosSesion", editions.participants(edition).size());
        execution.setVariableLocal("listaParticipantes", editions.participantList(edition));
    }

    /** Start listener of the evaluation task: the participants to mark. */
    public void prepararEvaluacion(DelegateExecution execution) {
        execution.setVariableLocal("listaParticipantes", editions.participantList(editionOf(execution)));
    }

    /** The edition a process instance runs (server-side, from {@code training_edition}), never a variable. */
    long editionOf(DelegateExecution execution) {
        return editions.editionOfProcess(execution.getProcessInstanceId());
    }

    /** Sets what the forms after the design show, from the stored edition. */
    void showEdition(VariableScope scope, TrainingEditions.Edition e) {
        scope.setVariable("edicionId", e.id());
        scope.setVariable("codigoEdicion", e.code());
        scope.setVariable("nombrePrograma", e.title());
        scope.setVariable("modulos", e.modules());
        scope.setVariable("publicoObjetivo", e.audience());
        scope.setVariable("modalidad", e.modalityLabel());
        scope.setVariable("cupos", e.capacity());
        scope.setVariable("inscripcionHasta", e.enrolmentDeadline().toString());
        scope.setVariable("evaluacionRequerida", e.rule().evaluationRequired());
        scope.setVariable("notaMinima", e.rule().passMark() == null ? null
                : e.rule().passMark().stripTrailingZeros().toPlainString());
        scope.setVariable("reglaTexto", e.rule().text());
        List<TrainingEditions.SessionRow> sessions = editions.sessions(e.id());
        scope.setVariable("sesiones", String.join("\n", sessions.stream().map(s -> s.startsAt().toLocalDate() + " "
                + s.startsAt().toLocalTime() + " | " + s.where() + " | " + s.facilitator()).toList()));
        scope.setVariable("listaSesiones", String.join("\n", sessions.stream().map(s -> "- " + s.shown()).toList()));
        scope.setVariable("fechaFin", sessions.get(sessions.size() - 1).startsAt().toLocalDate().toString());
        List<String> nonWorking = editions.sessionsOnNonWorkingDays(e.id());
        scope.setVariable("avisoSesiones", nonWorking.isEmpty() ? "Ninguna: todas las sesiones caen en días hábiles."
                : String.join("\n", nonWorking) + "\nConfirmadas por Planeamiento ("
                + (e.nonWorkingConfirmedBy() == null ? "sin registro" : e.nonWorkingConfirmedBy()) + ").");
        scope.setVariable("enlaceEdicion", publicUrl + "/capacitacion/" + e.id());
    }

    // ------------------------------------------------------------------ reading form values

    static String text(VariableScope scope, String name) {
        Object v = scope.getVariable(name);
        return v == null ? null : v.toString();
    }

    static boolean flag(VariableScope scope, String name) {
        Object v = scope.getVariable(name);
        return v instanceof Boolean b ? b : v != null && "true".equalsIgnoreCase(v.toString());
    }

    static int integer(VariableScope scope, String name, String error) {
        Object v = scope.getVariable(name);
        try {
            if (v instanceof Number n) {
                if (n.doubleValue() != Math.floor(n.doubleValue())) {
                    throw new TrainingInvalid(error);
                }
                return n.intValue();
            }
            if (v != null && !v.toString().isBlank()) {
                return Integer.parseInt(v.toString().strip());
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new TrainingInvalid(error);
    }

    static BigDecimal decimal(VariableScope scope, String name) {
        Object v = scope.getVariable(name);
        if (v == null || v.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(v.toString().strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new TrainingInvalid("La nota mínima «" + v + "» no es un número de 0 a 20.");
        }
    }

    static LocalDate date(VariableScope scope, String name) {
        Object v = scope.getVariable(name);
        if (v == null || v.toString().isBlank()) {
            return null;
        }
        if (v instanceof Date d) {
            return ZonedDateTime.ofInstant(d.toInstant(), DueDates.LIMA).toLocalDate();
        }
        String s = v.toString().strip();
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new TrainingInvalid("La fecha «" + s + "» no es válida (AAAA-MM-DD).");
        }
    }

    /** The delegates and task listeners of the model. */
    @Configuration
    static class Delegates {

        /** "Registrar edición del programa": the start form's design becomes an edition (or is refused whole). */
        @Bean("registrarEdicion")
        JavaDelegate registrarEdicion(TrainingEditions editions, TrainingGlue glue) {
            return execution -> {
                boolean evaluation = flag(execution, "evaluacionRequerida");
                CompletionRule rule = new CompletionRule(integer(execution, "asistenciaMinima",
                        "Indique la asistencia mínima para aprobar: un porcentaje entero de 0 a 100."), evaluation,
                        evaluation ? decimal(execution, "notaMinima") : null);
                TrainingEditions.Edition e = editions.design(new TrainingEditions.Design(text(execution, "nombrePrograma"),
                        text(execution, "modulos"), text(execution, "publicoObjetivo"), text(execution, "modalidad"),
                        text(execution, "sesiones"), integer(execution, "cupos", "Indique los cupos: un número entero."),
                        date(execution, "inscripcionHasta"), rule, flag(execution, "cursoVigilancia"),
                        flag(execution, CONFIRM_NON_WORKING)),
                        execution.getProcessInstanceId(), text(execution, "iniciador"));
                // a confirmation holds for the dates it was given for: the adjustment form starts unchecked
                execution.removeVariable(CONFIRM_NON_WORKING);
                execution.setProcessBusinessKey(e.code());
                glue.showEdition(execution, e);
            };
        }

        @Bean("programaRevisado")
        TaskListener programaRevisado(TrainingEditions editions) {
            return (DelegateTask task) -> editions.decide(editions.editionOfProcess(task.getProcessInstanceId()), text(task, "decisionPrograma"),
                    text(task, "observacionesPrograma"));
        }

        @Bean("programaAjustado")
        TaskListener programaAjustado(TrainingEditions editions, TrainingGlue glue) {
            return (DelegateTask task) -> {
                TrainingEditions.Edition e = editions.adjust(editions.editionOfProcess(task.getProcessInstanceId()), text(task, "modulos"),
                        text(task, "publicoObjetivo"), text(task, "sesiones"),
                        integer(task, "cupos", "Indique los cupos: un número entero."), date(task, "inscripcionHasta"),
                        flag(task, CONFIRM_NON_WORKING), task.getAssignee());
                task.getExecution().removeVariable(CONFIRM_NON_WORKING);
                glue.showEdition(task.getExecution(), e);
            };
        }

        @Bean("abrirInscripciones")
        TaskListener abrirInscripciones(TrainingEditions editions) {
            return (DelegateTask task) -> {
                if (!flag(task, "convocatoriaPublicada")) {
                    throw new TrainingInvalid("Marque «La convocatoria está publicada» cuando lo esté.");
                }
                editions.publish(editions.editionOfProcess(task.getProcessInstanceId()), text(task, "materiales"), text(task, "enlacePublicacion"));
            };
        }

        @Bean("asistenciaRegistrada")
        TaskListener asistenciaRegistrada(TrainingEditions editions, TaskRecords taskRecords) {
            // the session this task was created for (server-side), never a variable sent with the completion
            return (DelegateTask task) -> editions.recordAttendance(taskRecords.of(task, SESSION),
                    text(task, "ausentes"), task.getAssignee());
        }

        @Bean("evaluacionRegistrada")
        TaskListener evaluacionRegistrada(TrainingEditions editions) {
            return (DelegateTask task) -> editions.recordMarks(editions.editionOfProcess(task.getProcessInstanceId()), text(task, "notas"));
        }

        /** "Emitir certificados y enviarlos" (after a savepoint): certificates, citizen monitors, mails. */
        @Bean("emitirCertificados")
        JavaDelegate emitirCertificados(Certificates certificates, TrainingEditions editions) {
            return execution -> execution.setVariable("certificadosEmitidos",
                    certificates.issue(editions.editionOfProcess(execution.getProcessInstanceId())));
        }
    }
}
