package pe.gob.regioncajamarca.participa.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.notification.OutboxSender;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Issue 21: a request for public information may be extended once, by the planning office, within the first two
 * business days after it was submitted (TUO de la Ley 27806, art. 11), with a later business day as the new date (at
 * most 20 business days after the legal one) and a reason; the requester is told by mail and on the tracking page,
 * and the answer's due date, reminder and escalation move to the new date. Every path, refusal and timer of the
 * branch "Decidir prórroga del plazo".
 *
 * <p>The request is submitted on Friday 4 June 2027: Monday 7 June is a national holiday, so its two business days
 * end on Wednesday 9 June (17:30) and its ten on Monday 21 June.</p>
 */
class InformationRequestExtensionIT extends ProcessTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    static final LocalDate SUBMITTED = LocalDate.of(2027, 6, 4); // Friday before the holiday of Monday 7 June
    static final LocalDate WINDOW_END = LocalDate.of(2027, 6, 9); // 2nd business day (7 June skipped)
    static final LocalDate LEGAL_DUE = LocalDate.of(2027, 6, 21); // 10th business day
    static final LocalDate NEW_DUE = LocalDate.of(2027, 7, 6); // 10 business days later (29 June skipped)

    @Autowired ComplaintService complaints;
    @Autowired OutboxSender sender;

    private String email;

    private static Date at(LocalDate day, LocalTime time) {
        return Date.from(day.atTime(time).atZone(DueDates.LIMA).toInstant());
    }

    private static Date endOf(LocalDate day) {
        return at(day, LocalTime.of(17, 30));
    }

    private ProcessInstance submit(String kind) {
        clockAt(SUBMITTED);
        email = "solicitante" + unique() + "@example.pe";
        String code = complaints.submit(new ComplaintService.Submission(kind, "Expediente técnico del canal",
                "Solicito copia del expediente técnico y de las valorizaciones del canal de riego.", null, false,
                "Juan Cerna Llanos", "42223344", email, null), null);
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult();
    }

    private Map<String, Object> row(ProcessInstance pi) {
        Map<String, Object> r = new HashMap<>();
        jdbc.sql("SELECT due_at, legal_due_at, extended_at, extension_reason FROM complaint WHERE process_instance_id = ?")
                .param(pi.getId()).query().singleRow().forEach((k, v) -> r.put(k.toLowerCase(), v));
        return r;
    }

    private static Date date(Object timestamp) {
        return timestamp == null ? null : new Date(((java.sql.Timestamp) timestamp).getTime());
    }

    private Job timer(ProcessInstance pi, String activity) {
        return management.createJobQuery().processInstanceId(pi.getId()).activityId(activity).singleResult();
    }

    private static Map<String, Object> extension(String date, String reason) {
        Map<String, Object> v = new HashMap<>();
        v.put("prorrogar", "SI");
        v.put("nuevaFechaLimite", date);
        v.put("motivoProrroga", reason);
        return v;
    }

    static final String REASON = "Las valorizaciones están en el archivo de la obra en Celendín y deben digitalizarse.";

    @Test
    void anExtensionWithinTwoBusinessDaysMovesTheAnswersDeadlineReminderAndEscalationAndTellsTheRequester()
            throws Exception {
        ProcessInstance pi = submit("ACCESO_INFORMACION");
        assertThat(runtime.getVariable(pi.getId(), "fechaLimite")).isEqualTo(endOf(LEGAL_DUE));
        assertThat(runtime.getVariable(pi.getId(), "fechaLimiteProrroga")).isEqualTo(endOf(WINDOW_END));
        assertThat(pi).isWaitingAt("Task_Triage", "Task_DecideExtension");
        // what the form shows: the legal deadline and the end of the window, as people read them
        assertThat(runtime.getVariable(pi.getId(), "plazoLegalTexto")).isEqualTo("21/06/2027");
        assertThat(runtime.getVariable(pi.getId(), "limiteProrrogaTexto")).isEqualTo("09/06/2027");
        Task decide = taskOf(pi.getId(), "Task_DecideExtension");
        assertThat(candidateGroupsOf(decide)).containsExactly("planning");
        assertThat(decide.getDueDate()).isEqualTo(endOf(WINDOW_END));

        // routed first: the answering task exists, with the legal deadline
        complete(taskOf(pi.getId(), "Task_Triage"), withVariables("grupoResponsable", "unit-educacion"));
        Task answer = taskOf(pi.getId(), "Task_Answer");
        assertThat(answer.getDueDate()).isEqualTo(endOf(LEGAL_DUE));
        assertThat(timer(pi, "Timer_AnswerOverdue").getDuedate()).isEqualTo(endOf(LEGAL_DUE));

        // Tuesday 8 June, the first business day after submission: extended to Tuesday 6 July
        clockAt(LocalDate.of(2027, 6, 8));
        complete(decide, withVariables("prorrogar", "SI", "nuevaFechaLimite", "06/07/2027", "motivoProrroga", REASON));
        assertThat(pi).hasPassed("Task_ExtendDeadline", "Event_Extended").isWaitingAt("Task_Answer");
        assertThat(runtime.getVariable(pi.getId(), "fechaLimite")).isEqualTo(endOf(NEW_DUE));
        assertThat(taskOf(pi.getId(), "Task_Answer").getDueDate()).isEqualTo(endOf(NEW_DUE));
        assertThat(timer(pi, "Timer_AnswerOverdue").getDuedate()).isEqualTo(endOf(NEW_DUE));
        // the reminder two business days before: Friday 2 July
        assertThat(timer(pi, "Timer_AnswerReminder").getDuedate()).isEqualTo(endOf(LocalDate.of(2027, 7, 2)));
        Map<String, Object> r = row(pi);
        assertThat(date(r.get("due_at"))).isEqualTo(endOf(NEW_DUE));
        assertThat(date(r.get("legal_due_at"))).isEqualTo(endOf(LEGAL_DUE));
        assertThat(r.get("extension_reason")).isEqualTo(REASON);
        ComplaintService.Status status = complaints.status(pi.getBusinessKey()).orElseThrow();
        assertThat(status.extended()).isTrue();
        assertThat(status.dueAt()).isEqualTo(endOf(NEW_DUE).toInstant());

        // the requester is told by mail (through the outbox, to a real SMTP server)
        String code = pi.getBusinessKey();
        assertThat(mailsTo(email)).containsExactly("Recibimos su solicitud de acceso a la información pública " + code,
                "Prórroga del plazo de su solicitud " + code);
        sender.sendDue();
        List<MimeMessage> got = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email)
                        && m.getSubject().startsWith("Prórroga del plazo");
            } catch (Exception e) {
                return false;
            }
        }).toList();
        assertThat(got).hasSize(1);
        assertThat(GreenMailUtil.getBody(got.get(0))).contains("06/07/2027", "21/06/2027", "Celend");

        // the old deadline passes: nothing fires, the unit alone has the task
        clockAt(new Date(endOf(LEGAL_DUE).getTime() + 60_000));
        assertThat(executeDueJobs(pi.getId())).as("jobs due at the old deadline").isZero();
        assertThat(escalationsOf(pi.getId())).isZero();
        assertThat(candidateGroupsOf(taskOf(pi.getId(), "Task_Answer"))).containsExactly("unit-educacion");

        // the new deadline passes: escalated to regional management
        passDeadlineOf(taskOf(pi.getId(), "Task_Answer"));
        assertThat(candidateGroupsOf(taskOf(pi.getId(), "Task_Answer")))
                .containsExactlyInAnyOrder("unit-educacion", "regional-management");
        assertThat(escalationsOf(pi.getId())).isEqualTo(1);
        assertThat(pi).hasPassed("Event_AnswerEscalated", "Event_AnswerReminded");
    }

    @Test
    void anExtensionBeforeTheRequestIsRoutedGivesTheAnsweringTaskTheNewDate() {
        ProcessInstance pi = submit("ACCESO_INFORMACION");
        clockAt(WINDOW_END); // noon of the last day
        complete(taskOf(pi.getId(), "Task_DecideExtension"), withVariables("prorrogar", "SI",
                "nuevaFechaLimite", "6/7/2027", "motivoProrroga", REASON));
        assertThat(pi).hasPassed("Event_Extended").isWaitingAt("Task_Triage");
        complete(taskOf(pi.getId(), "Task_Triage"), withVariables("grupoResponsable", "unit-educacion"));
        assertThat(taskOf(pi.getId(), "Task_Answer").getDueDate()).isEqualTo(endOf(NEW_DUE));
        assertThat(timer(pi, "Timer_AnswerOverdue").getDuedate()).isEqualTo(endOf(NEW_DUE));
        complete(taskOf(pi.getId(), "Task_Answer"), withVariables("respuesta", "Se adjunta el expediente."));
        assertThat(pi).isEnded().hasPassed("Event_Answered");
    }

    @Test
    void noExtensionKeepsTheLegalDeadline() {
        ProcessInstance pi = submit("ACCESO_INFORMACION");
        complete(taskOf(pi.getId(), "Task_DecideExtension"), withVariables("prorrogar", "NO"));
        assertThat(pi).hasPassed("Event_NotExtended").hasNotPassed("Task_ExtendDeadline").isWaitingAt("Task_Triage");
        assertThat(runtime.getVariable(pi.getId(), "fechaLimite")).isEqualTo(endOf(LEGAL_DUE));
        assertThat(row(pi).get("extended_at")).isNull();
        assertThat(mailsTo(email)).hasSize(1);
    }

    @Test
    void anUndecidedExtensionIsEscalatedAfterTheFirstBusinessDayAndClosesWithTheWindow() {
        ProcessInstance pi = submit("ACCESO_INFORMACION");
        Task decide = taskOf(pi.getId(), "Task_DecideExtension");
        // end of Tuesday 8 June (the first business day): regional management may still decide
        assertThat(timer(pi, "Timer_ExtensionUndecided").getDuedate()).isEqualTo(endOf(LocalDate.of(2027, 6, 8)));
        clockAt(at(LocalDate.of(2027, 6, 8), LocalTime.of(17, 31)));
        assertThat(executeDueJobs(pi.getId())).isEqualTo(1);
        assertThat(candidateGroupsOf(taskOf(pi.getId(), "Task_DecideExtension")))
                .containsExactlyInAnyOrder("planning", "regional-management");
        assertThat(taskOf(pi.getId(), "Task_DecideExtension").getPriority()).isEqualTo(90);
        assertThat(escalationsOf(pi.getId())).isEqualTo(1);
        // Wednesday 9 June, 17:30: the window closes, the task with it; the legal deadline stands
        passDeadlineOf(decide);
        assertThat(taskOf(pi.getId(), "Task_DecideExtension")).isNull();
        assertThat(pi).hasPassed("Event_ExtensionWindowClosed").isWaitingAt("Task_Triage");
        assertThat(runtime.getVariable(pi.getId(), "fechaLimite")).isEqualTo(endOf(LEGAL_DUE));
        assertThat(complaints.status(pi.getBusinessKey()).orElseThrow().extensible()).isFalse();
    }

    @Test
    void answeringTheRequestEndsAnUndecidedExtension() {
        ProcessInstance pi = submit("ACCESO_INFORMACION");
        complete(taskOf(pi.getId(), "Task_Triage"), withVariables("grupoResponsable", "unit-educacion"));
        complete(taskOf(pi.getId(), "Task_Answer"), withVariables("respuesta", "Se adjunta el expediente técnico."));
        assertThat(pi).isEnded().hasPassed("Event_Answered").hasNotPassed("Event_NotExtended");
        assertThat(taskOf(pi.getId(), "Task_DecideExtension")).isNull();
    }

    @Test
    void otherKindsHaveNoExtension() {
        for (String kind : List.of("CONSULTA", "RECLAMO")) {
            ProcessInstance pi = submit(kind);
            assertThat(pi).as(kind).isWaitingAtExactly("Task_Triage");
            assertThat(runtime.getVariable(pi.getId(), "fechaLimiteProrroga")).as(kind).isNull();
            assertThatThrownBy(() -> complaints.checkExtension(pi.getBusinessKey(), "06/07/2027", REASON))
                    .isInstanceOf(ComplaintService.Refused.class)
                    .hasMessageContaining("Solo las solicitudes de acceso a la información pública pueden prorrogarse")
                    .hasMessageContaining("esta es de tipo «" + ComplaintService.KINDS.get(kind) + "»");
        }
    }

    /** Each refusal names what to fix; the task stays open and nothing is stored or mailed. */
    @Test
    void aBadExtensionIsRefusedWithWhatToFixAndStoresNothing() {
        ProcessInstance pi = submit("ACCESO_INFORMACION");
        Task decide = taskOf(pi.getId(), "Task_DecideExtension");
        clockAt(LocalDate.of(2027, 6, 8));
        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put("21/06/2027", "La nueva fecha límite debe ser posterior al plazo actual, el 21/06/2027");
        refusals.put("18/06/2027", "La nueva fecha límite debe ser posterior al plazo actual, el 21/06/2027");
        refusals.put("29/06/2027", "La nueva fecha límite debe ser un día hábil: el 29/06/2027 es sábado, domingo o feriado.");
        refusals.put("03/07/2027", "La nueva fecha límite debe ser un día hábil: el 03/07/2027");
        refusals.put("21/07/2027", "La nueva fecha límite puede ser, como máximo, el 20/07/2027 (20 días hábiles después del plazo legal)");
        refusals.put("31/06/2027", "Escriba la nueva fecha límite como dd/mm/aaaa");
        refusals.put("", "Escriba la nueva fecha límite como dd/mm/aaaa");
        refusals.forEach((date, message) -> assertThatThrownBy(() -> tasks.complete(decide.getId(),
                extension(date, REASON))).as(date).isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining(message));
        assertThatThrownBy(() -> tasks.complete(decide.getId(), extension("20/07/2027", "Falta personal")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("Escriba el motivo de la prórroga (de 20 a 1000 caracteres)");
        assertThatThrownBy(() -> tasks.complete(decide.getId(), Map.of()))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("Indique si se prorroga el plazo");
        // the latest date allowed (20 July), but after the window: Wednesday 9 June 17:31 (before the timer ran)
        clockAt(at(WINDOW_END, LocalTime.of(17, 31)));
        assertThatThrownBy(() -> tasks.complete(decide.getId(), extension("20/07/2027", REASON)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("La prórroga debía comunicarse dentro de los dos primeros días hábiles "
                        + "(hasta el 09/06/2027 17:30): ya no cabe, rige el plazo legal del 21/06/2027.");

        assertThat(tasks.createTaskQuery().taskId(decide.getId()).count()).as("the task stays open").isEqualTo(1);
        Map<String, Object> r = row(pi);
        assertThat(date(r.get("due_at"))).isEqualTo(endOf(LEGAL_DUE));
        assertThat(r.get("extended_at")).isNull();
        assertThat(r.get("legal_due_at")).isNull();
        assertThat(runtime.getVariable(pi.getId(), "fechaLimite")).isEqualTo(endOf(LEGAL_DUE));
        assertThat(mailsTo(email)).hasSize(1);

        clockAt(WINDOW_END);
        complete(decide, withVariables("prorrogar", "SI", "nuevaFechaLimite", "20/07/2027", "motivoProrroga", REASON));
        assertThat(runtime.getVariable(pi.getId(), "fechaLimite")).isEqualTo(endOf(LocalDate.of(2027, 7, 20)));
    }

    /** Even a task started again by hand (Cockpit's process instance modification) cannot extend a second time. */
    @Test
    void aSecondExtensionIsRefused() {
        ProcessInstance pi = submit("ACCESO_INFORMACION");
        complete(taskOf(pi.getId(), "Task_DecideExtension"), withVariables("prorrogar", "SI",
                "nuevaFechaLimite", "06/07/2027", "motivoProrroga", REASON));
        runtime.createProcessInstanceModification(pi.getId()).startBeforeActivity("Task_DecideExtension").execute();
        Task again = taskOf(pi.getId(), "Task_DecideExtension");
        assertThatThrownBy(() -> tasks.complete(again.getId(), extension("13/07/2027", REASON)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("El plazo de esta solicitud ya fue prorrogado una vez, hasta el 06/07/2027: la ley "
                        + "permite una sola prórroga.");
        assertThat(runtime.getVariable(pi.getId(), "fechaLimite")).isEqualTo(endOf(NEW_DUE));
        assertThat(mailsTo(email)).hasSize(2);
    }

    /**
     * The extension acts on the request of its own process instance: a completion that names another request (or
     * sets the deadline itself) is refused by the task variable guard, and the other request is untouched.
     */
    @Test
    void anExtensionCannotNameAnotherRequestNorSetTheDeadline() {
        ProcessInstance other = submit("ACCESO_INFORMACION");
        ProcessInstance pi = submit("ACCESO_INFORMACION");
        Task decide = taskOf(pi.getId(), "Task_DecideExtension");
        Map<String, Object> smuggled = extension("06/07/2027", REASON);
        smuggled.put("codigo", other.getBusinessKey());
        assertThatThrownBy(() -> tasks.complete(decide.getId(), smuggled))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("codigo");
        Map<String, Object> deadline = extension("06/07/2027", REASON);
        deadline.put("fechaLimite", endOf(LocalDate.of(2027, 12, 31)));
        assertThatThrownBy(() -> tasks.complete(decide.getId(), deadline))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("fechaLimite");
        assertThat(row(other).get("extended_at")).isNull();
        assertThat(row(pi).get("extended_at")).isNull();
        assertThat(runtime.getVariable(pi.getId(), "fechaLimite")).isEqualTo(endOf(LEGAL_DUE));
    }
}
