package pe.gob.regioncajamarca.participa.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.Journey;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;
import pe.gob.regioncajamarca.participa.testsupport.Tasklist;
import pe.gob.regioncajamarca.participa.testsupport.WebDriver;

/**
 * Issue 19: the five user tasks of training-programme completed in Tasklist's own screens, in a real Chromium on
 * Lima time, by a person of each task's group: regional management sends an edition back, the planning office
 * adjusts it (the enrolment deadline among other things: its date field must keep the stored date, it used to run
 * backwards by itself in a UTC-5 browser), regional management approves it, communications publishes the call
 * (the public page shows its materials), the planning office records each session's attendance and the evaluation's
 * marks, and the certificates are issued and mailed to those who met the rule.
 */
class TrainingJourneysBrowserIT extends ProcessTest {

    static final LocalDate DAY = LocalDate.of(2026, 5, 4); // a Monday
    static final String SESSIONS = """
            2026-06-01 09:00 | Auditorio de la Sede Regional | Lic. Ana Vásquez
            2026-06-02 18:00 | https://meet.example.pe/taller | Mg. Luis Cerna""";

    @LocalServerPort int port;
    @Autowired TrainingEditions editions;
    @Autowired Enrolments enrolments;

    private ProcessInstance start(String title) {
        clockAt(DAY);
        Map<String, Object> v = new HashMap<>();
        v.put("nombrePrograma", title);
        v.put("modulos", "1. Presupuesto participativo\n2. Vigilancia de obras");
        v.put("publicoObjetivo", "Agentes participantes");
        v.put("modalidad", "MIXTA");
        v.put("sesiones", SESSIONS);
        v.put("cupos", 4L);
        v.put("inscripcionHasta", "2026-05-25");
        v.put("asistenciaMinima", 50L);
        v.put("evaluacionRequerida", true);
        v.put("notaMinima", 11L);
        v.put("cursoVigilancia", false);
        return runtime.startProcessInstanceByKey("training-programme", v);
    }

    private long editionOf(ProcessInstance pi) {
        return editions.editionOfProcess(pi.getId());
    }

    private static String password(String user) {
        return "secreto-" + user;
    }

    private boolean done(String taskId) {
        return tasks.createTaskQuery().taskId(taskId).count() == 0;
    }

