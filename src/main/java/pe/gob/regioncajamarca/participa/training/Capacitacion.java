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
 * The expressions of {@code training-programme} ({@code ${capacitacion.prepararSesion(execution)}}, ...), and the
 * form readers and the edition shown on the forms that its delegates and listeners (one class per bean) share.
 */
@Component("capacitacion")
public class Capacitacion {

    /** Business days after a session within which its attendance is recorded. */
    static final int ATTENDANCE_DAYS = 2;

    private final TrainingEditions editions;
    private final Enrolments enrolments;
    private final DueDates plazos;
    private final String publicUrl;
    private final TaskRecords taskRecords;

    /** What a "Registrar asistencia de la sesión" task acts on, in {@link TaskRecords}. */
    static final String SESSION = "training_session";

    Capacitacion(TrainingEditions editions, Enrolments enrolments, DueDates plazos,
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
        execution.setVariable(TrainingVariables.IDS_SESIONES, new java.util.ArrayList<>(editions.closeEnrolment(edition)));
        enrolments.tellWaitingListAtClose(edition);
    }

    /** The start form's and the adjustment form's check box that confirms sessions on non-working days. */
    static final String CONFIRM_NON_WORKING = TrainingVariables.CONFIRMAR_DIAS_NO_LABORABLES;

    /**
     * When a session starts (Lima): the timer "Sesión iniciada" of its branch waits until then, so that its
     * attendance task exists only once the session has begun.
     */
    public Date inicioSesion(DelegateExecution execution) {
        long sessionId = ((Number) execution.getVariable(TrainingVariables.SESION)).longValue();
        return Date.from(editions.session(sessionId).orElseThrow().startsAt().atZone(DueDates.LIMA).toInstant());
    }

    /**
     * Due date of "Registrar asistencia de la sesión", and its deadline timer: {@value #ATTENDANCE_DAYS} business
     * days after its session (without a session in scope, after the last session).
     */
    public Date vencimientoAsistencia(DelegateExecution execution) {
        Object session = execution.getVariable(TrainingVariables.SESION);
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
        long sessionId = ((Number) execution.getVariable(TrainingVariables.SESION)).longValue();
        TrainingEditions.SessionRow s = editions.session(sessionId).orElseThrow();
        taskRecords.bind(execution, SESSION, sessionId);
        long edition = editionOf(execution);
        execution.setVariableLocal(TrainingVariables.SESION_NUMERO, s.seq());
        execution.setVariableLocal(TrainingVariables.SESION_TEXTO, s.shown());
        execution.setVariableLocal(TrainingVariables.INSCRITOS_SESION, editions.participants(edition).size());
        execution.setVariableLocal(TrainingVariables.LISTA_PARTICIPANTES, editions.participantList(edition));
    }

    /** Start listener of the evaluation task: the participants to mark. */
    public void prepararEvaluacion(DelegateExecution execution) {
        execution.setVariableLocal(TrainingVariables.LISTA_PARTICIPANTES, editions.participantList(editionOf(execution)));
    }

    /** The edition a process instance runs (server-side, from {@code training_edition}), never a variable. */
    long editionOf(DelegateExecution execution) {
        return editions.editionOfProcess(execution.getProcessInstanceId());
    }

    /** Sets what the forms after the design show, from the stored edition. */
    void showEdition(VariableScope scope, TrainingEditions.Edition e) {
        scope.setVariable(TrainingVariables.EDICION_ID, e.id());
        scope.setVariable(TrainingVariables.CODIGO_EDICION, e.code());
        scope.setVariable(TrainingVariables.NOMBRE_PROGRAMA, e.title());
        scope.setVariable(TrainingVariables.MODULOS, e.modules());
        scope.setVariable(TrainingVariables.PUBLICO_OBJETIVO, e.audience());
        scope.setVariable(TrainingVariables.MODALIDAD, e.modalityLabel());
        scope.setVariable(TrainingVariables.CUPOS, e.capacity());
        scope.setVariable(TrainingVariables.INSCRIPCION_HASTA, e.enrolmentDeadline().toString());
        scope.setVariable(TrainingVariables.EVALUACION_REQUERIDA, e.rule().evaluationRequired());
        scope.setVariable(TrainingVariables.NOTA_MINIMA, e.rule().passMark() == null ? null
                : e.rule().passMark().stripTrailingZeros().toPlainString());
        scope.setVariable(TrainingVariables.REGLA_TEXTO, e.rule().text());
        List<TrainingEditions.SessionRow> sessions = editions.sessions(e.id());
        scope.setVariable(TrainingVariables.SESIONES, String.join("\n", sessions.stream().map(s -> s.startsAt().toLocalDate() + " "
                + s.startsAt().toLocalTime() + " | " + s.where() + " | " + s.facilitator()).toList()));
        scope.setVariable(TrainingVariables.LISTA_SESIONES, String.join("\n", sessions.stream().map(s -> "- " + s.shown()).toList()));
        scope.setVariable(TrainingVariables.FECHA_FIN, sessions.get(sessions.size() - 1).startsAt().toLocalDate().toString());
        List<String> nonWorking = editions.sessionsOnNonWorkingDays(e.id());
        scope.setVariable(TrainingVariables.AVISO_SESIONES, nonWorking.isEmpty() ? "Ninguna: todas las sesiones caen en días hábiles."
                : String.join("\n", nonWorking) + "\nConfirmadas por Planeamiento ("
                + (e.nonWorkingConfirmedBy() == null ? "sin registro" : e.nonWorkingConfirmedBy()) + ").");
        scope.setVariable(TrainingVariables.ENLACE_EDICION, publicUrl + "/capacitacion/" + e.id());
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
}
