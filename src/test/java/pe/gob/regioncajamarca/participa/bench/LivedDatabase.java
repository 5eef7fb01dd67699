package pe.gob.regioncajamarca.participa.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import pe.gob.regioncajamarca.participa.ParticipaApplication;
import pe.gob.regioncajamarca.participa.accreditation.AccreditationService;
import pe.gob.regioncajamarca.participa.accreditation.AgentApplication;
import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.complaints.ComplaintService;
import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.cycle.CycleStarter;
import pe.gob.regioncajamarca.participa.cycle.OpenCycleCommand;
import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;
import pe.gob.regioncajamarca.participa.ledger.Ledger;
import pe.gob.regioncajamarca.participa.monitoring.MonitoringRounds;
import pe.gob.regioncajamarca.participa.notification.OutboxSender;
import pe.gob.regioncajamarca.participa.oversight.CommitteeElection;

/**
 * A database that has lived ten years (docs/performance.md, "Ten years of history"): an embedded PostgreSQL whose
 * data directory persists ({@code lived.dir}, default {@code target/lived-db}) holding two databases filled by
 * {@link #generate} through the application's own services and engine, the clock moved through the years:
 * {@code lived} (ten cycles and their forty monitoring rounds) and {@code fresh} (the same generator for the last year
 * only: one cycle and its four rounds), so that a benchmark compares the same pages on both.
 * <p>Per year, at scale 1 ({@code lived.scale} multiplies every count): a whole cycle through
 * {@code participatory-budget-cycle} (a programme of 2,000 projects loaded through its task, one evaluation matrix per
 * scope, 5,000 agents accredited through {@code agent-accreditation}, 100,000 votes through {@code VotingService} over
 * 8 threads, prioritisation, approval, committee, monitoring registration), four monitoring rounds of about 1,000
 * reports whose unit tasks are completed (each project completes in its fourth report; the last round of the last
 * year stays open, so Tasklist has a round's work), 5,000 complaints submitted through {@code ComplaintService},
 * triaged and answered, their mails sent by {@code OutboxSender} to an in-process GreenMail; at the end the ledger is
 * sealed and the database vacuumed and analysed.
 */
final class LivedDatabase {

    static final String STAFF_MANAGER = "gerente.historia";
    static final String STAFF_PASSWORD = "secreto-gerente-historia";
    static final String ADMIN = "test-admin";
    static final String ADMIN_PASSWORD = "test-admin-secreto";

    private static EmbeddedPostgres server;

    private LivedDatabase() {
    }

    static double scale() {
        return Double.parseDouble(System.getProperty("lived.scale", "1"));
    }

    static int scaled(int n) {
        return Math.max(1, (int) Math.round(n * scale()));
    }

    /** The last year of the history (the year before the machine's): cycles {@code last - 9} to {@code last}. */
    static int lastYear() {
        return Integer.getInteger("lived.last-year", LocalDate.now().getYear() - 1);
    }

    static Path dir() {
        return Path.of(System.getProperty("lived.dir", "target/lived-db")).toAbsolutePath();
    }

    /** Whether the generator has made the data directory (or JDBC URLs are given): the benchmark skips otherwise. */
    static boolean available() {
        return System.getProperty("lived.jdbc-url.lived") != null || Files.exists(dir().resolve("PG_VERSION"));
    }