    @Test
    @Journey(process = "training-programme", task = "Task_ApproveProgramme")
    @Journey(process = "training-programme", task = "Task_AdjustProgramme")
    void regionalManagementSendsTheEditionBackAndThePlanningOfficeAdjustsIt() throws Exception {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        String title = "Taller de vigilancia " + unique();
        ProcessInstance pi = start(title);
        long edition = editionOf(pi);
        String manager = staffUser("regional-management");
        String planner = staffUser("planning");

        // regional management observes the design
        String approve = taskOf(pi.getId(), "Task_ApproveProgramme").getId();
        try (Tasklist tasklist = Tasklist.login(port, manager, password(manager))) {
            tasklist.openAndClaim(approve, title).choose("Observar")
                    .type("Observaciones", "Añadan una sesión virtual y amplíen los cupos")
                    .screenshot("journey-aprobar-programa-observar").complete();
            assertThat(Tasklist.waitUntil(() -> done(approve))).as("observed through Tasklist").isTrue();
        }
        TrainingEditions.Edition observed = editions.find(edition).orElseThrow();
        assertThat(observed.status()).isEqualTo("OBSERVADO");
        assertThat(jdbc.sql("SELECT observations FROM training_edition WHERE id = ?").param(edition)
                .query(String.class).single()).isEqualTo("Añadan una sesión virtual y amplíen los cupos");

        // the planning office adjusts it: the deadline field shows the stored date and keeps it
        String adjust = taskOf(pi.getId(), "Task_AdjustProgramme").getId();
        try (Tasklist tasklist = Tasklist.login(port, planner, password(planner))) {
            tasklist.openAndClaim(adjust, "Observaciones de la Gerencia");
            assertThat(tasklist.shown("Observaciones de la Gerencia")).contains("Añadan una sesión virtual");
            String first = tasklist.value("Inscripciones hasta");
            Thread.sleep(3000);
            String later = tasklist.value("Inscripciones hasta");
            tasklist.screenshot("journey-ajustar-programa-abierta");
            assertThat(first).as("the stored deadline, as the form shows it").isEqualTo("2026-05-25");
            assertThat(later).as("the same date three seconds later").isEqualTo(first);
            tasklist.type("Módulos", "1. Presupuesto participativo\n2. Vigilancia de obras\n3. Rendición de cuentas")
                    .type("Público objetivo", "Agentes participantes y juntas vecinales")
                    .type("Sesiones", SESSIONS + "\n2026-06-06 10:00 | https://meet.example.pe/cierre | Mg. Luis Cerna")
                    .type("Cupos", "6")
                    .type("Inscripciones hasta", "2026-05-27");
            Thread.sleep(1500);
            tasklist.screenshot("journey-ajustar-programa-escrita");
            assertThat(tasklist.value("Inscripciones hasta")).as("the date typed stays").isEqualTo("2026-05-27");
            // the closing session falls on a Saturday: flagged, nothing stored until the planning office confirms it
            tasklist.complete();
            assertThat(tasklist.browser().waitForText("Sesión 3 (06/06/2026 10:00): sábado, no es un día hábil"))
                    .as("the Saturday session flagged in Spanish").isTrue();
            tasklist.screenshot("journey-ajustar-programa-dia-no-laborable");
            assertThat(done(adjust)).as("the task stays").isFalse();
            assertThat(editions.sessions(edition)).as("nothing stored yet").hasSize(2);
            tasklist.browser().execute("document.querySelectorAll('.notifications .close').forEach(b => b.click());");
            tasklist.choose(TrainingEditions.CONFIRM_NON_WORKING);
            tasklist.screenshot("journey-ajustar-programa").complete();
            if (!Tasklist.waitUntil(() -> done(adjust))) {
                tasklist.screenshot("journey-ajustar-programa-fallo");
            }
            assertThat(Tasklist.waitUntil(() -> done(adjust))).as("adjusted through Tasklist").isTrue();
        }
        TrainingEditions.Edition adjusted = editions.find(edition).orElseThrow();
        assertThat(adjusted.enrolmentDeadline()).as("exactly the date typed").isEqualTo(LocalDate.of(2026, 5, 27));
        assertThat(adjusted.capacity()).isEqualTo(6);
        assertThat(adjusted.modules()).endsWith("3. Rendición de cuentas");
        assertThat(adjusted.audience()).isEqualTo("Agentes participantes y juntas vecinales");
        assertThat(adjusted.status()).isEqualTo("DISENO");
        assertThat(editions.sessions(edition)).hasSize(3).last()
                .satisfies(s -> assertThat(s.onlineLink()).isEqualTo("https://meet.example.pe/cierre"));
        assertThat(adjusted.nonWorkingConfirmedBy()).as("confirmed by the planner who adjusted it").isEqualTo(planner);

        // and approves the adjusted design
        String again = taskOf(pi.getId(), "Task_ApproveProgramme").getId();
        try (Tasklist tasklist = Tasklist.login(port, manager, password(manager))) {
            tasklist.openAndClaim(again, "Rendición de cuentas");
            assertThat(tasklist.shown("Sesiones en días no laborables")).as("regional management sees the flag")
                    .contains("Sesión 3 (06/06/2026 10:00): sábado").contains("Confirmadas por Planeamiento (" + planner);
            tasklist.choose("Aprobar")
                    .screenshot("journey-aprobar-programa").complete();
            assertThat(Tasklist.waitUntil(() -> done(again))).as("approved through Tasklist").isTrue();
        }
        assertThat(editions.find(edition).orElseThrow().status()).isEqualTo("APROBADO");
        assertThat(taskOf(pi.getId(), "Task_PublishCall")).isNotNull();
        runtime.deleteProcessInstance(pi.getId(), "fin del recorrido de prueba");
    }

