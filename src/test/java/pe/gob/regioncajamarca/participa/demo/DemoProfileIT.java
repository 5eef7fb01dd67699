package pe.gob.regioncajamarca.participa.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import pe.gob.regioncajamarca.participa.ParticipaApplication;

/**
 * The first run of a newcomer: profile demo (on an in-memory H2 instead of ./data/) creates the demo users,
 * the demo data and the current cycle, and `planner` finds tasks of the demo cycle in Tasklist's filter.
 * Runs once (it starts its own application, whatever database the other integration tests use).
 */
class DemoProfileIT {

    static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        assumeFalse("postgres".equals(System.getProperty("participa.test.db")), "runs once, in the H2 pass");
        long started = System.nanoTime();
        app = new SpringApplicationBuilder(ParticipaApplication.class).profiles("demo").run(
                "--spring.datasource.url=jdbc:h2:mem:demo-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "--server.port=0", "--participa.demo.mail-sink.port=3026", "--spring.mail.port=3026",
                "--camunda.bpm.process-engine-name=demotest", "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000", "--logging.level.root=warn",
                "--logging.level.pe.gob.regioncajamarca.participa.demo=info");
        System.out.println("Arranque de la demostración (aplicación y datos): "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private List<Task> tasksOf(String user, List<String> groups) {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        IdentityService identity = engine.getIdentityService();
        identity.setAuthentication(user, groups);
        try {
            return engine.getTaskService().createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks().list();
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void plannerFindsTasksOfTheDemoCycleAndEveryDemoUserExists() throws Exception {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        for (String user : List.of("planner", "evaluator", "manager", "unit.sede", "overseer", "integrity", "admin")) {
            assertThat(engine.getIdentityService().checkPassword(user, "demo")).as(user).isTrue();
        }
        // the registration window opened in the past: the job executor fires its timer right after start
        List<String> names = List.of();
        for (int i = 0; i < 300 && !names.contains("Cargar programa de inversiones"); i++) {
            Thread.sleep(100);
            names = tasksOf("planner", List.of("planning")).stream().map(t -> t.getName().split(" · ")[0]).toList();
        }
        assertThat(names).contains("Cargar programa de inversiones", "Revisar acreditación",
                "Clasificar y derivar solicitud", "Revisar reporte de vigilancia");
        assertThat(tasksOf("planner", List.of("planning")).stream().map(t -> t.getName().split(" · ")[0]))
                .doesNotContain("Atender denuncia");
        assertThat(tasksOf("integrity", List.of("integrity-office")).stream().map(t -> t.getName().split(" · ")[0]))
                .containsExactly("Atender denuncia");

        JdbcClient jdbc = app.getBean(JdbcClient.class);
        // the ten cycles before the current year: three hand-made (2023-2025), the others through the history import
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cycle WHERE phase = 'FORMALIZADO'").query(Integer.class).single())
                .isEqualTo(10);
        // the hand-made cycles' MULTIPROVINCIAL projects were judged by the decision impacto-regional, kept with them
        assertThat(jdbc.sql("SELECT cui, regional_impact, reason FROM project WHERE scope = 'MULTIPROVINCIAL' "
                        + "AND cycle_year BETWEEN 2023 AND 2025 ORDER BY cui")
                .query((rs, i) -> rs.getString(1) + " " + rs.getBoolean(2) + " " + rs.getString(3)).list())
                .containsExactly("2234235 true Financiado",
                        "2500442 false No elegible: no es de impacto regional: costo menor a S/ 3,000,000",
                        "2585850 true Financiado");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM citizen_account WHERE document_number = '40000001'")
                .query(Integer.class).single()).isEqualTo(1);
        String status = null;
        for (int i = 0; i < 300 && !"ACREDITADO".equals(status); i++) {
            Thread.sleep(100);
            status = jdbc.sql("SELECT status FROM agent_registration WHERE document_number = '40000001'")
                    .query(String.class).single();
        }
        assertThat(status).as("the demo citizen is an accredited agent of the current cycle").isEqualTo("ACREDITADO");
        // the training programme: one edition open for enrolment, the oversight course waiting for approval
        assertThat(jdbc.sql("SELECT status FROM training_edition ORDER BY status").query(String.class).list())
                .containsExactly("DISENO", "INSCRIPCION");
        assertThat(tasksOf("manager", List.of("regional-management")).stream().map(t -> t.getName().split(" · ")[0]))
                .contains("Aprobar programa de capacitación");
    }

    @Test
    void aNewcomerWalksTheCycleByBringingTheCalendarForward() throws Exception {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        int year = jdbc.sql("SELECT cycle_year FROM cycle WHERE phase <> 'FORMALIZADO'").query(Integer.class).single();
        Task load = null;
        for (int i = 0; i < 300 && load == null; i++) {
            Thread.sleep(100);
            load = engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_LoadInvestmentProgramme").singleResult();
        }
        assertThat(load).isNotNull();
        byte[] pmi = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("docs/ejemplos/pmi-ejemplo.csv"));
        engine.getTaskService().complete(load.getId(), java.util.Map.of("programa",
                org.camunda.bpm.engine.variable.Variables.fileValue("pmi.csv").file(pmi).mimeType("text/csv").create()));

        int port = app.getEnvironment().getProperty("local.server.port", Integer.class);
        pe.gob.regioncajamarca.participa.testsupport.Http http = new pe.gob.regioncajamarca.participa.testsupport.Http(port);
        http.staffLogin("planner", "demo");
        String page = "/personal/ciclos/" + year;
        assertThat(http.get(page).body()).contains("Adelantar a la siguiente fase");
        // the idea window is already open in the demo calendar; bringing it forward opens the evaluation
        assertThat(waitForPhase(jdbc, year, "IDEAS")).isEqualTo("IDEAS");
        http.submit(page, page + "/demo-adelantar", java.util.Map.of());
        assertThat(waitForPhase(jdbc, year, "EVALUACION")).isEqualTo("EVALUACION");
        assertThat(tasksOf("evaluator", List.of("technical-team")).stream().map(t -> t.getName().split(" · ")[0]))
                .contains("Evaluar proyectos técnicamente");
    }

    @Test
    void theLastTenCyclesAreShownWithTheirExecutionAndInOpenData() throws Exception {
        int year = java.time.LocalDate.now(pe.gob.regioncajamarca.participa.calendar.DueDates.LIMA).getYear();
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        // every earlier cycle of the ten years has prioritised projects over every scope and quarterly execution
        // (the generated ones through the planning office's history import, reported by "historial")
        for (int y = year - 10; y <= year - 1; y++) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM project WHERE cycle_year = ? AND prioritized = TRUE").param(y)
                    .query(Integer.class).single()).as("prioritised projects of " + y).isPositive();
            if (y < 2023) {
                assertThat(jdbc.sql("SELECT COUNT(DISTINCT scope) FROM project WHERE cycle_year = ?").param(y)
                        .query(Integer.class).single()).as("scopes of " + y).isEqualTo(14);
            }
            if (y <= year - 2) {
                assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM monitoring_report r JOIN project p ON p.id = r.project_id
                        WHERE p.cycle_year = ? AND r.status = 'REPORTADO' AND r.reported_by = 'historial'""").param(y)
                        .query(Integer.class).single()).as("quarterly execution of " + y).isPositive();
            }
        }
        // completed, in execution, paralysed and not started projects
        assertThat(jdbc.sql("SELECT DISTINCT execution_status FROM project WHERE cycle_year < ? AND prioritized = TRUE")
                .param(year).query(String.class).list())
                .contains("CONCLUIDO", "EN_EJECUCION", "PARALIZADO", "NO_INICIADO");
        // the hand-made projects end in the status they were given: the paralysed irrigation works of Apalin
        assertThat(jdbc.sql("SELECT execution_status FROM project WHERE cui = '240372'").query(String.class).single())
                .isEqualTo("PARALIZADO");

        int port = app.getEnvironment().getProperty("local.server.port", Integer.class);
        pe.gob.regioncajamarca.participa.testsupport.Http http = new pe.gob.regioncajamarca.participa.testsupport.Http(port);
        // the accountability page: the ten most recent cycles (the current one and the nine before it) with their
        // execution; the tenth earlier cycle has its own page
        String page = http.get("/rendicion-de-cuentas").body();
        for (int y = year - 9; y <= year; y++) {
            assertThat(page).contains("href=\"/rendicion-de-cuentas/" + y + "\"");
        }
        assertThat(page).doesNotContain("href=\"/rendicion-de-cuentas/" + (year - 10) + "\"");
        assertThat(page).contains("Concluidos:", "Paralizados:");
        var shown = app.getBean(pe.gob.regioncajamarca.participa.accountability.Accountability.class).lastCycles();
        assertThat(shown).extracting(c -> c.year()).containsExactlyElementsOf(
                java.util.stream.IntStream.iterate(year, y -> y >= year - 9, y -> y - 1).boxed().toList());
        shown.stream().filter(c -> c.year() <= year - 2).forEach(c -> {
            assertThat(c.projects()).as(c.year() + " prioritised").isPositive();
            assertThat(c.executed().signum()).as(c.year() + " executed").isPositive();
        });
        assertThat(shown.stream().mapToInt(c -> c.completed()).sum()).isPositive();
        assertThat(shown.stream().mapToInt(c -> c.paralysed()).sum()).isPositive();
        assertThat(shown.stream().mapToInt(c -> c.inExecution()).sum()).isPositive();
        // open data: every cycle, the ten earlier ones and the current one
        String cycles = http.get("/api/open-data/cycles").body();
        for (int y = year - 10; y <= year; y++) {
            assertThat(cycles).contains("\"year\":" + y);
        }
        String cui = jdbc.sql("""
                SELECT p.cui FROM project p JOIN monitoring_report r ON r.project_id = p.id
                WHERE p.cycle_year = ? AND r.reported_by = 'historial' ORDER BY p.cui FETCH FIRST 1 ROWS ONLY""")
                .param(year - 10).query(String.class).single();
        var oldest = http.get("/rendicion-de-cuentas/" + (year - 10));
        assertThat(oldest.statusCode()).isEqualTo(200);
        assertThat(oldest.body()).contains(cui);
        assertThat(http.get("/api/open-data/projects/" + cui + "/progress").body()).contains("\"quarter\":\"" + (year - 9) + "-Q");
    }

    @Test
    void loadingTheDemoDataAgainChangesNothing() {
        // what a second start on the same ./data/ does: each part finds itself there
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        String counts = """
                SELECT (SELECT COUNT(*) FROM cycle) || '/' || (SELECT COUNT(*) FROM project) || '/'
                  || (SELECT COUNT(*) FROM monitoring_report WHERE reported_by = 'historial') || '/'
                  || (SELECT COUNT(*) FROM monitoring_round) || '/' || (SELECT COUNT(*) FROM national_investment_import)
                  || '/' || (SELECT COUNT(*) FROM news_item)""";
        String before = jdbc.sql(counts).query(String.class).single();
        app.getBean(DemoData.class).load();
        assertThat(jdbc.sql(counts).query(String.class).single()).isEqualTo(before);
    }

    @Test
    void someEarlierProjectsShowWhatTheNationalInvestmentSystemSays() throws Exception {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        String status = null;
        for (int i = 0; i < 300 && !"TERMINADA".equals(status); i++) { // imported in the background
            status = jdbc.sql("SELECT status FROM national_investment_import").query(String.class).optional()
                    .orElse(null);
            Thread.sleep(100);
        }
        assertThat(status).isEqualTo("TERMINADA");
        var known = jdbc.sql("""
                SELECT p.cycle_year, p.cui FROM project p JOIN national_investment n ON n.cui = p.cui
                ORDER BY p.cui""").query((rs, i) -> rs.getInt(1) + "/" + rs.getString(2)).list();
        assertThat(known).hasSizeBetween(6, 12);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM project p JOIN national_investment n ON n.cui = p.cui
                WHERE p.executing_unit = 'sede-central'""").query(Integer.class).single())
                .as("unit.sede's walk starts from its own figures").isZero();
        int port = app.getEnvironment().getProperty("local.server.port", Integer.class);
        pe.gob.regioncajamarca.participa.testsupport.Http http = new pe.gob.regioncajamarca.participa.testsupport.Http(port);
        assertThat(http.get("/proyectos/" + known.get(0)).body()).contains("Lo que dice el sistema nacional de inversiones");
    }

    @Test
    void theDemoHasThreePublishedNewsItemsOnInicioAndAdminMayWriteMore() {
        var news = app.getBean(pe.gob.regioncajamarca.participa.news.News.class);
        assertThat(news.countPublished()).isEqualTo(3);
        int port = app.getEnvironment().getProperty("local.server.port", Integer.class);
        pe.gob.regioncajamarca.participa.testsupport.Http http = new pe.gob.regioncajamarca.participa.testsupport.Http(port);
        String home = http.get("/").body();
        news.latest(3).forEach(n -> assertThat(home).contains("href=\"/noticias/" + n.id() + "\""));
        assertThat(http.get("/noticias").body()).contains("Capacitación gratuita para agentes participantes");
        http.staffLogin("admin", "demo");
        assertThat(http.get("/personal/noticias").body()).contains("Noticias del portal", "Publicada");
    }

    @Test
    void theMailPageIsForStaffOnlyAndShowsTheMailsDecoded() throws Exception {
        // a mail as the outbox sends it (multipart text + HTML, UTF-8): the text part travels quoted-printable
        var sender = app.getBean(org.springframework.mail.javamail.JavaMailSender.class);
        jakarta.mail.internet.MimeMessage message = sender.createMimeMessage();
        var helper = new org.springframework.mail.javamail.MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom("participa@regioncajamarca.gob.pe");
        helper.setTo("vecina.demo@example.pe");
        helper.setSubject("Cambio de contraseña");
        helper.setText("Para elegir una contraseña nueva abra el enlace: http://localhost:8080/acceso/clave/ÁRBOL-ñandú",
                "<p>Para elegir una contraseña nueva abra el enlace</p>");
        sender.send(message);

        int port = app.getEnvironment().getProperty("local.server.port", Integer.class);
        var anonymous = new pe.gob.regioncajamarca.participa.testsupport.Http(port);
        java.net.http.HttpResponse<String> refused = anonymous.get("/demo/correos");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/personal/login");
        assertThat(refused.body()).doesNotContain("acceso/clave");

        var citizen = new pe.gob.regioncajamarca.participa.testsupport.Http(port);
        citizen.submit("/login", "/login", java.util.Map.of("username", "40000001", "password", "demo"));
        assertThat(citizen.get("/").body()).as("the demo citizen is logged in").contains("/logout");
        java.net.http.HttpResponse<String> citizenPage = citizen.get("/demo/correos");
        assertThat(citizenPage.statusCode()).isIn(302, 403);
        assertThat(citizenPage.body()).doesNotContain("acceso/clave");

        var staff = new pe.gob.regioncajamarca.participa.testsupport.Http(port);
        staff.staffLogin("overseer", "demo");
        java.net.http.HttpResponse<String> page = staff.get("/demo/correos");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Para elegir una contraseña nueva abra el enlace: "
                        + "http://localhost:8080/acceso/clave/ÁRBOL-ñandú")
                .doesNotContain("=C3=B1").doesNotContain("=C3=81").doesNotContain("Content-Transfer-Encoding");
    }

    private static String waitForPhase(JdbcClient jdbc, int year, String phase) throws InterruptedException {
        String now = null;
        for (int i = 0; i < 300 && !phase.equals(now); i++) {
            Thread.sleep(100);
            now = jdbc.sql("SELECT phase FROM cycle WHERE cycle_year = ?").param(year).query(String.class).single();
        }
        return now;
    }
}
