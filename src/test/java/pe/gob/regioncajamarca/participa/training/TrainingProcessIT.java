package pe.gob.regioncajamarca.participa.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * An edition of training-programme through the engine: designed, sent back and adjusted, approved, published,
 * enrolled to capacity with a waiting list that moves up, reminded, attended session by session, evaluated and
 * closed with certificates only for those who met the rule; certificates verified and indicators read over HTTP.
 * Then every escalation and the evaluation's reminder with the engine clock moved.
 */
class TrainingProcessIT extends ProcessTest {

    static final LocalDate DAY = LocalDate.of(2026, 5, 4); // a Monday
    static final String SESSIONS = """
            2026-06-01 09:00 | Auditorio de la Sede Regional | Lic. Ana Vásquez
            2026-06-03 09:00 | Auditorio de la Sede Regional | Lic. Ana Vásquez
            2026-06-05 18:00 | https://meet.example.pe/taller | Mg. Luis Cerna
            2026-06-10 09:00 | Auditorio de la Sede Regional | Lic. Ana Vásquez
            """;
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired TrainingEditions editions;
    @Autowired Enrolments enrolments;
    @Autowired CitizenMonitors monitors;
    @Autowired SessionReminders reminders;
    @Autowired Certificates certificates;

    private Map<String, Object> design(String sessions) {
        Map<String, Object> v = new HashMap<>();
        v.put("nombrePrograma", "Vigilancia ciudadana de obras " + unique());
        v.put("modulos", "1. Presupuesto participativo\n2. Vigilancia de obras");
        v.put("publicoObjetivo", "Agentes participantes");
        v.put("modalidad", "MIXTA");
        v.put("sesiones", sessions);
        v.put("cupos", 4L);
        v.put("inscripcionHasta", "2026-05-25");
        v.put("asistenciaMinima", 75L);
        v.put("evaluacionRequerida", true);
        v.put("notaMinima", 11L);
        v.put("cursoVigilancia", true);
        return v;
    }

    private ProcessInstance start() {
        clockAt(DAY);
        return runtime.startProcessInstanceByKey("training-programme", design(SESSIONS));
    }

    private long editionOf(ProcessInstance pi) {
        return ((Number) runtime.getVariable(pi.getId(), "edicionId")).longValue();
    }

    /** Approved at once and published: enrolment open. */
    private ProcessInstance published() {
        ProcessInstance pi = start();
        complete(taskOf(pi.getId(), "Task_ApproveProgramme"), withVariables("decisionPrograma", "aprobar"));
        complete(taskOf(pi.getId(), "Task_PublishCall"), withVariables("convocatoriaPublicada", true));
        return pi;
    }

    private Enrolments.Enrolment enrol(long edition, long citizen, String sex, String age, String province, String org) {
        return enrolments.enrol(edition, dni(citizen), new Enrolments.Demographics(sex, age, province, org));
    }

    private String dni(long citizen) {
        return jdbc.sql("SELECT document_number FROM citizen_account WHERE id = ?").param(citizen).query(String.class)
                .single();
    }

