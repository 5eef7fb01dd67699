package pe.gob.regioncajamarca.participa.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Complaints on the portal through complaint-handling: submitted with an attachment judged by content, a tracking
 * code, routing, the answer mailed and public by code; a report of wrongdoing (wrongdoing-report) whose reporter
 * only the integrity office can know; reminders before and escalation after the legal deadline across weekends and holidays.
 */
class ComplaintPortalIT extends ProcessTest {

    @LocalServerPort int port;

    static byte[] pdf() throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        }
    }

    private Map<String, String> fields(Http http, String kind, String email) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("_csrf", http.csrfTokenOf("/reclamos"));
        f.put("tipo", kind);
        f.put("asunto", "Obra paralizada en Llacanora");
        f.put("descripcion", "La obra del colegio está paralizada desde hace dos meses y no hay residente.");
        f.put("cui", "2324969");
        f.put("nombre", "Julia Chávez Cerna");
        f.put("dni", "41234567");
        f.put("correo", email);
        f.put("telefono", "976123456");
        return f;
    }

    private String codeFrom(java.net.http.HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        return location.substring(location.indexOf("/reclamos/") + 10, location.indexOf('?'));
    }

    private ProcessInstance instanceOf(String code) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult();
    }

    @Test
    void aComplaintIsRoutedAnsweredMailedAndPublicByItsCode() throws Exception {
        clockAt(LocalDate.of(2026, 7, 20)); // a Monday before the July holidays
        Http http = new Http(port);
        String email = "julia" + unique() + "@example.pe";
        String code = codeFrom(http.postMultipart("/reclamos", fields(http, "RECLAMO", email), "adjunto",
                "foto-obra.pdf", pdf(), "application/pdf"));
        assertThat(code).matches("SOL-[A-Z0-9]{8}");
        String page = http.get("/reclamos/" + code + "?nueva").body();
        assertThat(page).contains("Recibimos su pedido", code, "Recibida", "14/08/2026 17:30")
                .doesNotContain("Julia Chávez").doesNotContain("41234567").doesNotContain(email);
        assertThat(mailsTo(email)).containsExactly("Recibimos su reclamo " + code);

        ProcessInstance pi = instanceOf(code);
        Task triage = taskOf(pi.getId(), "Task_Triage");
        assertThat(tasks.getVariable(triage.getId(), "asunto")).isEqualTo("Obra paralizada en Llacanora");
        complete(triage, withVariables("grupoResponsable", "unit-sede-central", "notaDerivacion", "Urgente"));
        assertThat(new Http(port).get("/reclamos/" + code).body()).contains("Derivada a la oficina responsable");
        Task answer = taskOf(pi.getId(), "Task_Answer");
        assertThat(candidateGroupsOf(answer)).containsExactly("unit-sede-central");
        complete(answer, withVariables("respuesta", "El residente fue designado y la obra se reanuda el lunes."));
        assertThat(pi).isEnded();
        assertThat(mailsTo(email)).contains("Respuesta a su reclamo " + code);
        assertThat(new Http(port).get("/reclamos/" + code).body()).contains("Respondida",
                "El residente fue designado y la obra se reanuda el lunes.");
        // the tracking form finds it; a wrong code does not
        assertThat(new Http(port).get("/reclamos/seguimiento?codigo=" + code.toLowerCase()).headers()
                .firstValue("Location").orElseThrow()).endsWith("/reclamos/" + code);
        assertThat(new Http(port).get("/reclamos/SOL-NOEXISTE").statusCode()).isEqualTo(404);
        // the attachment is the planning office's and the responsible unit's, not the public's
        assertThat(new Http(port).get("/personal/solicitudes/" + code + "/adjunto").statusCode()).isEqualTo(302);
        String planner = staffUser("planning");
        Http staff = new Http(port);
        staff.staffLogin(planner, "secreto-" + planner);
        var file = staff.get("/personal/solicitudes/" + code + "/adjunto");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
    }

    @Test
    void badInputIsExplainedAndStoresNothing() throws Exception {
        int before = jdbc.sql("SELECT COUNT(*) FROM complaint").query(Integer.class).single();
        Http http = new Http(port);
        // an executable that calls itself a PDF
        byte[] exe = "MZ\u0090\u0000 This program cannot be run in DOS mode".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        var r = http.postMultipart("/reclamos", fields(http, "RECLAMO", "x@example.pe"), "adjunto", "factura.pdf", exe,
                "application/pdf");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("no es un PDF, JPG ni PNG (se revisa su contenido, no su nombre)");
        // a "PDF" that only starts like one
        byte[] fake = "%PDF-1.7\n<script>alert(1)</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(http.postMultipart("/reclamos", fields(http, "RECLAMO", "x@example.pe"), "adjunto", "a.pdf", fake,
                "application/pdf").body()).contains("no es un PDF válido");
        // missing and malformed fields, all listed; anonymity is for reports of wrongdoing only
        Map<String, String> f = fields(http, "RECLAMO", "no-es-correo");
        f.put("asunto", "");
        f.put("descripcion", "corto");
        f.put("dni", "123");
        f.put("cui", "<script>");
        f.put("anonimo", "true");
        String body = http.postMultipart("/reclamos", f, "adjunto", null, null, null).body();
        assertThat(body).contains("Escriba el asunto", "al menos 20 caracteres", "El DNI tiene 8 dígitos",
                "El CUI del proyecto relacionado", "Solo las denuncias pueden presentarse de forma anónima")
                .doesNotContain("<script>");
        // issue 19: every faulty field marked, its message next to it, the summary's items leading to the fields
        for (String field : List.of("asunto", "descripcion", "cui", "anonimo", "dni", "correo")) {
            assertThat(body).as(field).containsPattern("id=\"" + field + "\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\""
                    + field + "-error\"").contains("id=\"" + field + "-error\" class=\"field-error\"",
                    "<a href=\"#" + field + "\">");
        }
        assertThat(body).doesNotContain("id=\"nombre-error\"").doesNotContain("aria-invalid=\"false\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint").query(Integer.class).single()).isEqualTo(before);
        // without the CSRF token nothing happens
        Map<String, String> noToken = fields(http, "RECLAMO", "x@example.pe");
        noToken.remove("_csrf");
        assertThat(http.postMultipart("/reclamos", noToken, "adjunto", null, null, null).statusCode()).isEqualTo(403);
    }

    @Test
    void theReporterOfWrongdoingIsKnownToTheIntegrityOfficeAlone() throws Exception {
        Http http = new Http(port);
        String email = "testigo" + unique() + "@example.pe";
        String code = codeFrom(http.postMultipart("/reclamos", fields(http, "DENUNCIA", email), "adjunto", null,
                null, null));
        ProcessInstance pi = instanceOf(code);
        assertThat(pi).isWaitingAt("Task_HandleReport");
        // the identity is nowhere in the engine: variables, history, task variables
        List<String> engineData = new java.util.ArrayList<>();
        runtime.getVariables(pi.getId()).values().forEach(v -> engineData.add(String.valueOf(v)));
        engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list()
                .forEach(v -> engineData.add(String.valueOf(v.getValue())));
        engine.getHistoryService().createHistoricDetailQuery().processInstanceId(pi.getId()).list()
                .forEach(d -> engineData.add(d.toString()));
        assertThat(String.join(" ", engineData)).doesNotContain("Julia").doesNotContain("41234567")
                .doesNotContain(email).doesNotContain("976123456").contains("Obra paralizada");
        // its task is the integrity office's only: no other group sees it, through the API or the REST API
        Task handle = taskOf(pi.getId(), "Task_HandleReport");
        assertThat(candidateGroupsOf(handle)).containsExactly("integrity-office");
        for (String group : List.of("planning", "regional-management", "technical-team", "unit-sede-central",
                "oversight-committee", "communications")) {
            String user = staffUser(group);
            var tasksSeen = new Http(port).get("/engine-rest/task?processInstanceId=" + pi.getId(), user, "secreto-" + user);
            assertThat(tasksSeen.statusCode()).isEqualTo(200);
            assertThat(tasksSeen.body()).as(group).isEqualTo("[]");
            var vars = new Http(port).get("/engine-rest/process-instance/" + pi.getId() + "/variables", user,
                    "secreto-" + user);
            assertThat(vars.body()).as(group).doesNotContain("Obra paralizada");
            var history = new Http(port).get("/engine-rest/history/variable-instance?processInstanceId=" + pi.getId(),
                    user, "secreto-" + user);
            assertThat(history.body()).as(group).doesNotContain("Obra paralizada");
            Http staff = new Http(port);
            staff.staffLogin(user, "secreto-" + user);
            assertThat(staff.get("/personal/denuncias/" + code).statusCode()).as(group).isEqualTo(403);
        }
        String integrity = staffUser("integrity-office");
        assertThat(new Http(port).get("/engine-rest/task?processInstanceId=" + pi.getId(), integrity,
                "secreto-" + integrity).body()).contains(handle.getId());
        Http office = new Http(port);
        office.staffLogin(integrity, "secreto-" + integrity);
        assertThat(office.get("/personal/denuncias/" + code).body()).contains("Julia Chávez Cerna", "41234567", email);
        // the reporter is told it was received (to their own address), and the public page shows no identity
        assertThat(mailsTo(email)).containsExactly("Recibimos su denuncia " + code);
        assertThat(new Http(port).get("/reclamos/" + code).body()).doesNotContain("Julia");
        complete(handle, withVariables("resultadoDenuncia", "DERIVADA_PAD", "respuesta", "Se derivó al procedimiento."));
        assertThat(mailsTo(email)).contains("Respuesta a su denuncia " + code);
    }

    @Test
    void anAnonymousReportKeepsNoIdentityAndMailsNobody() throws Exception {
        Http http = new Http(port);
        Map<String, String> f = fields(http, "DENUNCIA", "anonimo" + unique() + "@example.pe");
        f.put("anonimo", "true");
        String code = codeFrom(http.postMultipart("/reclamos", f, "adjunto", null, null, null));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint WHERE tracking_code = ? AND full_name IS NULL AND email IS NULL "
                + "AND document_number IS NULL AND phone IS NULL AND anonymous = TRUE").param(code).query(Integer.class)
                .single()).isEqualTo(1);
        assertThat(mailsTo(f.get("correo"))).isEmpty();
    }

    @Test
    void aReminderComesTwoBusinessDaysBeforeTheDeadlineAndTheEscalationAfterIt() throws Exception {
        clockAt(LocalDate.of(2026, 7, 20));
        String unitUser = staffUser("unit-sede-central");
        Http http = new Http(port);
        String code = codeFrom(http.postMultipart("/reclamos", fields(http, "RECLAMO", "r" + unique() + "@example.pe"),
                "adjunto", null, null, null));
        ProcessInstance pi = instanceOf(code);
        complete(taskOf(pi.getId(), "Task_Triage"), withVariables("grupoResponsable", "unit-sede-central"));
        // deadline Fri 14 Aug 2026 (15 business days: 23, 28, 29 Jul and 6 Aug are holidays); reminder Wed 12 Aug
        clockAt(LocalDate.of(2026, 8, 12)); // noon: the reminder is due at 17:30
        executeDueJobs(pi.getId());
        assertThat(mailsTo(unitUser + "@example.pe")).isEmpty();
        clockAt(java.util.Date.from(LocalDate.of(2026, 8, 12).atTime(17, 31).atZone(java.time.ZoneId.of("America/Lima"))
                .toInstant()));
        executeDueJobs(pi.getId());
        assertThat(pi).hasPassed("Event_AnswerReminded");
        assertThat(mailsTo(unitUser + "@example.pe")).singleElement().satisfies(s -> assertThat(s)
                .startsWith("Recordatorio: «Responder al ciudadano · ").contains("» vence el 14/08/2026"));
        assertThat(candidateGroupsOf(taskOf(pi.getId(), "Task_Answer"))).containsExactly("unit-sede-central");
        clockAt(LocalDate.of(2026, 8, 17)); // Monday after the deadline
        executeDueJobs(pi.getId());
        assertThat(candidateGroupsOf(taskOf(pi.getId(), "Task_Answer")))
                .containsExactlyInAnyOrder("unit-sede-central", "regional-management");
        assertThat(pi).hasPassed("Event_AnswerEscalated").isWaitingAt("Task_Answer");
    }
}