    @Test
    @Journey(process = "training-programme", task = "Task_PublishCall")
    void communicationsPublishesTheCallAndThePortalOpensEnrolment() throws Exception {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        String title = "Taller de presupuesto participativo " + unique();
        ProcessInstance pi = start(title);
        long edition = editionOf(pi);
        complete(taskOf(pi.getId(), "Task_ApproveProgramme"), withVariables("decisionPrograma", "aprobar"));
        Http anyone = new Http(port);
        assertThat(anyone.get("/capacitacion/" + edition).statusCode()).as("not published yet").isEqualTo(404);

        String communicator = staffUser("communications");
        String publish = taskOf(pi.getId(), "Task_PublishCall").getId();
        try (Tasklist tasklist = Tasklist.login(port, communicator, password(communicator))) {
            tasklist.openAndClaim(publish, title)
                    .type("Material audiovisual", "Afiche de la convocatoria | https://example.pe/afiche.pdf\n"
                            + "Reel del taller | https://example.pe/reel.mp4")
                    .type("Enlace de la publicación", "https://www.facebook.com/regioncajamarca/posts/123")
                    .choose("La convocatoria está publicada")
                    .screenshot("journey-publicar-convocatoria").complete();
            assertThat(Tasklist.waitUntil(() -> done(publish))).as("published through Tasklist").isTrue();
        }
        assertThat(editions.find(edition).orElseThrow().status()).isEqualTo("INSCRIPCION");
        assertThat(editions.materials(edition)).extracting(TrainingEditions.Material::title)
                .containsExactly("Afiche de la convocatoria", "Reel del taller");
        String page = anyone.get("/capacitacion/" + edition).body();
        assertThat(page).contains(title, "Afiche de la convocatoria", "https://example.pe/afiche.pdf",
                "Reel del taller", "https://www.facebook.com/regioncajamarca/posts/123");
        runtime.deleteProcessInstance(pi.getId(), "fin del recorrido de prueba");
    }