    @Test
    void aBadDesignIsRefusedWholeWithOneMessagePerLine() {
        clockAt(DAY);
        int before = jdbc.sql("SELECT COUNT(*) FROM training_edition").query(Integer.class).single();
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("training-programme", design(
                "2026-06-01 09:00 | Auditorio | Ana\n2026-13-01 09:00 | Auditorio | Ana\n2026-06-02 | Auditorio")))
                .hasMessageContaining("Línea 2: la fecha «2026-13-01» no existe")
                .hasMessageContaining("Línea 3: escriba tres partes");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM training_edition").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void anEditionIsSentBackApprovedPublishedFilledAttendedEvaluatedAndCertified() throws Exception {
        ProcessInstance pi = start();
        long edition = editionOf(pi);
        String code = (String) runtime.getVariable(pi.getId(), "codigoEdicion");
        assertThat(code).matches("CAP-2026-\\d{4}");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey())
                .isEqualTo(code);
        assertThat(editions.sessions(edition)).hasSize(4).first()
                .satisfies(s -> assertThat(s.startsAt()).isEqualTo(LocalDateTime.of(2026, 6, 1, 9, 0)));
        assertThat(editions.sessions(edition).get(2).onlineLink()).isEqualTo("https://meet.example.pe/taller");

        // regional management sends it back: observations are required
        Task approve = taskOf(pi.getId(), "Task_ApproveProgramme");
        assertThat(candidateGroupsOf(approve)).containsExactly("regional-management");
        assertThatThrownBy(() -> tasks.complete(approve.getId(), Map.of("decisionPrograma", "observar")))
                .hasMessageContaining("Escriba las observaciones");
        complete(approve, withVariables("decisionPrograma", "observar", "observacionesPrograma", "Una sesión virtual más"));
        assertThat(editions.find(edition).orElseThrow().status()).isEqualTo("OBSERVADO");
        Task adjust = taskOf(pi.getId(), "Task_AdjustProgramme");
        assertThat(candidateGroupsOf(adjust)).containsExactly("planning");
        assertThat(tasks.getVariable(adjust.getId(), "sesiones").toString()).contains("2026-06-10 09:00 | Auditorio");
        assertThatThrownBy(() -> tasks.complete(adjust.getId(), Map.of("sesiones", "mañana | aquí | yo")))
                .hasMessageContaining("Línea 1: «mañana» no es una fecha y hora");
        complete(adjust, withVariables("sesiones", SESSIONS.replace("2026-06-10 09:00 | Auditorio de la Sede Regional",
                "2026-06-10 09:00 | Auditorio de la Sede Regional, 2.º piso")));
        assertThat(editions.sessions(edition).get(3).place()).isEqualTo("Auditorio de la Sede Regional, 2.º piso");
        complete(taskOf(pi.getId(), "Task_ApproveProgramme"), withVariables("decisionPrograma", "aprobar"));

        // communications publishes the call with its materials: enrolment opens
        Task publish = taskOf(pi.getId(), "Task_PublishCall");
        assertThat(candidateGroupsOf(publish)).containsExactly("communications");
        assertThatThrownBy(() -> tasks.complete(publish.getId(), Map.of("convocatoriaPublicada", true,
                "materiales", "Afiche sin enlace"))).hasMessageContaining("Línea 1: escriba título | enlace");
        complete(publish, withVariables("convocatoriaPublicada", true, "materiales",
                "Afiche de la convocatoria | https://example.pe/afiche.pdf\nReel | https://example.pe/reel.mp4"));
        assertThat(editions.find(edition).orElseThrow().status()).isEqualTo("INSCRIPCION");
        assertThat(editions.materials(edition)).extracting(TrainingEditions.Material::title)
                .containsExactly("Afiche de la convocatoria", "Reel");
        assertThat(pi).isWaitingAt("Timer_EnrolmentCloses");

        // six people for four seats: the first four get a seat, the others wait in order
        int year = freeYear();
        formalisedCycle(year);
        long agent = agentOf(year, "ACREDITADO", "Junta vecinal de Mollepampa");
        long c1 = jdbc.sql("SELECT citizen_id FROM agent_registration WHERE id = ?").param(agent).query(Long.class).single();
        String mail1 = jdbc.sql("SELECT email FROM citizen_account WHERE id = ?").param(c1).query(String.class).single();
        long c2 = citizen("c2." + unique() + "@example.pe");
        long c3 = citizen("c3." + unique() + "@example.pe");
        long c4 = citizen("c4." + unique() + "@example.pe");
        long c5 = citizen("c5." + unique() + "@example.pe");
        long c6 = citizen("c6." + unique() + "@example.pe");
        // the agent's sex, age group and province come from the registration (F, born 1980, test province)
        Enrolments.Enrolment e1 = enrol(edition, c1, null, null, null, "JUNTA_VECINAL");
        assertThat(e1.status()).isEqualTo("INSCRITO");
        assertThat(jdbc.sql("SELECT sex || ' ' || age_group || ' ' || province_code FROM training_enrolment WHERE id = ?")
                .param(e1.id()).query(String.class).single()).isEqualTo("F 45-59 " + TEST_PROVINCE);
        assertThat(enrol(edition, c1, null, null, null, "JUNTA_VECINAL").id()).as("a double click").isEqualTo(e1.id());
        assertThatThrownBy(() -> enrol(edition, c2, "M", null, "0601", null))
                .hasMessageContaining("Elija su grupo de edad").hasMessageContaining("Elija el tipo de organización");
        enrol(edition, c2, "M", "18-29", "0601", "NINGUNA");
        // c3 enrols on the portal, logged in, with the CSRF token of the edition's page
        Http browser = new Http(port);
        browser.postForm("/login", Map.of("username", dni(c3), "password", "x", "_csrf", browser.csrfTokenOf("/login")));
        HttpResponse<String> posted = browser.submit("/capacitacion/" + edition, "/capacitacion/" + edition + "/inscripcion",
                Map.of("sexo", "M", "grupoEdad", "18-29", "provincia", "0601", "tipoOrganizacion", "NINGUNA"));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(browser.get("/capacitacion/" + edition).body()).contains("Su inscripción está confirmada")
                .contains("Cancelar mi inscripción");
        Enrolments.Enrolment e4 = enrol(edition, c4, "F", "30-44", "0601", "ORGANIZACION_SOCIAL");
        Enrolments.Enrolment e5 = enrol(edition, c5, "M", "60+", "0604", "COMUNIDAD_RONDA");
        Enrolments.Enrolment e6 = enrol(edition, c6, "F", "18-29", "0604", "JUVENIL");
        assertThat(e4.status()).isEqualTo("INSCRITO");
        assertThat(e5.status()).isEqualTo("EN_ESPERA");
        assertThat(e5.waitingRank()).isEqualTo(1);
        assertThat(e6.waitingRank()).isEqualTo(2);
        assertThat(enrolments.seats(edition)).isEqualTo(new Enrolments.Seats(4, 4, 2));
        // a cancellation moves the first person waiting up, who is told
        String mail5 = jdbc.sql("SELECT email FROM citizen_account WHERE id = ?").param(c5).query(String.class).single();
        enrolments.cancel(edition, dni(c2));
        assertThat(enrolments.of(edition, c5).orElseThrow().status()).isEqualTo("INSCRITO");
        assertThat(enrolments.of(edition, c6).orElseThrow().waitingRank()).isEqualTo(1);
        assertThat(mailsTo(mail5)).anyMatch(s -> s.startsWith("Tiene un cupo en"));
        assertThat(enrolments.seats(edition)).isEqualTo(new Enrolments.Seats(4, 4, 1));
        long e3 = enrolments.of(edition, c3).orElseThrow().id();
        long e5id = enrolments.of(edition, c5).orElseThrow().id();

        // enrolment closes at the end of its last day: one branch per session, each waiting for its session to begin
        clockAt(LocalDate.of(2026, 5, 25));
        assertThat(executeDueJobs(pi.getId())).isZero();
        clockAt(LocalDate.of(2026, 5, 26));
        executeDueJobs(pi.getId());
        assertThat(editions.find(edition).orElseThrow().status()).isEqualTo("EN_CURSO");
        // while the edition runs, «Mis cursos» says so (issue 19)
        assertThat(browser.get("/capacitacion/mis-cursos").body()).contains(code).contains("En curso");
        String mail6 = jdbc.sql("SELECT email FROM citizen_account WHERE id = ?").param(c6).query(String.class).single();
        assertThat(mailsTo(mail6)).as("the person still waiting is told").anyMatch(s -> s.startsWith("Sin cupo en"));
        assertThat(mailsTo(mail5)).noneMatch(s -> s.startsWith("Sin cupo en"));
        assertThatThrownBy(() -> enrolments.cancel(edition, dni(c1))).hasMessageContaining("ya cerraron");
        assertThat(pi).isWaitingAt("Timer_SessionStarts");
        assertThat(attendanceTasks(pi)).as("no attendance task before its session").isEmpty();

        // the day before the first session every seat holder is reminded, once
        clockAt(Date.from(LocalDateTime.of(2026, 5, 31, 10, 0).atZone(DueDates.LIMA).toInstant()));
        assertThat(reminders.sendDue()).isGreaterThanOrEqualTo(4);
        assertThat(reminders.sendDue()).isZero();
        assertThat(mailsTo(mail1)).anyMatch(s -> s.startsWith("Recordatorio: sesión 1 de"));
        assertThat(mailsTo(mail1)).noneMatch(s -> s.startsWith("Recordatorio: sesión 2 de"));

        // attendance per session, each once its session has begun: c1 misses the last (75 %), c3 misses two (50 %)
        Task first = attendanceOnceBegun(pi, LocalDateTime.of(2026, 6, 1, 9, 0));
        assertThat(candidateGroupsOf(first)).containsExactly("planning");
        assertThat(tasks.getVariable(first.getId(), "sesionNumero")).isEqualTo(1);
        // due two business days after its session (1 June, a Monday: Wednesday 3 June)
        assertThat(first.getDueDate()).isEqualTo(DueDates.endOfWorkday(LocalDate.of(2026, 6, 3)));
        assertThat(tasks.getVariable(first.getId(), "listaParticipantes").toString())
                .contains("N.º " + e1.id() + " · Rosa Huamán Cotrina").doesNotContain("N.º " + e6.id());
        assertThatThrownBy(() -> tasks.complete(first.getId(), Map.of("ausentes", "999999",
                "asistenciaConfirmada", true))).hasMessageContaining("El número 999999 no corresponde");
        complete(first, withVariables("ausentes", "", "asistenciaConfirmada", true));
        complete(attendanceOnceBegun(pi, LocalDateTime.of(2026, 6, 3, 9, 0)),
                withVariables("ausentes", String.valueOf(e3), "asistenciaConfirmada", true));
        complete(attendanceOnceBegun(pi, LocalDateTime.of(2026, 6, 5, 18, 0)),
                withVariables("ausentes", e3 + " ", "asistenciaConfirmada", true));
        assertThat(pi).as("no evaluation before the last session").isWaitingAt("Timer_SessionStarts");
        complete(attendanceOnceBegun(pi, LocalDateTime.of(2026, 6, 10, 9, 0)),
                withVariables("ausentes", e1.id() + ",", "asistenciaConfirmada", true));
        assertThat(editions.presentAt(editions.sessions(edition).get(1).id())).isEqualTo(3);

        // the evaluation: c4 fails it (10.5 < 11), c5 passes with exactly 11
        Task evaluation = taskOf(pi.getId(), "Task_RecordEvaluation");
        assertThat(candidateGroupsOf(evaluation)).containsExactly("planning");
        assertThatThrownBy(() -> tasks.complete(evaluation.getId(), Map.of("notas", e1.id() + " | 21")))
                .hasMessageContaining("es mayor que 20");
        complete(evaluation, withVariables("notas", e1.id() + " | 15\n" + e3 + " | 18\n" + e4.id() + " | 10,5\n"
                + e5id + " | 11"));
        executeDueJobs(pi.getId()); // the certificates are issued after a savepoint
        assertThat(pi).isEnded().hasPassed("Task_IssueCertificates", "Event_Concluded");
        assertThat(editions.find(edition).orElseThrow().status()).isEqualTo("CONCLUIDO");

        // certificates only for c1 and c5, who are now citizen monitors (oversight course)
        List<String> certified = jdbc.sql("""
                SELECT e.citizen_id FROM training_certificate t JOIN training_enrolment e ON e.id = t.enrolment_id
                WHERE e.edition_id = ? ORDER BY e.citizen_id""").param(edition).query(String.class).list();
        assertThat(certified).containsExactlyInAnyOrder(String.valueOf(c1), String.valueOf(c5));
        assertThat(monitors.isCitizenMonitor(c1)).isTrue();
        assertThat(monitors.isCitizenMonitor(c5)).isTrue();
        assertThat(monitors.isCitizenMonitor(c3)).isFalse();
        assertThat(monitors.isCitizenMonitor(c4)).isFalse();
        assertThat(mailsTo(mail1)).anyMatch(s -> s.startsWith("Su certificado de"));
        String certificate = enrolments.of(edition, c1).orElseThrow().certificateCode();
        assertThat(certificate).matches("CERT-[A-Z0-9]{4}-[A-Z0-9]{4}");

        // anyone verifies the certificate by its code: name, edition and date, nothing else
        Http anyone = new Http(port);
        HttpResponse<String> verified = anyone.get("/capacitacion/certificados/" + certificate);
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("Certificado válido").contains("Rosa Huamán Cotrina")
                .contains(code).doesNotContain(dni(c1)).doesNotContain(mail1);
        assertThat(anyone.get("/capacitacion/certificados/CERT-AAAA-AAAA").body()).contains("No existe un certificado");
        assertThat(anyone.get("/capacitacion/certificados?codigo=" + certificate.toLowerCase()).headers()
                .firstValue("Location").orElseThrow()).endsWith("/capacitacion/certificados/" + certificate);
        HttpResponse<String> pdf = anyone.get("/capacitacion/certificados/" + certificate + ".pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
        assertThat(anyone.get("/capacitacion/" + edition + "/informe.pdf").body()).startsWith("%PDF");
        // kept for a look by hand, like the other documents' tests
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/documents"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/documents/certificado-capacitacion.pdf"),
                certificates.pdf(certificate).orElseThrow());
        try (var in = java.net.URI.create("http://localhost:" + port + "/capacitacion/" + edition + "/informe.pdf")
                .toURL().openStream()) {
            java.nio.file.Files.write(java.nio.file.Path.of("target/documents/informe-capacitacion.pdf"),
                    in.readAllBytes());
        }
        // after the close, «Mis cursos» tells the outcome, not «Inscrito» (issue 19): c3 attended 50 %
        assertThat(browser.get("/capacitacion/mis-cursos").body()).contains(code).contains("No cumplió la asistencia")
                .doesNotContain(">Inscrito<");
        assertThat(browser.get("/capacitacion/" + edition).body()).contains("No cumplió la asistencia");
        // and on Mi cuenta, as one more section of "my participation"
        assertThat(browser.get("/mi-cuenta").body()).contains("Mis cursos de capacitación", "No cumplió la asistencia")
                .doesNotContain(">Inscrito<").doesNotContain("Aún no se inscribió en ningún curso.");
        // c4 attended every session and failed the evaluation; c5 passed and holds a certificate
        Http failed = new Http(port);
        failed.postForm("/login", Map.of("username", dni(c4), "password", "x", "_csrf", failed.csrfTokenOf("/login")));
        assertThat(failed.get("/mi-cuenta").body()).contains("No aprobó la evaluación").doesNotContain(">Inscrito<");
        Http passed = new Http(port);
        passed.postForm("/login", Map.of("username", dni(c5), "password", "x", "_csrf", passed.csrfTokenOf("/login")));
        assertThat(passed.get("/mi-cuenta").body()).contains(">Certificado<",
                enrolments.of(edition, c5).orElseThrow().certificateCode());

        // the staff who run the edition read its roster; a citizen's session does not open staff pages
        String planner = staffUser("planning");
        Http staff = new Http(port);
        staff.staffLogin(planner, "secreto-" + planner);
        String roster = staff.get("/personal/capacitacion/" + edition).body();
        assertThat(roster).contains(certificate).contains("3 de 4").contains("2 de 4").contains("En espera")
                .contains("Cancelado").contains("10.5");
        assertThat(browser.get("/personal/capacitacion/" + edition).statusCode()).isEqualTo(403);
        String outsider = staffUser("technical-team");
        Http other = new Http(port);
        other.staffLogin(outsider, "secreto-" + outsider);
        assertThat(other.get("/personal/capacitacion/" + edition).statusCode()).isEqualTo(403);

        // the indicators of the edition match its enrolments: four seat holders, all attended, two trained
        JsonNode json = JSON.readTree(anyone.get("/api/open-data/training/indicators").body());
        JsonNode mine = null;
        for (JsonNode e : json.get("editions")) {
            if (code.equals(e.get("code").asText())) {
                mine = e;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("enrolled").asInt()).isEqualTo(4);
        assertThat(mine.get("attended").asInt()).isEqualTo(4);
        assertThat(mine.get("trained").asInt()).isEqualTo(2);
        assertThat(counts(mine.get("bySex"), "sex")).containsEntry("F", "2/1").containsEntry("M", "2/1").hasSize(2);
        assertThat(counts(mine.get("byAgeGroup"), "ageGroup")).containsEntry("45-59", "1/1")
                .containsEntry("18-29", "1/0").containsEntry("30-44", "1/0").containsEntry("60+", "1/1").hasSize(4);
        assertThat(counts(mine.get("byProvince"), "province")).containsEntry(TEST_PROVINCE, "1/1")
                .containsEntry("0601", "2/0").containsEntry("0604", "1/1").hasSize(3);
        assertThat(counts(mine.get("byOrganizationType"), "organizationType")).containsEntry("JUNTA_VECINAL", "1/1")
                .containsEntry("NINGUNA", "1/0").containsEntry("ORGANIZACION_SOCIAL", "1/0")
                .containsEntry("COMUNIDAD_RONDA", "1/1").hasSize(4);
        assertThat(json.get("trained").asInt()).isGreaterThanOrEqualTo(2);
        String csv = anyone.get("/api/open-data/training/indicators.csv").body();
        assertThat(csv).startsWith("edition,dimension,group,label,enrolled,attended,trained\r\n")
                .contains(code + ",total,,,4,4,2\r\n").contains(code + ",sex,F,Mujer,2,2,1\r\n")
                .contains(code + ",province,0604,Chota,1,1,1\r\n");
        String raw = anyone.get("/api/open-data/training/indicators").body();
        assertThat(raw).doesNotContain("Huamán").doesNotContain(dni(c1)).doesNotContain("@example.pe");
        assertThat(anyone.get("/capacitacion/indicadores").body()).contains("Indicadores del programa")
                .contains("<svg class=\"bar\"");
        assertThat(anyone.get("/capacitacion").body()).contains(editions.find(edition).orElseThrow().title());
    }

    private List<Task> attendanceTasks(ProcessInstance pi) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_RecordAttendance").list();
    }

    /**
     * The attendance task of the session that starts at {@code start} (Lima): none a minute before, exactly one new
     * task at the start.
     */
    private Task attendanceOnceBegun(ProcessInstance pi, LocalDateTime start) {
        java.util.Set<String> before = new java.util.HashSet<>(attendanceTasks(pi).stream().map(Task::getId).toList());
        clockAt(Date.from(start.minusMinutes(1).atZone(DueDates.LIMA).toInstant()));
        executeDueJobs(pi.getId());
        assertThat(attendanceTasks(pi)).as("a minute before the session of " + start).hasSize(before.size());
        clockAt(Date.from(start.atZone(DueDates.LIMA).toInstant()));
        assertThat(executeDueJobs(pi.getId())).as("the session's timer at " + start).isEqualTo(1);
        List<Task> now = attendanceTasks(pi).stream().filter(t -> !before.contains(t.getId())).toList();
        assertThat(now).as("one attendance task once the session of " + start + " has begun").hasSize(1);
        return now.get(0);
    }

    /** "enrolled/trained" per key of a breakdown. */
    private static Map<String, String> counts(JsonNode groups, String key) {
        Map<String, String> out = new HashMap<>();
        groups.forEach(g -> out.put(g.get(key).asText(), g.get("enrolled").asInt() + "/" + g.get("trained").asInt()));
        return out;
    }

    private static Date lima(LocalDateTime t) {
        return Date.from(t.atZone(DueDates.LIMA).toInstant());
    }

    private int attendanceRows(long session) {
        return jdbc.sql("SELECT COUNT(*) FROM training_attendance WHERE session_id = ?").param(session)
                .query(Integer.class).single();
    }

    private int certificatesOf(long edition) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM training_certificate t JOIN training_enrolment e ON e.id = t.enrolment_id
                WHERE e.edition_id = ?""").param(edition).query(Integer.class).single();
    }

    @Test
    void attendanceWaitsForItsSessionAndCertificatesForTheEndOfTheCourse() {
        ProcessInstance pi = published();
        long edition = editionOf(pi);
        long c = citizen("orden." + unique() + "@example.pe");
        long enrolment = enrol(edition, c, "F", "30-44", "0601", "NINGUNA").id();
        clockAt(LocalDate.of(2026, 5, 26));
        executeDueJobs(pi.getId());
        List<TrainingEditions.SessionRow> sessions = editions.sessions(edition);
        // one timer per session, at its start (Lima); no attendance task yet
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("Timer_SessionStarts").list())
                .extracting(org.camunda.bpm.engine.runtime.Job::getDuedate)
                .containsExactlyInAnyOrderElementsOf(sessions.stream().map(r -> lima(r.startsAt())).toList());
        assertThat(attendanceTasks(pi)).isEmpty();

        Task first = attendanceOnceBegun(pi, LocalDateTime.of(2026, 6, 1, 9, 0));
        // completed before its session anyway (a clock set back, an old instance): refused, nothing stored
        clockAt(lima(LocalDateTime.of(2026, 6, 1, 8, 0)));
        assertThatThrownBy(() -> tasks.complete(first.getId(), Map.of("ausentes", "", "asistenciaConfirmada", true)))
                .hasMessageContaining("La sesión 1 empieza el 01/06/2026 09:00: su asistencia se registra desde esa "
                        + "hora, no antes.");
        assertThat(tasks.createTaskQuery().taskId(first.getId()).count()).isOne();
        assertThat(attendanceRows(sessions.get(0).id())).isZero();
        assertThat(editions.sessions(edition).get(0).attendanceTakenAt()).isNull();
        // the service refuses a session that has not begun, whoever calls it
        clockAt(lima(LocalDateTime.of(2026, 6, 1, 10, 0)));
        assertThatThrownBy(() -> editions.recordAttendance(sessions.get(1).id(), "", "planner"))
                .hasMessageContaining("La sesión 2 empieza el 03/06/2026 09:00");
        assertThat(attendanceRows(sessions.get(1).id())).isZero();
        complete(first, withVariables("ausentes", "", "asistenciaConfirmada", true));
        assertThat(attendanceRows(sessions.get(0).id())).isOne();

        // neither marks nor certificates (nor citizen monitors) before the course is over
        assertThatThrownBy(() -> editions.recordMarks(edition, enrolment + " | 15"))
                .hasMessageContaining("falta la asistencia de las sesiones 2, 3, 4");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM training_enrolment WHERE id = ? AND score IS NOT NULL")
                .param(enrolment).query(Integer.class).single()).as("no mark stored").isZero();
        assertThatThrownBy(() -> certificates.issue(edition))
                .hasMessageContaining("se emiten al terminar el curso")
                .hasMessageContaining("la última sesión es el 10/06/2026 09:00")
                .hasMessageContaining("falta la asistencia de las sesiones 2, 3, 4")
                .hasMessageContaining("faltan los resultados de la evaluación");
        assertThat(certificatesOf(edition)).isZero();
        assertThat(monitors.isCitizenMonitor(c)).isFalse();
        assertThat(editions.find(edition).orElseThrow().status()).isEqualTo("EN_CURSO");

        // the last session begins: the remaining sessions' tasks are there and are recorded
        clockAt(lima(LocalDateTime.of(2026, 6, 10, 9, 0)));
        executeDueJobs(pi.getId());
        assertThat(attendanceTasks(pi)).hasSize(3);
        attendanceTasks(pi).forEach(t -> complete(t, withVariables("ausentes", "", "asistenciaConfirmada", true)));
        // still no certificate before the evaluation
        assertThatThrownBy(() -> certificates.issue(edition)).hasMessageContaining("faltan los resultados de la "
                + "evaluación").hasMessageNotContaining("la última sesión");
        assertThat(certificatesOf(edition)).isZero();
        complete(taskOf(pi.getId(), "Task_RecordEvaluation"), withVariables("notas", enrolment + " | 15"));
        executeDueJobs(pi.getId());
        assertThat(pi).isEnded().hasPassed("Task_IssueCertificates");
        assertThat(certificatesOf(edition)).isOne();
        assertThat(monitors.isCitizenMonitor(c)).as("the oversight course, completed").isTrue();
    }

    @Test
    void sessionsOnNonWorkingDaysAreFlaggedAndConfirmedByThePlanningOffice() {
        clockAt(DAY);
        String planner = staffUser("planning");
        String onHolidays = """
                2026-06-01 09:00 | Auditorio de la Sede Regional | Lic. Ana Vásquez
                2026-06-07 09:00 | Auditorio de la Sede Regional | Lic. Ana Vásquez
                2026-06-29 18:00 | https://meet.example.pe/taller | Mg. Luis Cerna""";
        int before = jdbc.sql("SELECT COUNT(*) FROM training_edition").query(Integer.class).single();
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("training-programme", design(onHolidays)))
                .hasMessageContaining("Sesión 2 (07/06/2026 09:00): domingo y feriado nacional: Batalla de Arica y "
                        + "Día de la Bandera, no es un día hábil.")
                .hasMessageContaining("Sesión 3 (29/06/2026 18:00): feriado nacional: San Pedro y San Pablo, no es un "
                        + "día hábil.")
                .hasMessageContaining("marque «Confirmo las sesiones en días no laborables» y envíe de nuevo")
                .hasMessageNotContaining("Sesión 1");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM training_edition").query(Integer.class).single())
                .as("nothing stored").isEqualTo(before);

        // the planning office confirms the dates: the edition is registered, with who confirmed them
        Map<String, Object> confirmed = design(onHolidays);
        confirmed.put("confirmarDiasNoLaborables", true);
        ProcessInstance pi;
        engine.getIdentityService().setAuthentication(planner, List.of("planning"));
        try {
            pi = runtime.startProcessInstanceByKey("training-programme", confirmed);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        long edition = editionOf(pi);
        assertThat(editions.find(edition).orElseThrow().nonWorkingConfirmedBy()).isEqualTo(planner);
        assertThat(runtime.getVariable(pi.getId(), "confirmarDiasNoLaborables"))
                .as("a confirmation holds for its dates only").isNull();
        // regional management sees them in its task, the staff on the edition's page
        Task approve = taskOf(pi.getId(), "Task_ApproveProgramme");
        assertThat(tasks.getVariable(approve.getId(), "avisoSesiones").toString())
                .contains("Sesión 2 (07/06/2026 09:00): domingo y feriado nacional")
                .contains("Sesión 3 (29/06/2026 18:00): feriado nacional: San Pedro y San Pablo")
                .contains("Confirmadas por Planeamiento (" + planner + ")");
        Http staff = new Http(port);
        staff.staffLogin(planner, "secreto-" + planner);
        assertThat(staff.get("/personal/capacitacion/" + edition).body()).contains("Sesiones en días no laborables")
                .contains("confirmadas por " + planner).contains("San Pedro y San Pablo");

        // sent back and adjusted: new dates on a non-working day are flagged again and need a new confirmation
        complete(approve, withVariables("decisionPrograma", "observar", "observacionesPrograma", "Evitar feriados"));
        Task adjust = taskOf(pi.getId(), "Task_AdjustProgramme");
        assertThatThrownBy(() -> tasks.complete(adjust.getId(), Map.of("sesiones", onHolidays.replace("2026-06-07",
                "2026-06-06").replace("2026-06-29", "2026-06-30")))).hasMessageContaining("Sesión 2 (06/06/2026 "
                + "09:00): sábado, no es un día hábil.");
        assertThat(editions.sessions(edition)).extracting(r -> r.startsAt().toLocalDate())
                .as("nothing of the refused adjustment stored").contains(LocalDate.of(2026, 6, 7));
        complete(adjust, withVariables("sesiones", onHolidays.replace("2026-06-07", "2026-06-02")
                .replace("2026-06-29", "2026-06-30")));
        assertThat(editions.find(edition).orElseThrow().nonWorkingConfirmedBy()).isNull();
        assertThat(editions.sessionsOnNonWorkingDays(edition)).isEmpty();
        assertThat(tasks.getVariable(taskOf(pi.getId(), "Task_ApproveProgramme").getId(), "avisoSesiones"))
                .asString().startsWith("Ninguna");
        assertThat(staff.get("/personal/capacitacion/" + edition).body()).doesNotContain("Sesiones en días no laborables");
    }

    @Test
    void enrolmentNeedsALoginAndAnOpenEdition() {
        ProcessInstance pi = start();
        long edition = editionOf(pi);
        Http anyone = new Http(port);
        assertThat(anyone.get("/capacitacion/" + edition).statusCode()).as("not published yet").isEqualTo(404);
        complete(taskOf(pi.getId(), "Task_ApproveProgramme"), withVariables("decisionPrograma", "aprobar"));
        complete(taskOf(pi.getId(), "Task_PublishCall"), withVariables("convocatoriaPublicada", true));
        assertThat(anyone.get("/capacitacion/" + edition).body()).contains("inicie sesión");
        assertThat(anyone.postForm("/capacitacion/" + edition + "/inscripcion", Map.of("_csrf",
                anyone.csrfTokenOf("/login"))).statusCode()).isEqualTo(302);
        assertThat(enrolments.seats(edition).taken()).isZero();
        assertThat(anyone.get("/capacitacion/mis-cursos").statusCode()).isEqualTo(302);
        // a logged-in citizen without an agent registration is asked the demographic data, enrols and cancels
        long c = citizen("portal." + unique() + "@example.pe");
        Http browser = new Http(port);
        browser.postForm("/login", Map.of("username", dni(c), "password", "x", "_csrf", browser.csrfTokenOf("/login")));
        assertThat(browser.get("/capacitacion/" + edition).body()).contains("name=\"grupoEdad\"")
                .contains("Inscribirme");
        browser.submit("/capacitacion/" + edition, "/capacitacion/" + edition + "/inscripcion",
                Map.of("sexo", "F", "provincia", "0601", "tipoOrganizacion", "NINGUNA"));
        assertThat(browser.get("/capacitacion/" + edition).body()).contains("Elija su grupo de edad.");
        assertThat(enrolments.seats(edition).taken()).isZero();
        browser.submit("/capacitacion/" + edition, "/capacitacion/" + edition + "/inscripcion",
                Map.of("sexo", "F", "grupoEdad", "30-44", "provincia", "0601", "tipoOrganizacion", "NINGUNA"));
        assertThat(enrolments.seats(edition).taken()).isEqualTo(1);
        assertThat(browser.submit("/capacitacion/" + edition, "/capacitacion/" + edition + "/cancelacion", Map.of())
                .statusCode()).isEqualTo(302);
        assertThat(browser.get("/capacitacion/" + edition).body()).contains("Su inscripción quedó cancelada")
                .contains("Inscribirme");
        assertThat(enrolments.seats(edition).taken()).isZero();
    }

    @Test
    void approvalAdjustmentAndPublicationAreEscalatedWhenLate() {
        ProcessInstance pi = start();
        passDeadlineOf(taskOf(pi.getId(), "Task_ApproveProgramme"));
        assertThat(taskOf(pi.getId(), "Task_ApproveProgramme").getPriority()).isEqualTo(90);
        assertThat(pi).hasPassed("Event_ApproveProgrammeEscalated");
        complete(taskOf(pi.getId(), "Task_ApproveProgramme"), withVariables("decisionPrograma", "observar",
                "observacionesPrograma", "Más cupos"));
        Task adjust = taskOf(pi.getId(), "Task_AdjustProgramme");
        passDeadlineOf(adjust);
        assertThat(candidateGroupsOf(taskOf(pi.getId(), "Task_AdjustProgramme")))
                .containsExactlyInAnyOrder("planning", "regional-management");
        assertThat(pi).hasPassed("Event_AdjustProgrammeEscalated");
        clockAt(DAY);
        complete(taskOf(pi.getId(), "Task_AdjustProgramme"), withVariables("cupos", 10L));
        complete(taskOf(pi.getId(), "Task_ApproveProgramme"), withVariables("decisionPrograma", "aprobar"));
        passDeadlineOf(taskOf(pi.getId(), "Task_PublishCall"));
        assertThat(candidateGroupsOf(taskOf(pi.getId(), "Task_PublishCall")))
                .containsExactlyInAnyOrder("communications", "regional-management");
        assertThat(escalationsOf(pi.getId())).isEqualTo(3);
    }

    @Test
    void lateAttendanceAndEvaluationAreEscalatedAndTheEvaluationReminded() {
        ProcessInstance pi = published();
        long edition = editionOf(pi);
        long c = citizen("tarde." + unique() + "@example.pe");
        enrol(edition, c, "F", "30-44", "0601", "NINGUNA");
        clockAt(LocalDate.of(2026, 5, 26));
        executeDueJobs(pi.getId());
        assertThat(attendanceTasks(pi)).isEmpty();
        // each session's deadline is its own: two business days after it. On 3 June after 17:30, session 1 (1 June)
        // is overdue, session 2 (3 June, 09:00) has begun and is not, sessions 3 and 4 have not begun
        clockAt(new Date(DueDates.endOfWorkday(LocalDate.of(2026, 6, 3)).getTime() + 60_000));
        assertThat(executeDueJobs(pi.getId())).isEqualTo(3); // two session timers, then session 1's deadline
        Map<Integer, Task> bySession = new HashMap<>();
        attendanceTasks(pi).forEach(t -> bySession.put((Integer) tasks.getVariable(t.getId(), "sesionNumero"), t));
        assertThat(bySession).containsOnlyKeys(1, 2);
        assertThat(bySession.get(1).getPriority()).isEqualTo(90);
        assertThat(candidateGroupsOf(bySession.get(1))).contains("regional-management");
        assertThat(bySession.get(2).getPriority()).isNotEqualTo(90);
        assertThat(candidateGroupsOf(bySession.get(2))).containsExactly("planning");
        assertThat(escalationsOf(pi.getId())).isEqualTo(1);
        // two business days after the last session (10 June: 12 June) every session is overdue
        clockAt(new Date(DueDates.endOfWorkday(LocalDate.of(2026, 6, 12)).getTime() + 60_000));
        assertThat(executeDueJobs(pi.getId())).isPositive();
        assertThat(attendanceTasks(pi)).hasSize(4);
        for (Task t : attendanceTasks(pi)) {
            assertThat(t.getPriority()).isEqualTo(90);
            assertThat(candidateGroupsOf(t)).contains("regional-management");
            complete(t, withVariables("ausentes", "", "asistenciaConfirmada", true));
        }
        assertThat(pi).hasPassed("Event_RecordAttendanceEscalated");
        Task evaluation = taskOf(pi.getId(), "Task_RecordEvaluation");
        // the reminder two business days before its deadline mails the planning office's members
        String planner = staffUser("planning");
        Date remindAt = plazos.antesDe(evaluation.getDueDate(), 2);
        clockAt(new Date(remindAt.getTime() + 60_000));
        assertThat(executeDueJobs(pi.getId())).isEqualTo(1);
        assertThat(pi).hasPassed("Event_RecordEvaluationReminded");
        assertThat(mailsTo(planner + "@example.pe")).anyMatch(s -> s.startsWith("Recordatorio: «Registrar resultados"));
        passDeadlineOf(evaluation);
        assertThat(pi).hasPassed("Event_RecordEvaluationEscalated");
        assertThat(taskOf(pi.getId(), "Task_RecordEvaluation").getPriority()).isEqualTo(90);
        assertThat(escalationsOf(pi.getId())).isEqualTo(5);
    }
}