    /** The embedded server on the persistent data directory (started once per JVM, kept between runs). */
    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            Path dir = dir();
            try {
                Files.createDirectories(dir);
                var builder = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false).setServerConfig("max_connections", "100")
                        .setServerConfig("shared_buffers", "256MB").setServerConfig("work_mem", "16MB")
                        // statements counted per task by LivedDatabaseBenchmark's round; zonky's binaries have it
                        .setServerConfig("shared_preload_libraries",
                                Boolean.parseBoolean(System.getProperty("lived.statements", "true"))
                                        ? "pg_stat_statements" : "");
                // settings for this server only, "name=value;name=value" (the generator's bulk load sets its own)
                for (String setting : System.getProperty("lived.server-config", "").split(";")) {
                    int eq = setting.indexOf('=');
                    if (eq > 0) {
                        builder.setServerConfig(setting.substring(0, eq).trim(), setting.substring(eq + 1).trim());
                    }
                }
                server = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // going away
                }
            }));
        }
        return server;
    }

    /** The JDBC URL of a database: {@code lived.jdbc-url.<name>} if given, else the embedded server's. */
    static String url(String database) {
        String given = System.getProperty("lived.jdbc-url." + database);
        return given != null ? given : server().getJdbcUrl("postgres", database);
    }

    static boolean exists(String database) {
        try (var c = server().getPostgresDatabase().getConnection(); var s = c.prepareStatement(
                "SELECT 1 FROM pg_database WHERE datname = ?")) {
            s.setString(1, database);
            return s.executeQuery().next();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sql(String statement) {
        try (var c = server().getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute(statement);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    static void recreate(String database) {
        sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        sql("CREATE DATABASE " + database);
    }

    /** The application (profile test: no job executor, no schedulers) on a database, on a free port. */
    static ConfigurableApplicationContext start(String database, int smtpPort) {
        return start(database, smtpPort, Map.of());
    }

    /** The same with more properties (e.g. the job executor on). */
    static ConfigurableApplicationContext start(String database, int smtpPort, Map<String, String> more) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("server.port", "0");
        props.put("spring.datasource.url", url(database));
        props.put("spring.datasource.username", System.getProperty("lived.jdbc-user", "postgres"));
        props.put("spring.datasource.password", System.getProperty("lived.jdbc-password", "postgres"));
        props.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
        props.put("spring.datasource.hikari.maximum-pool-size", "16");
        props.put("spring.mail.port", String.valueOf(smtpPort));
        // as production (the test profile reads them on every visit): the folded cycles' money executed on
        // /rendicion-de-cuentas is read at most every 10 minutes
        props.put("participa.accountability.earlier-cycles-refresh", "PT10M");
        props.putAll(more);
        return new SpringApplicationBuilder(ParticipaApplication.class).profiles("test")
                .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(new CheaperHashes()))
                .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    /**
     * The generator's application hashes the citizens' passwords with bcrypt cost {@code lived.bcrypt-cost} (default
     * 4) instead of production's 10: creating 5,000 accounts would otherwise cost minutes of CPU. The hashes are
     * bcrypt all the same ({@code {bcrypt}$2a$04$...}): the application's own encoder (any other run, the benchmark
     * included) checks them.
     */
    static final class CheaperHashes implements org.springframework.beans.factory.config.BeanPostProcessor {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            if (bean instanceof org.springframework.security.crypto.password.PasswordEncoder) {
                var bcrypt = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(
                        Integer.getInteger("lived.bcrypt-cost", 4));
                return new org.springframework.security.crypto.password.DelegatingPasswordEncoder("bcrypt",
                        Map.of("bcrypt", bcrypt));
            }
            return bean;
        }
    }

    static int port(ConfigurableApplicationContext ctx) {
        return ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    // ------------------------------------------------------------------ the generator

    /** Fills the application's database with {@code years} years ending in {@link #lastYear()}; prints each phase. */
    static void generate(ConfigurableApplicationContext ctx, String label, int years) {
        generate(ctx, label, years, () -> 0);
    }

    /**
     * As {@link #generate(ConfigurableApplicationContext, String, int)}; {@code drainMails} is called after each
     * year's mails are sent: it empties the mail server's store (so that its memory stays flat over a million mails)
     * and returns how many mails it held. Returns the total drained.
     */
    static long generate(ConfigurableApplicationContext ctx, String label, int years,
                         java.util.function.LongSupplier drainMails) {
        Generator generator = new Generator(ctx, label, drainMails);
        generator.run(years);
        return generator.received;
    }

    private static final class Generator {
        final String label;
        final JdbcClient jdbc;
        final ProcessEngine engine;
        final TaskService tasks;
        final ManagementService management;
        final CycleStarter starter;
        final CycleService cycles;
        final AccreditationService accreditation;
        final pe.gob.regioncajamarca.participa.voting.VotingService voting;
        final CommitteeElection elections;
        final MonitoringRounds rounds;
        final ComplaintService complaints;
        final OutboxSender outbox;
        final Ledger ledger;
        final CitizenAccounts citizens;
        final Map<String, Double> phaseSeconds = new LinkedHashMap<>();
        final Random random = new Random(20161231L);
        final List<Long> citizenIds = new ArrayList<>();
        final Map<String, List<String>> districtsByScope = new LinkedHashMap<>();
        final Map<String, String> provinceOfScope = new HashMap<>();
        List<String> units;
        final java.util.function.LongSupplier drainMails;
        long received;

        Generator(ConfigurableApplicationContext ctx, String label, java.util.function.LongSupplier drainMails) {
            this.label = label;
            this.drainMails = drainMails;
            jdbc = ctx.getBean(JdbcClient.class);
            engine = ctx.getBean(ProcessEngine.class);
            tasks = engine.getTaskService();
            management = engine.getManagementService();
            starter = ctx.getBean(CycleStarter.class);
            cycles = ctx.getBean(CycleService.class);
            accreditation = ctx.getBean(AccreditationService.class);
            voting = ctx.getBean(pe.gob.regioncajamarca.participa.voting.VotingService.class);
            elections = ctx.getBean(CommitteeElection.class);
            rounds = ctx.getBean(MonitoringRounds.class);
            complaints = ctx.getBean(ComplaintService.class);
            outbox = ctx.getBean(OutboxSender.class);
            ledger = ctx.getBean(Ledger.class);
            citizens = ctx.getBean(CitizenAccounts.class);
        }

        void phase(String name, Runnable work) {
            long t0 = System.nanoTime();
            work.run();
            double s = (System.nanoTime() - t0) / 1e9;
            phaseSeconds.merge(name.replaceAll(" \\d{4}.*", ""), s, Double::sum);
            System.out.printf(Locale.ROOT, "LIVED %s | %-48s | %8.1f s | load %s%n", label, name, s, load());
        }

        /** A part of a phase, printed but not added to the totals. */
        void part(String name, long t0) {
            System.out.printf(Locale.ROOT, "LIVED %s |   %-46s | %8.1f s | load %s%n", label, name,
                    (System.nanoTime() - t0) / 1e9, load());
        }

        /**
         * With {@code lived.mail-during} (default 0: off), that many senders work in the background through the whole
         * generation, as production's scheduled sender does, on the real clock (the engine clock jumps days ahead
         * between phases: a batch claimed before a jump would otherwise look like a dead node's claim); each year's
         * "mails" phase then sends only what is left.
         */
        List<Thread> backgroundSenders(java.util.concurrent.atomic.AtomicBoolean stop) {
            int n = Integer.getInteger("lived.mail-during", 0);
            List<Thread> threads = new ArrayList<>();
            if (n > 0) {
                outbox.useClock(java.time.Clock.systemUTC());
            }
            for (int i = 0; i < n; i++) {
                Thread t = new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            if (outbox.sendDue() == 0) {
                                Thread.sleep(200);
                            }
                        } catch (InterruptedException e) {
                            return;
                        } catch (RuntimeException e) {
                            System.out.println("LIVED background sender: " + e);
                        }
                    }
                }, "lived-mail-" + i);
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
            return threads;
        }

        void run(int years) {
            long t0 = System.nanoTime();
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            List<Thread> senders = backgroundSenders(stop);
            phase("reference data and staff", this::referenceData);
            phase("citizen accounts (" + scaled(5000) + ")", () -> citizenAccounts(scaled(5000)));
            int last = lastYear();
            for (int y = last - years + 1; y <= last; y++) {
                int year = y;
                phase("cycle " + year, () -> cycle(year));
                for (int q = 1; q <= 4; q++) {
                    int quarter = q;
                    boolean lastRound = year == last && q == 4;
                    phase("round " + year + "-Q" + q, () -> round(year, quarter, lastRound));
                }
                phase("complaints " + year + " (" + scaled(5000) + ")", () -> complaints(year, scaled(5000)));
                phase("mails " + year, this::mails);
                phase("ledger sealed " + year, ledger::sealNow);
            }
            stop.set(true);
            for (Thread t : senders) {
                try {
                    t.join(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (!senders.isEmpty()) {
                outbox.useClock(pe.gob.regioncajamarca.participa.calendar.Now.clock());
                phase("mails left", this::mails);
            }
            ClockUtil.reset();
            // vacuumed as well as analysed: a server that lives has run autovacuum, and index-only scans need the
            // visibility map
            phase("VACUUM (ANALYZE)", () -> jdbc.sql("VACUUM (ANALYZE)").update());
            System.out.printf(Locale.ROOT, "LIVED %s | total %.1f s, scale %s, %d years; by phase: %s%n", label,
                    (System.nanoTime() - t0) / 1e9, scale(), years, phaseSeconds.entrySet().stream()
                            .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue())).toList());
            System.out.printf(Locale.ROOT, "LIVED %s | rows: projects %d, agent registrations %d, votes %d, "
                            + "monitoring reports %d, complaints %d, mails %d, ledger %d, historic process instances %d, "
                            + "historic activity instances %d, historic tasks %d, historic variables %d%n", label,
                    count("project"), count("agent_registration"), count("vote"), count("monitoring_report"),
                    count("complaint"), count("mail_outbox"), count("ledger_entry"), count("ACT_HI_PROCINST"),
                    count("ACT_HI_ACTINST"), count("ACT_HI_TASKINST"), count("ACT_HI_VARINST"));
        }

        long count(String table) {
            try {
                return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
            } catch (RuntimeException e) {
                return -1;
            }
        }

        void referenceData() {
            jdbc.sql("SELECT p.scope, d.ubigeo, p.code FROM district d JOIN province p ON p.code = d.province_code "
                            + "WHERE d.province_code LIKE '06%' ORDER BY d.ubigeo")
                    .query((rs, i) -> {
                        provinceOfScope.putIfAbsent(rs.getString(1), rs.getString(3));
                        return districtsByScope.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(rs.getString(2));
                    }).list();
            units = jdbc.sql("SELECT code FROM executing_unit ORDER BY code").query(String.class).list();
            var identity = engine.getIdentityService();
            if (identity.createUserQuery().userId(STAFF_MANAGER).count() == 0) {
                var u = identity.newUser(STAFF_MANAGER);
                u.setFirstName("Gerencia");
                u.setLastName("Regional");
                u.setEmail(STAFF_MANAGER + "@example.pe");
                u.setPassword(STAFF_PASSWORD);
                identity.saveUser(u);
                identity.createMembership(STAFF_MANAGER, "regional-management");
            }
        }

        void citizenAccounts(int n) {
            List<Long> ids = parallel(n, 4, i -> {
                String dni = String.format("%08d", 70_000_000 + i);
                citizens.create("DNI", dni, "clave-agente-" + i, "agente" + dni + "@example.pe", "Agente", "Número",
                        String.valueOf(i));
            });
            citizenIds.addAll(jdbc.sql("SELECT id FROM citizen_account WHERE document_number BETWEEN '70000000' "
                    + "AND '79999999' ORDER BY document_number").query(Long.class).list());
        }

        static LocalDate startOf(int year) {
            return LocalDate.of(year, 3, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        }

        static void clockAt(LocalDate day) {
            ClockUtil.setCurrentTime(Date.from(day.atTime(12, 0).atZone(DueDates.LIMA).toInstant()));
        }

        void executeDueJobs(String pid) {
            pe.gob.regioncajamarca.participa.testsupport.ProcessTest.executeDueJobs(management, pid);
        }

        Task taskOf(String pid, String key) {
            return tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).singleResult();
        }

        /** Runs {@code work(i)} for i in [0, n) on {@code threads} threads, retrying an optimistic-locking loss. */
        List<Long> parallel(int n, int threads, IntConsumer work) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    int k = i;
                    futures.add(pool.submit(() -> {
                        for (int attempt = 0; ; attempt++) {
                            try {
                                work.accept(k);
                                return null;
                            } catch (OptimisticLockingException e) {
                                if (attempt > 5) {
                                    throw e;
                                }
                            }
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                pool.shutdown();
            }
            return List.of();
        }

        record Planned(String cui, String scope, BigDecimal cost, List<String> districts, int technical) {
        }

        void cycle(int year) {
            int projects = scaled(2000);
            int agents = Math.min(citizenIds.size(), scaled(5000));
            int votesPerAgent = 20;
            LocalDate start = startOf(year);
            List<String> scopes = List.copyOf(Scopes.ALL);
            List<String> all = districtsByScope.values().stream().flatMap(List::stream).toList();
            List<Planned> plan = new ArrayList<>();
            Map<String, BigDecimal> totals = new LinkedHashMap<>();
            scopes.forEach(s -> totals.put(s, BigDecimal.ZERO));
            for (int i = 0; i < projects; i++) {
                String scope = scopes.get(i % scopes.size());
                List<String> districts = new ArrayList<>();
                BigDecimal cost;
                if (Scopes.MULTIPROVINCIAL.equals(scope)) {
                    cost = BigDecimal.valueOf(2_000_000L + random.nextInt(40) * 250_000L);
                    List<String> one = districtsByScope.get(scopes.get(random.nextInt(13)));
                    districts.add(one.get(0));
                    districts.add(one.get(1));
                    districts.add(all.get(random.nextInt(all.size())));
                } else {
                    cost = BigDecimal.valueOf(100_000L + random.nextInt(40) * 50_000L);
                    List<String> own = districtsByScope.get(scope);
                    districts.add(own.get(random.nextInt(own.size())));
                }
                plan.add(new Planned(String.valueOf(3_000_000 + (year - 2000) * 10_000 + i), scope, cost,
                        districts.stream().distinct().toList(), 40 + 5 * random.nextInt(13)));
                totals.merge(scope, cost, BigDecimal::add);
            }
            Map<String, BigDecimal> envelopes = new LinkedHashMap<>();
            totals.forEach((s, t) -> envelopes.put(s, t.divide(BigDecimal.valueOf(2), 0, RoundingMode.DOWN)
                    .max(BigDecimal.valueOf(100_000))));
            BigDecimal envelope = envelopes.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);

            clockAt(start);
            String pid = starter.start(new OpenCycleCommand(year, envelope, votesPerAgent, envelopes,
                    CloseWork.calendar(start)));
            clockAt(start.plusDays(7));
            executeDueJobs(pid);
            StringBuilder pmi = new StringBuilder("cui;nombre;ambito;distritos;costo;funcion;unidad_ejecutora\n");
            for (Planned p : plan) {
                pmi.append(p.cui()).append(";Mejoramiento del servicio ").append(p.cui()).append(";").append(p.scope())
                        .append(";").append(String.join(" ", p.districts())).append(";")
                        .append(p.cost().toPlainString()).append(";Transporte;")
                        .append(units.get(Integer.parseInt(p.cui()) % units.size())).append("\n");
            }
            tasks.complete(taskOf(pid, "Task_LoadInvestmentProgramme").getId(), Map.of("programa",
                    Variables.fileValue("pmi.csv").file(pmi.toString().getBytes(StandardCharsets.UTF_8))
                            .mimeType("text/csv").encoding("UTF-8").create()));

            // the agents register on the portal and the planning office approves each (agent-accreditation)
            List<String> provinces = new ArrayList<>(provinceOfScope.values());
            provinces.remove(null);
            provinces.sort(null);
            Map<String, String> firstDistrict = new HashMap<>();
            provinceOfScope.forEach((s, p) -> firstDistrict.put(p, districtsByScope.get(s).get(0)));
            List<String> documents = new ArrayList<>();
            for (int a = 0; a < agents; a++) {
                documents.add(String.format("%08d", 70_000_000 + a));
            }
            long accreditationStart = System.nanoTime();
            parallel(agents, 4, a -> {
                String province = provinces.get(a % provinces.size());
                var r = accreditation.register(new AgentApplication(year, citizenIds.get(a), "9" + documents.get(a),
                        a % 2 == 0 ? "F" : "M", LocalDate.of(1970 + a % 30, 1 + a % 12, 1 + a % 28), "Superior",
                        null, "Organización de base " + (a % 300), province, firstDistrict.get(province)));
                Task review = tasks.createTaskQuery().processInstanceId(r.processInstanceId()).singleResult();
                tasks.complete(review.getId(), Map.of("decision", "aprobar"));
                executeDueJobs(r.processInstanceId());
            });
            part("cycle " + year + ": " + agents + " agents accredited", accreditationStart);

            clockAt(start.plusDays(14));
            executeDueJobs(pid);
            clockAt(start.plusDays(35));
            executeDueJobs(pid);
            for (Task t : tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_EvaluateProjects")
                    .list()) {
                String scope = (String) tasks.getVariable(t.getId(), "ambito");
                StringBuilder matrix = new StringBuilder("cui;puntaje;comentario\n");
                plan.stream().filter(p -> p.scope().equals(scope)).forEach(p -> matrix.append(p.cui()).append(";")
                        .append(p.technical()).append(";Evaluado\n"));
                tasks.complete(t.getId(), Map.of("matrizEvaluacion", Variables.fileValue("matriz.csv")
                        .file(matrix.toString().getBytes(StandardCharsets.UTF_8)).mimeType("text/csv")
                        .encoding("UTF-8").create()));
            }

            clockAt(start.plusDays(56));
            executeDueJobs(pid);
            List<Long> ids = jdbc.sql("SELECT id FROM project WHERE cycle_year = ? ORDER BY cui").param(year)
                    .query(Long.class).list();
            long votesStart = System.nanoTime();
            parallel(agents, Integer.getInteger("lived.vote-threads", 8), a -> {
                Random r = new Random(year * 100_003L + a);
                Set<Long> chosen = new java.util.HashSet<>();
                while (chosen.size() < Math.min(votesPerAgent, ids.size())) {
                    chosen.add(ids.get(Math.min(ids.size() - 1, (int) Math.abs(r.nextGaussian() * ids.size() / 3))));
                }
                for (Long id : chosen) {
                    voting.cast(year, documents.get(a), id);
                }
            });
            part("cycle " + year + ": " + agents * votesPerAgent + " votes", votesStart);

            clockAt(start.plusDays(63));
            executeDueJobs(pid);
            tasks.complete(taskOf(pid, "Task_ReviewPrioritisation").getId(), Map.of("matrizRevisada", true));
            tasks.complete(taskOf(pid, "Task_ApproveResults").getId(), Map.of("resultadosAprobados", "si"));
            List<Long> committee = jdbc.sql("SELECT id FROM agent_registration WHERE cycle_year = ? ORDER BY id "
                    + "FETCH FIRST 5 ROWS ONLY").param(year).query(Long.class).list();
            List<String> roles = List.of("PRESIDENTE", "SECRETARIO", "MIEMBRO", "MIEMBRO", "MIEMBRO");
            List<CommitteeElection.Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < Math.min(5, committee.size()); i++) {
                candidates.add(new CommitteeElection.Candidate(committee.get(i), roles.get(i), agents * (5 - i) / 10,
                        Set.of(scopes.get(i))));
            }
            elections.record(year, new CommitteeElection.Assembly(start.plusDays(63), "Coliseo de Cajamarca",
                    agents, null), candidates, "planner");
            tasks.complete(taskOf(pid, "Task_ElectCommittee").getId());
            executeDueJobs(pid);
            if (runtime().createProcessInstanceQuery().processInstanceId(pid).count() > 0) {
                throw new IllegalStateException("El ciclo " + year + " no terminó: "
                        + tasks.createTaskQuery().processInstanceId(pid).list());
            }
        }

        org.camunda.bpm.engine.RuntimeService runtime() {
            return engine.getRuntimeService();
        }

        /** A round of quarter {@code year-Qq}, opened after the quarter; its projects complete in their 4th report. */
        void round(int year, int q, boolean leaveOpen) {
            LocalDate opens = q == 4 ? LocalDate.of(year + 1, 1, 5) : q == 1 ? LocalDate.of(year, 6, 2)
                    : LocalDate.of(year, 3 * q + 1, 2);
            clockAt(opens);
            String pid = rounds.startByHand(year + "-Q" + q);
            executeDueJobs(pid);
            if (leaveOpen) {
                return;
            }
            // each report is its own process instance: the units file them at once, as they do on the last days
            List<Task> open = MonitoringRounds.reportTasks(tasks, pid).list();
            Map<String, BigDecimal> costOf = new HashMap<>();
            jdbc.sql("SELECT cycle_year, cui, cost FROM project WHERE monitored_since IS NOT NULL")
                    .query((rs, i) -> costOf.put(rs.getInt(1) + "/" + rs.getString(2), rs.getBigDecimal(3))).list();
            parallel(open.size(), Integer.getInteger("lived.report-threads", 4), k -> {
                Task t = open.get(k);
                // set on the task's execution by the report's start (Seguimiento), not on the task: read through the
                // task's scope
                Map<String, Object> local = tasks.getVariables(t.getId(), List.of("avanceAnterior", "cui",
                        "anioCiclo"));
                Object before = local.get("avanceAnterior");
                int progress = Math.min(100, (before == null ? 0 : new BigDecimal(String.valueOf(before)).intValue()) + 25);
                BigDecimal cost = costOf.getOrDefault(local.get("anioCiclo") + "/" + local.get("cui"),
                        new BigDecimal("100000"));
                BigDecimal pim = cost.multiply(new BigDecimal("0.40")).setScale(2, RoundingMode.HALF_UP);
                BigDecimal accrued = cost.multiply(BigDecimal.valueOf(progress * 90L)).divide(BigDecimal.valueOf(10_000),
                        2, RoundingMode.DOWN);
                BigDecimal thisYear = pim.multiply(BigDecimal.valueOf(progress * 90L)).divide(
                        BigDecimal.valueOf(10_000), 2, RoundingMode.DOWN);
                Map<String, Object> done = new HashMap<>();
                done.put("pim", pim);
                done.put("avanceFisico", progress);
                done.put("ejecucionFinanciera", accrued);
                done.put("devengadoAnio", thisYear);
                done.put("estadoEjecucion", progress >= 100 ? "CONCLUIDO" : "EN_EJECUCION");
                tasks.complete(t.getId(), done);
            });
            // each filed report tells the round in its own job ("Avance entregado a la ronda"): run as the job
            // executor's threads run them
            Set<String> reports = pe.gob.regioncajamarca.participa.testsupport.ProcessTest.reportInstances(runtime(),
                    pid);
            List<Job> told = reports.isEmpty() ? List.of()
                    : management.createJobQuery().messages().processInstanceIds(reports).list();
            parallel(told.size(), Integer.getInteger("lived.report-threads", 4),
                    k -> management.executeJob(told.get(k).getId()));
            clockAt(opens.plusDays(30));
            executeDueJobs(pid);
            Task consolidate = taskOf(pid, "Task_ConsolidateReport");
            if (consolidate != null) {
                tasks.complete(consolidate.getId(), Map.of("conclusiones", "Informe del trimestre " + year + "-Q" + q
                        + ": las unidades reportaron sus proyectos."));
            }
            executeDueJobs(pid);
        }

        static final String[] KINDS = {"RECLAMO", "CONSULTA", "ACCESO_INFORMACION"};

        void complaints(int year, int n) {
            // spread over the year: 24 days, one at a time (the engine clock is the JVM's), each day's on 4 threads
            int days = Math.min(n, 24);
            for (int d = 0; d < days; d++) {
                int from = d * n / days;
                int to = (d + 1) * n / days;
                clockAt(LocalDate.of(year, 1, 2).plusDays(d * 360L / days));
                parallel(to - from, Integer.getInteger("lived.complaint-threads", 8), k -> complaint(year, from + k));
            }
        }

        void complaint(int year, int i) {
            String code = complaints.submit(new ComplaintService.Submission(KINDS[i % KINDS.length],
                    "Consulta sobre la obra " + (i % 500), "Solicito información sobre el avance de la obra de mi "
                    + "comunidad y la fecha en que se reanudan los trabajos.", null, false, "Vecino " + i + " Huamán",
                    null, "vecino" + year + "-" + i + "@example.pe", null), null);
            String pid = runtime().createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult()
                    .getId();
            tasks.complete(taskOf(pid, "Task_Triage").getId(), Map.of("grupoResponsable", "unit-sede-central"));
            tasks.complete(taskOf(pid, "Task_Answer").getId(),
                    Map.of("respuesta", "La obra se reanuda el próximo mes; el expediente está disponible."));
        }

        void mails() {
            ClockUtil.reset();
            long t0 = System.nanoTime();
            // OutboxSender claims each batch before sending it: several senders at once send each mail once
            int senders = Integer.getInteger("lived.mail-senders", 4);
            parallel(senders, senders, k -> {
                while (outbox.sendDue() > 0) {
                    // until nothing is due
                }
            });
            long n = drainMails.getAsLong();
            received += n;
            part(n + " mails received, " + senders + " senders", t0);
        }
    }
}
