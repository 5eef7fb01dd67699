package pe.gob.regioncajamarca.participa.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pe.gob.regioncajamarca.participa.calendar.DueDates;

/**
 * Base of the process tests: the real engine of the application context, camunda-bpm-assert bound to it,
 * the engine clock reset after each test, and helpers to run due jobs and to create reference data that
 * does not depend on the demo data (its own province, district and executing unit).
 */
@ParticipaIntegrationTest
public abstract class ProcessTest {

    public static final String TEST_PROVINCE = "0699";
    public static final String TEST_DISTRICT = "069901";
    public static final String TEST_UNIT = "unidad-prueba";
    public static final String TEST_UNIT_GROUP = "unit-unidad-prueba";
    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 100000));

    @Autowired protected ProcessEngine engine;
    @Autowired protected RuntimeService runtime;
    @Autowired protected TaskService tasks;
    @Autowired protected ManagementService management;
    @Autowired protected JdbcClient jdbc;
    @Autowired protected DueDates plazos;
    @Autowired protected pe.gob.regioncajamarca.participa.cycle.CycleService cycleService;

    @BeforeEach
    void bindAssertions() {
        AbstractAssertions.init(engine);
        ensureReferenceData();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static final AtomicInteger YEARS = new AtomicInteger(2000);

    /**
     * A cycle year no other test of this run uses: 2001 to 2089 (cycles are 2000-2100; OpenDataIT takes 2091-2099
     * and the portal tests' current cycle is 2100).
     */
    protected static int freeYear() {
        int year = YEARS.incrementAndGet();
        if (year > 2089) {
            year = year - 2090 + 1980; // then 1980-1998 (1999 is the tests' cycle that does not exist)
        }
        if (year > 1998 && year < 2001) {
            throw new IllegalStateException("No quedan años libres para ciclos de prueba (2001-2089, 1980-1998)");
        }
        return year;
    }

    protected static int unique() {
        return SEQ.incrementAndGet();
    }

    /** Moves the engine clock to noon (Lima) of a day. */
    protected void clockAt(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(12, 0).atZone(DueDates.LIMA).toInstant()));
    }

    protected void clockAt(Date instant) {
        ClockUtil.setCurrentTime(instant);
    }

    /** Executes every job of the instance that is due at the engine clock; returns how many ran. */
    protected int executeDueJobs(String processInstanceId) {
        return executeDueJobs(engine, processInstanceId);
    }

    /**
     * The due jobs of a process instance and of the instances it started: a monitoring round's reports
     * (quarterly-progress-report, each with its reminder and deadline), until none is due.
     */
    public static int executeDueJobs(ProcessEngine engine, String processInstanceId) {
        int n = 0;
        for (int pass = 0; pass < 5; pass++) {
            int done = executeDueJobs(engine.getManagementService(), processInstanceId);
            java.util.Set<String> reports = reportInstances(engine.getRuntimeService(), processInstanceId);
            if (!reports.isEmpty()) {
                done += executeDueJobs(engine.getManagementService(), reports);
            }
            n += done;
            if (done == 0) {
                break;
            }
        }
        return n;
    }

    /** The running report instances ({@code quarterly-progress-report}) that a round started: their ids. */
    public static java.util.Set<String> reportInstances(RuntimeService runtime, String roundId) {
        return runtime.createProcessInstanceQuery().variableValueEquals(
                        pe.gob.regioncajamarca.participa.monitoring.MonitoringRoundVariables.RONDA, roundId).list()
                .stream().map(ProcessInstance::getId).collect(java.util.stream.Collectors.toSet());
    }

    /** The same with the engine's {@code management} service (for code outside a test class, e.g. benchmarks). */
    public static int executeDueJobs(ManagementService management, String processInstanceId) {
        return executeDueJobs(management, java.util.Set.of(processInstanceId));
    }

    private static int executeDueJobs(ManagementService management, java.util.Set<String> processInstanceIds) {
        int n = 0;
        // up to 100 passes: a round's batches of reports (PedirReportes) are jobs that follow one another
        for (int round = 0; round < 100; round++) {
            List<Job> due = management.createJobQuery().processInstanceIds(processInstanceIds).executable().list();
            if (due.isEmpty()) {
                return n;
            }
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                    n++;
                } catch (org.camunda.bpm.engine.ProcessEngineException e) {
                    // a job deleted by an earlier one of the same batch (e.g. a boundary timer of a cancelled
                    // activity): the job executor skips those too
                    if (!String.valueOf(e.getMessage()).contains("ENGINE-14026")) {
                        throw e;
                    }
                }
            }
        }
        return n;
    }

    /**
     * The "Reportar avance trimestral" tasks of a monitoring round: each in its report's own instance of
     * quarterly-progress-report, started by the round.
     */
    protected org.camunda.bpm.engine.task.TaskQuery reportTasks(String roundId) {
        return pe.gob.regioncajamarca.participa.monitoring.MonitoringRounds.reportTasks(tasks, roundId);
    }

    protected Task taskOf(String processInstanceId, String taskKey) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
    }

    protected List<String> candidateGroupsOf(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
                .map(IdentityLink::getGroupId).toList();
    }

    /** The deadline escalation of a task: moves the clock past its due date and fires the boundary timer. */
    protected void passDeadlineOf(Task task) {
        assertThat(task.getDueDate()).as("due date of " + task.getName()).isNotNull();
        clockAt(new Date(task.getDueDate().getTime() + 60_000));
        assertThat(executeDueJobs(task.getProcessInstanceId())).as("jobs run after the deadline").isPositive();
    }

    protected int escalationsOf(String processInstanceId) {
        return jdbc.sql("SELECT COUNT(*) FROM task_escalation WHERE process_instance_id = ?")
                .param(processInstanceId).query(Integer.class).single();
    }

    protected List<String> mailsTo(String recipient) {
        return jdbc.sql("SELECT subject FROM mail_outbox WHERE recipient = ? ORDER BY id").param(recipient)
                .query(String.class).list();
    }

    /** Opens the cycle of {@code year} (phase CONVOCATORIA) with S/ 1,000,000 per scope, S/ 14,000,000 in all. */
    protected void openCycle(int year, int votesPerAgent) {
        java.util.Map<String, java.math.BigDecimal> split = new java.util.HashMap<>();
        pe.gob.regioncajamarca.participa.projects.Scopes.ALL.forEach(s -> split.put(s, new java.math.BigDecimal("1000000")));
        cycleService.open(new pe.gob.regioncajamarca.participa.cycle.OpenCycleCommand(year,
                new java.math.BigDecimal("14000000"), votesPerAgent, split, List.of()), null);
    }

    private static final AtomicInteger QUARTERS = new AtomicInteger();

    /**
     * A quarter for a round no other test of this run uses (2150-Q1 onwards; other tests keep 2060-2099): the quarter
     * the round reports (monitoring.Quarter). {@code MonitoringRounds.startByHand(freeQuarter())} names it as a planner
     * does; the round the timer opens on a day reports {@code Quarter.reportedBy(day)} (MonitoringMoneyIT keeps
     * 2461-2463 for those).
     */
    protected static String freeQuarter() {
        int n = QUARTERS.getAndIncrement();
        return (2150 + n / 4) + "-Q" + (n % 4 + 1);
    }

    private static int sharedFormalisedYear;

    /**
     * One formalised cycle shared by the tests that only attach projects or ideas of their own to it (each with its
     * own CUIs and codes): the free years are few (a hundred for the whole run).
     */
    protected int sharedFormalisedCycle() {
        synchronized (ProcessTest.class) {
            if (sharedFormalisedYear == 0) {
                int year = freeYear();
                formalisedCycle(year);
                sharedFormalisedYear = year;
            }
            return sharedFormalisedYear;
        }
    }

    /**
     * A prioritised project of {@code year} in execution and in monitoring since today, in the scope CAJAMARCA,
     * executed by the test unit ({@link #TEST_UNIT}): what a quarterly round opens a report for.
     */
    protected void prioritisedProject(int year, String cui, String name, long cost, String sector) {
        jdbc.sql("""
                INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, prioritized,
                                     execution_status, monitored_since)
                VALUES (?, ?, ?, 'CAJAMARCA', ?, ?, ?, TRUE, 'EN_EJECUCION', CURRENT_DATE)""")
                .params(year, cui, name, cost, sector, TEST_UNIT).update();
    }

    /** Stores a formalised cycle of {@code year} with S/ 1,000,000 per scope (projects may then be attached). */
    protected void formalisedCycle(int year) {
        java.util.Map<String, java.math.BigDecimal> split = new java.util.HashMap<>();
        pe.gob.regioncajamarca.participa.projects.Scopes.ALL.forEach(s -> split.put(s, new java.math.BigDecimal("1000000")));
        cycleService.importFormalised(new pe.gob.regioncajamarca.participa.cycle.OpenCycleCommand(year,
                new java.math.BigDecimal("1000000").multiply(java.math.BigDecimal.valueOf(split.size())), 5, split,
                List.of()));
    }

    /** A citizen account of its own (document number unique per test). */
    protected long citizen(String email) {
        String document = String.format("7%07d", unique());
        jdbc.sql("""
                INSERT INTO citizen_account (document_type, document_number, password_hash, email, given_names,
                    first_surname, second_surname, enabled, created_at)
                VALUES ('DNI', ?, '{noop}x', ?, 'Rosa', 'Huamán', 'Cotrina', TRUE, ?)""")
                .params(document, email, Timestamp.from(Instant.now())).update();
        return jdbc.sql("SELECT id FROM citizen_account WHERE document_number = ?").param(document)
                .query(Long.class).single();
    }

    /** An agent registration of {@code year} with the given status (a citizen of its own); returns its id. */
    protected long agentOf(int year, String status, String organization) {
        String email = "agente" + unique() + "@example.pe";
        long citizen = citizen(email);
        String document = jdbc.sql("SELECT document_number FROM citizen_account WHERE id = ?").param(citizen)
                .query(String.class).single();
        jdbc.sql("""
                INSERT INTO agent_registration (cycle_year, citizen_id, document_number, mobile_phone, sex, birth_date,
                    education_level, organization, province_code, district_ubigeo, consent_at, status, created_at)
                VALUES (?, ?, ?, '987654321', 'F', DATE '1980-01-01', 'Secundaria', ?, ?, ?, ?, ?, ?)""")
                .params(year, citizen, document, organization, TEST_PROVINCE, TEST_DISTRICT,
                        Timestamp.from(Instant.now()), status, Timestamp.from(Instant.now())).update();
        return jdbc.sql("SELECT id FROM agent_registration WHERE cycle_year = ? AND citizen_id = ?")
                .params(year, citizen).query(Long.class).single();
    }

    /** A staff user of its own in {@code group}; the password is {@code "secreto-" + id}. */
    protected String staffUser(String group) {
        String id = "t" + unique() + "." + group;
        org.camunda.bpm.engine.IdentityService identity = engine.getIdentityService();
        org.camunda.bpm.engine.identity.User u = identity.newUser(id);
        u.setFirstName("Prueba");
        u.setLastName(group);
        u.setEmail(id + "@example.pe");
        u.setPassword("secreto-" + id);
        identity.saveUser(u);
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            org.camunda.bpm.engine.identity.Group g = identity.newGroup(group);
            g.setName(group);
            g.setType("WORKFLOW");
            identity.saveGroup(g);
        }
        identity.createMembership(id, group);
        return id;
    }

    private void ensureReferenceData() {
        if (jdbc.sql("SELECT COUNT(*) FROM province WHERE code = ?").param(TEST_PROVINCE).query(Integer.class)
                .single() == 0) {
            jdbc.sql("INSERT INTO province (code, name, scope) VALUES (?, 'Provincia de prueba', 'PRUEBA')")
                    .param(TEST_PROVINCE).update();
            jdbc.sql("INSERT INTO district (ubigeo, province_code, name) VALUES (?, ?, 'Distrito de prueba')")
                    .params(TEST_DISTRICT, TEST_PROVINCE).update();
        }
        if (jdbc.sql("SELECT COUNT(*) FROM executing_unit WHERE code = ?").param(TEST_UNIT).query(Integer.class)
                .single() == 0) {
            jdbc.sql("INSERT INTO executing_unit (code, name, group_id) VALUES (?, 'Unidad de prueba', ?)")
                    .params(TEST_UNIT, TEST_UNIT_GROUP).update();
        }
    }

    protected static LocalDateTime noon(LocalDate d) {
        return d.atTime(12, 0);
    }
}