    @Test
    @Journey(process = "training-programme", task = "Task_RecordAttendance")
    @Journey(process = "training-programme", task = "Task_RecordEvaluation")
    void thePlanningOfficeRecordsAttendanceAndMarksAndTheCertificatesAreIssued() throws Exception {
        assumeTrue(WebDriver.available(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        String title = "Taller de rendición de cuentas " + unique();
        ProcessInstance pi = start(title);
        long edition = editionOf(pi);
        complete(taskOf(pi.getId(), "Task_ApproveProgramme"), withVariables("decisionPrograma", "aprobar"));
        complete(taskOf(pi.getId(), "Task_PublishCall"), withVariables("convocatoriaPublicada", true));
        String mailA = "asiste." + unique() + "@example.pe";
        String mailB = "falta." + unique() + "@example.pe";
        long a = enrolments.enrol(edition, dni(citizen(mailA)),
                new Enrolments.Demographics("F", "30-44", "0601", "NINGUNA")).id();
        long b = enrolments.enrol(edition, dni(citizen(mailB)),
                new Enrolments.Demographics("M", "18-29", "0601", "NINGUNA")).id();
        clockAt(LocalDate.of(2026, 5, 26));
        executeDueJobs(pi.getId()); // enrolment closes: each session's branch waits for the session to begin
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_RecordAttendance")
                .count()).as("no attendance task before its session").isZero();
        // the second session (2 June, 18:00 Lima) has begun (the first one's deadline is 3 June): both sessions' attendance tasks are there
        clockAt(java.util.Date.from(java.time.LocalDateTime.of(2026, 6, 2, 18, 30).atZone(
                pe.gob.regioncajamarca.participa.calendar.DueDates.LIMA).toInstant()));
        executeDueJobs(pi.getId());
        List<Task> attendance = tasks.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("Task_RecordAttendance").list();
        assertThat(attendance).hasSize(2);
        Map<Integer, String> bySession = new HashMap<>();
        attendance.forEach(t -> bySession.put(((Number) tasks.getVariable(t.getId(), "sesionNumero")).intValue(),
                t.getId()));
        List<TrainingEditions.SessionRow> sessions = editions.sessions(edition);

        String planner = staffUser("planning");
        try (Tasklist tasklist = Tasklist.login(port, planner, password(planner))) {
            // session 1: both there; session 2: b missed it
            tasklist.openAndClaim(bySession.get(1), "Asistencia de la sesión 1")
                    .type("Números de las personas ausentes", "")
                    .choose("La lista de asistencia de esta sesión está revisada")
                    .screenshot("journey-registrar-asistencia").complete();
            assertThat(Tasklist.waitUntil(() -> done(bySession.get(1)))).as("session 1 recorded").isTrue();
            tasklist.openAndClaim(bySession.get(2), "Asistencia de la sesión 2")
                    .type("Números de las personas ausentes", String.valueOf(b))
                    .choose("La lista de asistencia de esta sesión está revisada")
                    .screenshot("journey-registrar-asistencia-2").complete();
            assertThat(Tasklist.waitUntil(() -> done(bySession.get(2)))).as("session 2 recorded").isTrue();
            assertThat(presence(sessions.get(0).id())).containsEntry(a, true).containsEntry(b, true);
            assertThat(presence(sessions.get(1).id())).containsEntry(a, true).containsEntry(b, false);
            assertThat(jdbc.sql("SELECT recorded_by FROM training_attendance WHERE session_id = ? AND enrolment_id = ?")
                    .params(sessions.get(1).id(), b).query(String.class).single()).isEqualTo(planner);

        }
        // the evaluation (in a fresh Tasklist): a passes, b fails
        String evaluation = taskOf(pi.getId(), "Task_RecordEvaluation").getId();
        try (Tasklist tasklist = Tasklist.login(port, planner, password(planner))) {
            tasklist.openAndClaim(evaluation, "Resultados de la evaluación")
                    .type("Notas", a + " | 15,5\n" + b + " | 9")
                    .screenshot("journey-registrar-evaluacion").complete();
            if (!Tasklist.waitUntil(() -> done(evaluation))) {
                tasklist.screenshot("journey-registrar-evaluacion-fallo");
            }
            assertThat(Tasklist.waitUntil(() -> done(evaluation))).as("marks recorded").isTrue();
        }
        assertThat(jdbc.sql("SELECT score FROM training_enrolment WHERE id = ?").param(a)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("15.5");
        assertThat(jdbc.sql("SELECT score FROM training_enrolment WHERE id = ?").param(b)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("9");
        executeDueJobs(pi.getId()); // certificates after their savepoint
        assertThat(editions.find(edition).orElseThrow().status()).isEqualTo("CONCLUIDO");
        assertThat(mailsTo(mailA)).anyMatch(s -> s.startsWith("Su certificado de"));
        assertThat(mailsTo(mailB)).noneMatch(s -> s.startsWith("Su certificado de"));
        String code = enrolments.of(edition, citizenOf(a)).orElseThrow().certificateCode();
        assertThat(new Http(port).get("/capacitacion/certificados/" + code).body()).contains("Certificado válido")
                .contains(title);
    }

    private Map<Long, Boolean> presence(long session) {
        Map<Long, Boolean> out = new HashMap<>();
        jdbc.sql("SELECT enrolment_id, present FROM training_attendance WHERE session_id = ?").param(session)
                .query((rs, i) -> out.put(rs.getLong(1), rs.getBoolean(2))).list();
        return out;
    }

    private long citizenOf(long enrolment) {
        return jdbc.sql("SELECT citizen_id FROM training_enrolment WHERE id = ?").param(enrolment).query(Long.class)
                .single();
    }

    private String dni(long citizen) {
        return jdbc.sql("SELECT document_number FROM citizen_account WHERE id = ?").param(citizen).query(String.class)
                .single();
    }
}
