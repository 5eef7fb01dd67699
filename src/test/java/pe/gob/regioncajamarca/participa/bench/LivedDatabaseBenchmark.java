package pe.gob.regioncajamarca.participa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import pe.gob.regioncajamarca.participa.monitoring.MonitoringRounds;
import pe.gob.regioncajamarca.participa.testsupport.Http;

/**
 * The same requests, in the same run, against the database that has lived ten years and against a fresh one (both
 * made by {@link LivedDatabaseGenerator}; docs/performance.md "Ten years of history"): the portal's pages, open data,
 * a unit's Tasklist query, the engine REST queries Cockpit makes for the round list and a round's instance view, and
 * the deadlines page. Each is measured {@code lived.reps} times (default 50) after 30 warm-ups
 * ({@code lived.warm-up}), one application at a time on the same embedded server (after an unreported warm-up pass on
 * the fresh one); a row per request gives the ten-year median and p95 against the fresh one's, ratio of the medians,
 * goal at most 1.5; with pg_stat_statements, the statements, rows and shared blocks per request on both, side by side.
 * Then the engine's history cleanup on a copy of the ten-year database, the clock one year past the oldest removal
 * time, the monitoring round and the deadlines on copies, and the close of voting on copies ({@link CloseWork}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LivedDatabaseBenchmark {

    static final int REPS = Integer.getInteger("lived.reps", 50);
    static final int WARM_UP = Integer.getInteger("lived.warm-up", 30);

    @org.junit.jupiter.api.BeforeAll
    static void onlyWhenGenerated() {
        org.junit.jupiter.api.Assumptions.assumeTrue(LivedDatabase.available(),
                "no lived database: run LivedDatabaseGenerator first (docs/performance.md, Ten years of history)");
    }

    /**
     * Which parts run, {@code -Dlived.only=requests,cleanup,round,deadlines,close} (default all): the requests, the
     * history cleanup, the monitoring round of 1,000 projects, the 10,000 deadlines, the close of voting.
     */
    static boolean part(String name) {
        String only = System.getProperty("lived.only", "");
        return only.isBlank() || java.util.Arrays.asList(only.split(",")).contains(name);
    }

    /**
     * A request's median and p95 and, when pg_stat_statements counts (reset before the timed repetitions), what the
     * database did per request: statements, rows returned and shared blocks (hit + read); -1 when not counted.
     */
    record Timing(long median, long p95, double statements, double rows, double blocks) {
        String text() {
            return String.format(Locale.ROOT, "median %.1f ms, p95 %.1f ms", median / 1e6, p95 / 1e6);
        }

        String perRequest() {
            return statements < 0 ? "not counted" : String.format(Locale.ROOT, "%.1f statements, %.0f rows, %.0f blocks",
                    statements, rows, blocks);
        }
    }

    @Test
    @Order(1)
    void theSameRequestsOnTenYearsAndOnAFreshDatabase() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(part("requests"));
        // the JVM's compiled code outlives a context: a first, unreported pass on the fresh database warms it, so
        // that neither measured database pays for the interpreter
        measure("fresh", 20);
        Map<String, Timing> lived = measure("lived", REPS);
        Map<String, Timing> fresh = measure("fresh", REPS);
        String db = String.format(Locale.ROOT, "postgres, ten years (scale %s) against fresh (one year)",
                LivedDatabase.scale());
        for (var e : lived.entrySet()) {
            Timing f = fresh.get(e.getKey());
            double ratio = (double) e.getValue().median() / Math.max(1, f.median());
            Bench.report("Ten years: " + e.getKey(), db, e.getValue().text() + " (load " + LivedDatabase.load() + ")",
                    f.text() + " (fresh)", ratio, "ratio ≤ 1.5", ratio <= 1.5);
        }
        // what the database did per request (pg_stat_statements, load-independent): a markdown table
        System.out.println("PER REQUEST | request | ten years: statements / rows / shared blocks | fresh: statements "
                + "/ rows / shared blocks | blocks ratio |");
        for (var e : lived.entrySet()) {
            Timing l = e.getValue();
            Timing f = fresh.get(e.getKey());
            System.out.printf(Locale.ROOT, "PER REQUEST | %s | %.1f / %.0f / %.0f | %.1f / %.0f / %.0f | %.2f |%n",
                    e.getKey(), l.statements(), l.rows(), l.blocks(), f.statements(), f.rows(), f.blocks(),
                    l.blocks() / Math.max(1, f.blocks()));
        }
    }

    private Map<String, Timing> measure(String database, int reps) throws Exception {
        assertThat(LivedDatabase.exists(database)).as("database " + database + " (run LivedDatabaseGenerator)")
                .isTrue();
        ConfigurableApplicationContext ctx = LivedDatabase.start(database, 2525);
        try {
            int port = LivedDatabase.port(ctx);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            ProcessEngine engine = ctx.getBean(ProcessEngine.class);
            int year = jdbc.sql("SELECT MAX(cycle_year) FROM project").query(Integer.class).single();
            String cui = jdbc.sql("""
                    SELECT p.cui FROM project p WHERE p.cycle_year = ? AND p.prioritized = TRUE
                    ORDER BY p.cui FETCH FIRST 1 ROWS ONLY""").param(year).query(String.class).single();
            String round = jdbc.sql("SELECT process_instance_id FROM monitoring_round WHERE quarter = ?")
                    .param(year + "-Q3").query(String.class).single();
            String group = jdbc.sql("""
                    SELECT l.GROUP_ID_ FROM ACT_RU_IDENTITYLINK l JOIN ACT_RU_TASK t ON t.ID_ = l.TASK_ID_
                    WHERE l.TYPE_ = 'candidate' AND l.GROUP_ID_ LIKE 'unit-%'
                    GROUP BY l.GROUP_ID_ ORDER BY COUNT(*) DESC, l.GROUP_ID_ FETCH FIRST 1 ROWS ONLY""")
                    .query(String.class).single();
            Http portal = new Http(port);
            Http staff = new Http(port);
            staff.staffLogin(LivedDatabase.STAFF_MANAGER, LivedDatabase.STAFF_PASSWORD);
            Map<String, Callable<Object>> requests = new LinkedHashMap<>();
            requests.put("home /", ok(portal, "/"));
            requests.put("project list /proyectos (all cycles, page 1)", ok(portal, "/proyectos"));
            requests.put("project list filtered (cycle, scope, prioritised)",
                    ok(portal, "/proyectos?ciclo=" + year + "&ambito=CAJAMARCA&priorizados=true"));
            requests.put("project list, text search", ok(portal, "/proyectos?q=servicio&pagina=2"));
            requests.put("a project's page", ok(portal, "/proyectos/" + year + "/" + cui));
            requests.put("results of a cycle /resultados/{year}", ok(portal, "/resultados/" + year));
            requests.put("/seguimiento", ok(portal, "/seguimiento"));
            requests.put("/rendicion-de-cuentas", ok(portal, "/rendicion-de-cuentas"));
            requests.put("open data: a cycle's projects JSON", ok(portal, "/api/open-data/cycles/" + year + "/projects"));
            requests.put("Tasklist: a unit's first page by due date (TaskService)", () -> engine.getTaskService()
                    .createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().orderByDueDate().asc()
                    .listPage(0, 15));
            requests.put("Cockpit: /engine-rest/process-definition/statistics",
                    rest(portal, "/engine-rest/process-definition/statistics?failedJobs=true&incidents=true"));
            // what Cockpit's page of the rounds' definition lists: its running instances, through Cockpit's own API
            // (Cockpit Community lists no historic instances of a definition; it opens one finished instance by id).
            // The definition is the version the rounds ran on: a start of the application that deploys a changed
            // model deploys every model again, and the newest version has no rounds yet.
            String roundDefinition = jdbc.sql("SELECT PROC_DEF_ID_ FROM ACT_HI_PROCINST WHERE ID_ = ?").param(round)
                    .query(String.class).single();
            Http cockpit = cockpitSession(port);
            requests.put("Cockpit: the rounds' definition page, its instances (first 50)", ok(cockpit,
                    "/camunda/api/cockpit/plugin/base/default/process-instance?processDefinitionId=" + roundDefinition
                            + "&sortBy=startTime&sortOrder=desc&firstResult=0&maxResults=50"));
            // a client of the REST API (a report, a script) listing the rounds' history: by the definition's key the
            // engine matches the joined definition (the slow plan, docs/performance.md); by its id, the instance's own
            // column
            requests.put("REST API: the rounds' historic instances by key (first 50)", rest(portal,
                    "/engine-rest/history/process-instance?processDefinitionKey=quarterly-monitoring-round"
                            + "&sortBy=startTime&sortOrder=desc&firstResult=0&maxResults=50"));
            requests.put("REST API: the rounds' historic instances by definition id (first 50)", rest(portal,
                    "/engine-rest/history/process-instance?processDefinitionId=" + roundDefinition
                            + "&sortBy=startTime&sortOrder=desc&firstResult=0&maxResults=50"));
            requests.put("Cockpit: a round's historic instance", rest(portal,
                    "/engine-rest/history/process-instance/" + round));
            requests.put("Cockpit: a round's activity instances", rest(portal,
                    "/engine-rest/history/activity-instance?processInstanceId=" + round
                            + "&sortBy=startTime&sortOrder=asc"));
            requests.put("deadlines page /personal/plazos", ok(staff, "/personal/plazos"));
            Map<String, Timing> out = new LinkedHashMap<>();
            boolean counted = reps == REPS;
            for (var e : requests.entrySet()) {
                List<Long> runs = new ArrayList<>();
                for (int i = 0; i < WARM_UP + reps; i++) {
                    if (i == WARM_UP && counted) {
                        counted = statementsReset(jdbc);
                    }
                    long t0 = System.nanoTime();
                    e.getValue().call();
                    long t = System.nanoTime() - t0;
                    if (i >= WARM_UP) {
                        runs.add(t);
                    }
                }
                Collections.sort(runs);
                double[] per = {-1, -1, -1};
                if (counted) {
                    long[] totals = statementTotals(jdbc);
                    for (int k = 0; k < 3; k++) {
                        per[k] = (double) totals[k] / reps;
                    }
                    printStatements(jdbc, database + " " + e.getKey(), reps, "shared_blks_hit + shared_blks_read", 3);
                }
                Timing timing = new Timing(runs.get(runs.size() / 2), runs.get((int) Math.ceil(runs.size() * 0.95) - 1),
                        per[0], per[1], per[2]);
                System.out.printf(Locale.ROOT, "LIVED %s%s | %-58s | %s | %s | load %s%n", database,
                        reps == REPS ? "" : " (warm-up pass)", e.getKey(),
                        timing.text(), timing.perRequest(), LivedDatabase.load());
                out.put(e.getKey(), timing);
            }
            if (reps == REPS) {
                explain(jdbc, database, round, group, cui, year);
            }
            return out;
        } finally {
            ctx.close();
        }
    }

    /**
     * EXPLAIN ANALYZE of the queries behind the requests that could grow with the years (the engine's as its
     * mappings issue them, without the authorization joins the administrator skips): printed per database.
     */
    private static void explain(JdbcClient jdbc, String database, String round, String group, String cui, int year) {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("historic rounds by the instance's own key", "SELECT RES.* FROM ACT_HI_PROCINST RES WHERE RES.PROC_DEF_KEY_ = "
                + "'quarterly-monitoring-round' ORDER BY RES.START_TIME_ DESC LIMIT 50");
        queries.put("Cockpit activity instances", "SELECT RES.* FROM ACT_HI_ACTINST RES WHERE RES.PROC_INST_ID_ = '"
                + round + "' ORDER BY RES.START_TIME_ ASC");
        queries.put("Cockpit variables of a round", "SELECT RES.* FROM ACT_HI_VARINST RES WHERE RES.PROC_INST_ID_ = '"
                + round + "'");
        queries.put("Tasklist page", "SELECT DISTINCT RES.* FROM ACT_RU_TASK RES INNER JOIN ACT_RU_IDENTITYLINK I "
                + "ON I.TASK_ID_ = RES.ID_ WHERE I.TYPE_ = 'candidate' AND I.GROUP_ID_ = '" + group
                + "' ORDER BY RES.DUE_DATE_ ASC LIMIT 15");
        queries.put("history of a task's instance (identity links)", "SELECT * FROM ACT_HI_IDENTITYLINK WHERE "
                + "GROUP_ID_ = '" + group + "' ORDER BY TIMESTAMP_ DESC LIMIT 15");
        queries.put("latest report of every project, grouped (now)", """
                SELECT r.project_id, r.financial_execution FROM monitoring_report r
                JOIN (SELECT project_id, MAX(quarter) AS quarter FROM monitoring_report WHERE status = 'REPORTADO'
                      GROUP BY project_id) latest ON latest.project_id = r.project_id AND latest.quarter = r.quarter
                WHERE r.status = 'REPORTADO'""");
        queries.put("latest report of every project, correlated (before)", """
                SELECT r.project_id, r.financial_execution FROM monitoring_report r
                WHERE r.status = 'REPORTADO' AND r.quarter = (SELECT MAX(r2.quarter) FROM monitoring_report r2
                    WHERE r2.project_id = r.project_id AND r2.status = 'REPORTADO')""");
        queries.put("latest report of a cycle's projects (latestReported)", """
                SELECT r.project_id, r.quarter FROM monitoring_report r
                JOIN (SELECT project_id, MAX(quarter) AS quarter FROM monitoring_report WHERE project_id IN
                        (SELECT id FROM project WHERE cycle_year = %d) AND status = 'REPORTADO' GROUP BY project_id) l
                  ON l.project_id = r.project_id AND l.quarter = r.quarter
                WHERE r.project_id IN (SELECT id FROM project WHERE cycle_year = %d) AND r.status = 'REPORTADO'"""
                .formatted(year, year));
        // as the REST API asks it for test-admin: the key is matched on the definition, with the authorization join
        queries.put("historic rounds by key, as the REST API asks", """
                SELECT DISTINCT RES.* FROM (SELECT SELF.*, DEF.NAME_, DEF.VERSION_, DEF.DEPLOYMENT_ID_
                  FROM ACT_HI_PROCINST SELF LEFT JOIN ACT_RE_PROCDEF DEF ON SELF.PROC_DEF_ID_ = DEF.ID_
                  LEFT JOIN (SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2
                    AND (A.USER_ID_ IN ('test-admin', '*') OR A.GROUP_ID_ IN ('camunda-admin'))
                    AND A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 4096 = 4096) AUTH
                    ON AUTH.RESOURCE_ID_ IN (SELF.PROC_DEF_KEY_, '*')
                  WHERE DEF.KEY_ = 'quarterly-monitoring-round'
                    AND ((SELF.PROC_DEF_KEY_ IS NOT NULL AND AUTH.RESOURCE_ID_ IS NOT NULL)
                         OR SELF.PROC_DEF_KEY_ IS NULL)) RES
                ORDER BY RES.START_TIME_ DESC LIMIT 50""");
        queries.put("rounds with their counts (/seguimiento)", """
                SELECT m.quarter, (SELECT COUNT(*) FROM monitoring_report r WHERE r.quarter = m.quarter),
                  (SELECT COUNT(*) FROM monitoring_report r WHERE r.quarter = m.quarter AND r.status = 'REPORTADO'),
                  (SELECT COUNT(*) FROM monitoring_alert a WHERE a.quarter = m.quarter)
                FROM monitoring_round m ORDER BY m.quarter DESC""");
        queries.put("a project's reports (project page)", "SELECT r.* FROM monitoring_report r JOIN project p ON "
                + "p.id = r.project_id WHERE p.cycle_year = " + year + " AND p.cui = '" + cui + "' ORDER BY r.quarter");
        queries.put("a cycle's votes by project", "SELECT project_id, COUNT(*) FROM vote WHERE cycle_year = " + year
                + " GROUP BY project_id");
        queries.put("a cycle's ledger entries", "SELECT COUNT(*) FROM ledger_entry WHERE cycle_year = " + year);
        queries.put("complaints of the planning office (newest 20)", "SELECT * FROM complaint ORDER BY id DESC LIMIT 20");
        for (var q : queries.entrySet()) {
            try {
                List<String> plan = jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + q.getValue()).query(String.class).list();
                String time = plan.stream().filter(l -> l.startsWith("Execution Time")).findFirst().orElse("?");
                System.out.printf(Locale.ROOT, "EXPLAIN %s | %-48s | %s | %s%n", database, q.getKey(), time,
                        String.join(" / ", plan.subList(0, Math.min(3, plan.size()))).replaceAll("\\s+", " "));
            } catch (RuntimeException e) {
                System.out.printf("EXPLAIN %s | %s | failed: %s%n", database, q.getKey(), e.getMessage());
            }
        }
    }

    private static Callable<Object> ok(Http http, String path) {
        return () -> {
            var r = http.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return r;
        };
    }

    /** A Cockpit session of the administrator, logged in as Cockpit's login page does. */
    private static Http cockpitSession(int port) {
        Http cockpit = new Http(port);
        var login = cockpit.webappLogin("cockpit", LivedDatabase.ADMIN, LivedDatabase.ADMIN_PASSWORD);
        assertThat(login.statusCode()).as("Cockpit login: " + login.body()).isEqualTo(200);
        return cockpit;
    }

    private static Callable<Object> rest(Http http, String path) {
        return () -> {
            var r = http.get(path, LivedDatabase.ADMIN, LivedDatabase.ADMIN_PASSWORD);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return r;
        };
    }

    /**
     * The engine's history cleanup (the job {@code HistoryService.cleanUpHistoryAsync} creates, executed until nothing
     * removable is left) on a copy of the ten-year database, with the engine clock one year past the oldest removal
     * time: it removes one year's worth of history past its time to live.
     */
    @Test
    @Order(2)
    void historyCleanupOfOneYearPastItsTimeToLive() {
        org.junit.jupiter.api.Assumptions.assumeTrue(part("cleanup"));
        assertThat(LivedDatabase.exists("lived")).isTrue();
        long copyStarted = System.nanoTime();
        LivedDatabase.sql("DROP DATABASE IF EXISTS lived_cleanup WITH (FORCE)");
        LivedDatabase.sql("CREATE DATABASE lived_cleanup TEMPLATE lived");
        System.out.printf(Locale.ROOT, "LIVED cleanup | copy of the ten-year database in %.1f s%n",
                (System.nanoTime() - copyStarted) / 1e9);
        ConfigurableApplicationContext ctx = LivedDatabase.start("lived_cleanup", 2525);
        try {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            ProcessEngine engine = ctx.getBean(ProcessEngine.class);
            ManagementService management = engine.getManagementService();
            Timestamp oldest = jdbc.sql("SELECT MIN(REMOVAL_TIME_) FROM ACT_HI_PROCINST").query(Timestamp.class)
                    .single();
            assertThat(oldest).as("a removal time (history time to live)").isNotNull();
            Date at = new Date(oldest.getTime() + 365L * 86_400_000L);
            ClockUtil.setCurrentTime(at);
            String[] tables = {"ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST",
                    "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_JOB_LOG", "ACT_HI_OP_LOG", "ACT_HI_INCIDENT",
                    "ACT_GE_BYTEARRAY"};
            Map<String, Long> before = removable(jdbc, tables, at);
            Map<String, Long> byKey = new LinkedHashMap<>();
            jdbc.sql("SELECT PROC_DEF_KEY_, COUNT(*) FROM ACT_HI_PROCINST WHERE REMOVAL_TIME_ <= ? "
                            + "GROUP BY PROC_DEF_KEY_ ORDER BY 1").param(new Timestamp(at.getTime()))
                    .query((rs, i) -> byKey.put(rs.getString(1), rs.getLong(2))).list();
            long allProcinst = jdbc.sql("SELECT COUNT(*) FROM ACT_HI_PROCINST").query(Long.class).single();
            System.out.printf("LIVED cleanup | clock %s; removable rows %s; process instances by key %s of %d%n",
                    at.toInstant(), before, byKey, allProcinst);
            long t0 = System.nanoTime();
            String jobId = engine.getHistoryService().cleanUpHistoryAsync(true).getId();
            int executions = 0;
            while (removable(jdbc, tables, at).values().stream().mapToLong(Long::longValue).sum() > 0
                    && executions < 100_000) {
                Job job = management.createJobQuery().jobId(jobId).singleResult();
                if (job == null) {
                    jobId = engine.getHistoryService().cleanUpHistoryAsync(true).getId();
                    continue;
                }
                management.executeJob(job.getId());
                executions++;
            }
            long nanos = System.nanoTime() - t0;
            long removed = before.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf(Locale.ROOT, "LIVED cleanup | %d rows of %d process instances removed in %.1f s "
                            + "(%d job executions, %.0f rows/s); left removable: %s; load %s%n", removed,
                    byKey.values().stream().mapToLong(Long::longValue).sum(), nanos / 1e9, executions,
                    removed / (nanos / 1e9), removable(jdbc, tables, at), LivedDatabase.load());
            Bench.report("Ten years: history cleanup of one year past its time to live (" + byKey.values().stream()
                            .mapToLong(Long::longValue).sum() + " process instances, " + removed + " rows)",
                    String.format(Locale.ROOT, "postgres, ten years (scale %s)", LivedDatabase.scale()),
                    String.format(Locale.ROOT, "%.1f s, %d job executions, load %s", nanos / 1e9, executions,
                            LivedDatabase.load()), "-", 0, "inside the nightly window (4 h)", nanos / 1e9 < 4 * 3600);
        } finally {
            ClockUtil.reset();
            ctx.close();
            LivedDatabase.sql("DROP DATABASE IF EXISTS lived_cleanup WITH (FORCE)");
        }
    }

    record RoundFigures(int projects, long baseline, long round) {
        double ratio() {
            return (double) round / baseline;
        }

        String text(String which) {
            return String.format(Locale.ROOT, "%s: %.2f s (bare engine %.2f s, ratio %.2f)", which, round / 1e9,
                    baseline / 1e9, ratio());
        }
    }

    /**
     * Benchmark 2 on ten years: on a copy of {@code lived} and then of {@code fresh}, 1,000 monitored projects of 10
     * units added ({@link RoundWork}), the bare engine's one-task instances (as many as the round will have) and the
     * round opened, in the same application and database; a row per database against its bare engine (goal ≤ 2) and
     * one of the ten-year round against the fresh one (goal ≤ 1.5). With pg_stat_statements on the server, the
     * statements of each phase are counted per task and the most frequent printed.
     */
    @Test
    @Order(3)
    void aMonitoringRoundOnTenYearsAndOnAFreshDatabase() {
        org.junit.jupiter.api.Assumptions.assumeTrue(part("round"));
        // an unreported pass on fresh first: the JIT's code outlives a context (as for the requests)
        roundOn("fresh");
        RoundFigures lived = roundOn("lived");
        RoundFigures fresh = roundOn("fresh");
        String db = String.format(Locale.ROOT, "postgres, ten years (scale %s) / fresh, copies", LivedDatabase.scale());
        for (var e : List.of(Map.entry("ten years", lived), Map.entry("fresh", fresh))) {
            Bench.report("Monitoring round, " + e.getValue().projects() + " projects, " + e.getKey()
                            + ": all unit tasks created", db,
                    String.format(Locale.ROOT, "%.2f s (load %s)", e.getValue().round() / 1e9, LivedDatabase.load()),
                    String.format(Locale.ROOT, "%.2f s (bare engine, %d one-task instances)",
                            e.getValue().baseline() / 1e9, e.getValue().projects()),
                    e.getValue().ratio(), "ratio ≤ 2", e.getValue().ratio() <= 2);
        }
        double ratio = (double) lived.round() / fresh.round();
        Bench.report("Ten years: monitoring round of " + lived.projects() + " projects", db, lived.text("ten years"),
                fresh.text("fresh"), ratio, "ratio ≤ 1.5", ratio <= 1.5);
    }

    private RoundFigures roundOn(String database) {
        String copy = copyOf(database, "round");
        ConfigurableApplicationContext ctx = LivedDatabase.start(copy, 2525);
        try {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            ProcessEngine engine = ctx.getBean(ProcessEngine.class);
            int year = jdbc.sql("SELECT MAX(cycle_year) FROM project").query(Integer.class).single();
            int monitored = RoundWork.addMonitoredProjects(jdbc, ctx.getBean(javax.sql.DataSource.class), year,
                    RoundWork.PROJECTS);
            boolean counting = statementsReset(jdbc);
            long baseline = RoundWork.bareOneTaskInstances(engine, monitored);
            if (counting) {
                printStatements(jdbc, database + " bare engine", monitored);
                statementsReset(jdbc);
            }
            long t0 = System.nanoTime();
            String pid = RoundWork.openRound(engine, ctx.getBean(MonitoringRounds.class), "2099-Q1");
            long round = System.nanoTime() - t0;
            if (counting) {
                printStatements(jdbc, database + " round", monitored);
            }
            assertThat(RoundWork.reportTasks(engine, pid)).isEqualTo(monitored);
            RoundFigures f = new RoundFigures(monitored, baseline, round);
            System.out.printf(Locale.ROOT, "LIVED round | %s | %d projects | %s | load %s%n", database, monitored,
                    f.text(database), LivedDatabase.load());
            return f;
        } finally {
            ctx.close();
            LivedDatabase.sql("DROP DATABASE IF EXISTS " + copy + " WITH (FORCE)");
        }
    }

    /** A copy of {@code database} ({@code CREATE DATABASE ... TEMPLATE}), named {@code database_part}: its name. */
    private static String copyOf(String database, String part) {
        String copy = database + "_" + part;
        LivedDatabase.sql("DROP DATABASE IF EXISTS " + copy + " WITH (FORCE)");
        LivedDatabase.sql("CREATE DATABASE " + copy + " TEMPLATE " + database);
        return copy;
    }

    /** Resets pg_stat_statements' counts; false when the server does not preload it. */
    private static boolean statementsReset(JdbcClient jdbc) {
        try {
            jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
            jdbc.sql("SELECT pg_stat_statements_reset()").query().singleRow();
            return true;
        } catch (RuntimeException e) {
            System.out.println("LIVED statements | not counted: " + e.getMessage());
            return false;
        }
    }

    private static final String MINE = "dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " AND query NOT LIKE '%pg_stat_statements%'";

    /** The statements this database ran since the reset: in all and per task, the 25 most frequent. */
    private static void printStatements(JdbcClient jdbc, String phase, int tasks) {
        long calls = statementTotals(jdbc)[0];
        System.out.printf(Locale.ROOT, "LIVED statements | %s | %d statements, %.1f per task%n", phase, calls,
                (double) calls / tasks);
        printStatements(jdbc, phase, tasks, "calls", 25);
    }

    /** The {@code limit} statements of this database with the most {@code order} since the reset, per unit of work. */
    private static void printStatements(JdbcClient jdbc, String phase, int per, String order, int limit) {
        jdbc.sql("SELECT calls, rows, shared_blks_hit + shared_blks_read, total_exec_time, query FROM pg_stat_statements"
                        + " WHERE " + MINE + " ORDER BY " + order + " DESC LIMIT " + limit)
                .query((rs, i) -> {
                    String query = rs.getString(5).replaceAll("\\s+", " ");
                    System.out.printf(Locale.ROOT, "LIVED statements | %s | %6d calls (%.2f each) | %7d rows | "
                                    + "%8d blocks (%.0f each) | %7.1f ms | %s%n", phase, rs.getLong(1),
                            rs.getLong(1) / (double) per, rs.getLong(2), rs.getLong(3), rs.getLong(3) / (double) per,
                            rs.getDouble(4), query.substring(0, Math.min(200, query.length())));
                    return i;
                }).list();
    }

    /**
     * Since the reset, on this database: statements, rows returned, shared blocks hit and read, microseconds
     * executing.
     */
    private static long[] statementTotals(JdbcClient jdbc) {
        return jdbc.sql("SELECT COALESCE(SUM(calls), 0), COALESCE(SUM(rows), 0), "
                        + "COALESCE(SUM(shared_blks_hit + shared_blks_read), 0), COALESCE(SUM(total_exec_time), 0) "
                        + "FROM pg_stat_statements WHERE " + MINE)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        Math.round(rs.getDouble(4) * 1000)}).single();
    }

    record DeadlineFigures(DeadlineWork.Result result) {
        String text(String which) {
            return String.format(Locale.ROOT, "%s: %.1f s (bare engine %.1f s, ratio %.2f)", which,
                    result.fired() / 1e9, result.baseline() / 1e9, (double) result.fired() / result.baseline());
        }
    }

    /**
     * Benchmark 4 on ten years: on a copy of {@code lived} and then of {@code fresh}, with the application's job
     * executor on, {@code lived.deadlines} (default 10,000) deadlines due at once escalated and the bare engine's
     * trivial jobs as baseline ({@link DeadlineWork}). The copies' own jobs (the open round's timers, the quarterly
     * start...) are suspended before the application starts, so that the executor runs only the benchmark's jobs
     * while the tables keep their rows.
     */
    @Test
    @Order(4)
    void deadlinesOnTenYearsAndOnAFreshDatabase() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(part("deadlines"));
        int n = Integer.getInteger("lived.deadlines", 10_000);
        DeadlineWork.Result lived = deadlinesOn("lived", n);
        DeadlineWork.Result fresh = deadlinesOn("fresh", n);
        String db = String.format(Locale.ROOT, "postgres, ten years (scale %s) / fresh, copies", LivedDatabase.scale());
        for (var e : List.of(Map.entry("ten years", lived), Map.entry("fresh", fresh))) {
            DeadlineWork.Result r = e.getValue();
            Bench.report(String.format(Locale.ROOT, "%,d timers due at once, %s: all fired, escalations stored", n,
                            e.getKey()), db,
                    String.format(Locale.ROOT, "%.1f s (%.0f escalations/s; load %s)", r.fired() / 1e9,
                            n / (r.fired() / 1e9), LivedDatabase.load()),
                    String.format(Locale.ROOT, "%.1f s (bare engine, %,d trivial async jobs due at once)",
                            r.baseline() / 1e9, n), (double) r.fired() / r.baseline(), "< 60 s", r.fired() / 1e9 < 60);
        }
        double ratio = (double) lived.fired() / fresh.fired();
        Bench.report(String.format(Locale.ROOT, "Ten years: %,d deadlines due at once", n), db,
                new DeadlineFigures(lived).text("ten years"), new DeadlineFigures(fresh).text("fresh"), ratio,
                "ratio ≤ 1.5", ratio <= 1.5);
    }

    private DeadlineWork.Result deadlinesOn(String database, int n) throws Exception {
        String copy = copyOf(database, "deadlines");
        try (var c = LivedDatabase.server().getDatabase("postgres", copy).getConnection();
             var st = c.createStatement()) {
            System.out.printf("LIVED deadlines | %s | %d jobs of the copy suspended%n", database,
                    st.executeUpdate("UPDATE ACT_RU_JOB SET SUSPENSION_STATE_ = 2"));
        }
        ConfigurableApplicationContext ctx = LivedDatabase.start(copy, 2525,
                Map.of("camunda.bpm.job-execution.enabled", "true"));
        try {
            DeadlineWork.Result r = DeadlineWork.run(ctx.getBean(ProcessEngine.class), ctx.getBean(JdbcClient.class), n);
            System.out.printf(Locale.ROOT, "LIVED deadlines | %s | %d instances created in %.1f s | %s | load %s%n",
                    database, 2 * n, r.created() / 1e9, new DeadlineFigures(r).text(database), LivedDatabase.load());
            return r;
        } finally {
            ctx.close();
            LivedDatabase.sql("DROP DATABASE IF EXISTS " + copy + " WITH (FORCE)");
        }
    }

    record CloseFigures(CloseWork.VotingCycle cycle, long close, long prioritisation) {
        String text(String which) {
            return String.format(Locale.ROOT, "%s: close %.3f s (prioritisation %.3f s; medians)", which, close / 1e9,
                    prioritisation / 1e9);
        }
    }

    /**
     * The close of voting on ten years: on a copy of {@code lived} and then of {@code fresh}, a new cycle in its
     * voting phase with 2,000 projects and 100,000 votes scaled by {@code lived.scale} (at least 200 projects and
     * 20,000 votes; {@link CloseWork}), then the voting's closing timer executed as the job executor would (phase,
     * final counts, ledger entry) and the prioritisation job after it. An unreported pass on a copy of fresh first
     * (the JIT). With pg_stat_statements, the statements of the close are printed, most shared blocks first.
     */
    @Test
    @Order(5)
    void theCloseOfVotingOnTenYearsAndOnAFreshDatabase() {
        org.junit.jupiter.api.Assumptions.assumeTrue(part("close"));
        int projects = Math.max(200, LivedDatabase.scaled(2000));
        int votes = Math.max(20_000, LivedDatabase.scaled(100_000));
        closeOn("fresh", projects, votes, false);
        CloseFigures lived = closeOn("lived", projects, votes, true);
        CloseFigures fresh = closeOn("fresh", projects, votes, true);
        String db = String.format(Locale.ROOT, "postgres, ten years (scale %s) / fresh, copies", LivedDatabase.scale());
        double ratio = (double) lived.close() / fresh.close();
        Bench.report(String.format(Locale.ROOT, "Ten years: close of voting, %,d projects, %,d votes (timer job: "
                        + "phase, final counts, ledger entry)", lived.cycle().projects(), lived.cycle().votes()), db,
                lived.text("ten years") + " (load " + LivedDatabase.load() + ")", fresh.text("fresh"), ratio,
                "ratio ≤ 1.5", ratio <= 1.5);
    }

    /**
     * Executes a job and returns how long it took (ns); when {@code counting}, prints what the database did for it
     * (pg_stat_statements, reset before and after) and its {@code top} statements with the most shared blocks.
     */
    private static long timedJob(ManagementService management, JdbcClient jdbc, String jobId, boolean counting,
                                 String label, int top) {
        long t0 = System.nanoTime();
        management.executeJob(jobId);
        long took = System.nanoTime() - t0;
        if (counting) {
            long[] totals = statementTotals(jdbc);
            System.out.printf(Locale.ROOT, "LIVED statements | %s | %d statements, %d rows, %d blocks, "
                    + "%.1f ms executing%n", label, totals[0], totals[1], totals[2], totals[3] / 1e3);
            printStatements(jdbc, label, 1, "shared_blks_hit + shared_blks_read", top);
            statementsReset(jdbc);
        }
        return took;
    }

    /**
     * On a copy of {@code database}: {@code 1 + lived.close-reps} (default 3) cycles one after the other, each in its
     * voting phase and then closed and prioritised; the first close of the context is not counted (its first
     * execution of these paths), the figure is the median of the others; the last one's statements are printed.
     */
    private CloseFigures closeOn(String database, int projects, int votes, boolean reported) {
        String copy = copyOf(database, "close");
        int reps = Integer.getInteger("lived.close-reps", 3);
        ConfigurableApplicationContext ctx = LivedDatabase.start(copy, 2525);
        try {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            ProcessEngine engine = ctx.getBean(ProcessEngine.class);
            ManagementService management = engine.getManagementService();
            List<Long> closes = new ArrayList<>();
            List<Long> prioritisations = new ArrayList<>();
            CloseWork.VotingCycle cycle = null;
            for (int r = 0; r <= reps; r++) {
                boolean last = r == reps;
                cycle = CloseWork.inVoting(engine,
                        ctx.getBean(pe.gob.regioncajamarca.participa.cycle.CycleStarter.class), jdbc, projects, votes);
                String closing = CloseWork.closingJob(engine, cycle); // looked up before the counts start
                boolean counting = reported && last && statementsReset(jdbc);
                long close = timedJob(management, jdbc, closing, counting, database + " close", 12);
                long prioritisation = timedJob(management, jdbc, CloseWork.prioritisationJob(engine, cycle), counting,
                        database + " prioritisation", 8);
                assertThat(jdbc.sql("SELECT phase FROM cycle WHERE cycle_year = ?").param(cycle.year())
                        .query(String.class).single()).isEqualTo("PRIORIZACION");
                assertThat(jdbc.sql("SELECT COALESCE(SUM(votes), 0) FROM project WHERE cycle_year = ?")
                        .param(cycle.year()).query(Integer.class).single()).isEqualTo(cycle.votes());
                assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_entry WHERE cycle_year = ? AND subject = ?")
                        .params(cycle.year(), "conteo " + cycle.year()).query(Integer.class).single()).isEqualTo(1);
                System.out.printf(Locale.ROOT, "LIVED close | %s%s | cycle %d, %d projects, %d votes | close %.3f s, "
                                + "prioritisation %.3f s%s | load %s%n", database, reported ? "" : " (warm-up pass)",
                        cycle.year(), cycle.projects(), cycle.votes(), close / 1e9, prioritisation / 1e9,
                        r == 0 ? " (first of the context, not counted)" : "", LivedDatabase.load());
                if (r > 0) {
                    closes.add(close);
                    prioritisations.add(prioritisation);
                }
            }
            Collections.sort(closes);
            Collections.sort(prioritisations);
            return new CloseFigures(cycle, closes.get(closes.size() / 2), prioritisations.get(prioritisations.size() / 2));
        } finally {
            ClockUtil.reset();
            ctx.close();
            LivedDatabase.sql("DROP DATABASE IF EXISTS " + copy + " WITH (FORCE)");
        }
    }

    private static Map<String, Long> removable(JdbcClient jdbc, String[] tables, Date at) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String t : tables) {
            out.put(t, jdbc.sql("SELECT COUNT(*) FROM " + t + " WHERE REMOVAL_TIME_ <= ?")
                    .param(new Timestamp(at.getTime())).query(Long.class).single());
        }
        return out;
    }
}
