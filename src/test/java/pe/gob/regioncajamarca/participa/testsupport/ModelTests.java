package pe.gob.regioncajamarca.participa.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.mockito.invocation.InvocationOnMock;
import org.mockito.stubbing.Answer;

/**
 * Support of the model tests ({@code *ModelTest}): one BPMN or DMN model of {@code processes/} run on a bare
 * in-memory engine (H2, history full, job executor off, no Spring), with every bean the model calls mocked under the
 * name the model uses.
 *
 * <ul>
 *   <li>{@link #extension()}: the {@link ProcessEngineExtension} of the one engine shared by every model test of the
 *       JVM (built once; the extension deletes the test's deployment and resets the engine clock after each test).</li>
 *   <li>{@link #deploy}: a model plus the forms ({@code camunda:formRef}) and decisions ({@code camunda:decisionRef})
 *       it references, in one deployment as the application deploys them.</li>
 *   <li>{@link Beans}: the mocked beans ({@code Mocks.register}), each call recorded with where it happened, the
 *       variables it saw and, for a deadline timer, its {@code escalarA}; the bean {@code plazos} is always there and
 *       returns due dates the test can compute ({@link #businessDays}).</li>
 *   <li>clock and jobs: {@link #clockAt}, {@link #timer}, {@link #fire}, {@link #runJob}.</li>
 * </ul>
 */
public final class ModelTests {

    public static final ZoneId LIMA = ZoneId.of("America/Lima");
    /** The instant every model test starts at unless it says otherwise: Monday 2 March 2026, 09:00 in Lima. */
    public static final LocalDateTime START = LocalDateTime.of(2026, 3, 2, 9, 0);

    private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");
    private static final Pattern DECISION_REF = Pattern.compile("camunda:decisionRef=\"([^\"]+)\"");
    private static ProcessEngine engine;

    private ModelTests() {
    }

    /** The bare engine of the model tests: in-memory H2, history full, no job executor, mocks resolvable by name. */
    public static synchronized ProcessEngine engine() {
        if (engine == null) {
            StandaloneInMemProcessEngineConfiguration cfg = new StandaloneInMemProcessEngineConfiguration();
            cfg.setProcessEngineName("model-tests");
            cfg.setJdbcUrl("jdbc:h2:mem:model-tests;DB_CLOSE_DELAY=-1");
            cfg.setDatabaseSchemaUpdate("create-drop");
            cfg.setHistory("full");
            cfg.setJobExecutorActivate(false);
            cfg.setExpressionManager(new MockExpressionManager());
            cfg.setEnforceHistoryTimeToLive(true);
            cfg.setDbMetricsReporterActivate(false);
            engine = cfg.buildProcessEngine();
        }
        return engine;
    }

    /** The extension each model test registers (a static field annotated {@code @RegisterExtension}). */
    public static ProcessEngineExtension extension() {
        return ProcessEngineExtension.builder().useProcessEngine(engine()).build();
    }

    /**
     * Deploys {@code processes/<file>} with the forms and decisions it references; the extension deletes the
     * deployment (and its instances) after the test. Binds camunda-bpm-assert to the engine.
     */
    public static Deployment deploy(ProcessEngineExtension extension, String file) {
        ProcessEngine e = extension.getProcessEngine();
        AbstractAssertions.init(e);
        String model = resource("processes/" + file);
        DeploymentBuilder builder = e.getRepositoryService().createDeployment().name("model-test " + file)
                .addString("processes/" + file, model);
        for (String form : references(FORM_REF, model)) {
            builder.addString("forms/" + form + ".form", resource("forms/" + form + ".form"));
        }
        for (String decision : references(DECISION_REF, model)) {
            builder.addString("processes/" + decision + ".dmn", resource("processes/" + decision + ".dmn"));
        }
        Deployment deployment = builder.deploy();
        extension.manageDeployment(deployment);
        return deployment;
    }

    private static Set<String> references(Pattern pattern, String model) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = pattern.matcher(model);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String resource(String path) {
        try (InputStream in = ModelTests.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No existe en el classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- clock and jobs

    public static Date at(LocalDateTime limaTime) {
        return Date.from(limaTime.atZone(LIMA).toInstant());
    }

    /** Sets the engine clock (Lima time). */
    public static void clockAt(LocalDateTime limaTime) {
        ClockUtil.setCurrentTime(at(limaTime));
    }

    public static LocalDateTime now() {
        return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), LIMA);
    }

    /** What the mocked {@code plazos.habiles(days)} answers when the clock is at {@code from}: 17:30 Lima, days later. */
    public static Date businessDays(LocalDateTime from, int days) {
        return endOfWorkday(from.toLocalDate().plusDays(days));
    }

    public static Date endOfWorkday(LocalDate day) {
        return at(day.atTime(17, 30));
    }

    /** The one timer job of the instance at the given timer event. */
    public static Job timer(ProcessInstance pi, String activityId) {
        List<Job> jobs = timers(pi, activityId);
        assertThat(jobs).as("temporizador %s", activityId).hasSize(1);
        return jobs.get(0);
    }

    /** The timer jobs of the instance at the given timer event (one per multi-instance branch), by due date. */
    public static List<Job> timers(ProcessInstance pi, String activityId) {
        List<Job> jobs = new ArrayList<>(AbstractAssertions.processEngine().getManagementService().createJobQuery()
                .processInstanceId(pi.getId()).activityId(activityId).timers().list());
        jobs.sort(Comparator.comparing(Job::getDuedate));
        return jobs;
    }

    /** Moves the engine clock to the timer's due date and executes it, as the job executor would. */
    public static void fire(Job timer) {
        if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(timer.getDuedate());
        }
        AbstractAssertions.processEngine().getManagementService().executeJob(timer.getId());
    }

    /** Fires the one timer of the instance at the given timer event. */
    public static void fire(ProcessInstance pi, String timerActivityId) {
        fire(timer(pi, timerActivityId));
    }

    /** Executes the one asynchronous continuation (savepoint) of the instance at the given activity. */
    public static void runJob(ProcessInstance pi, String activityId) {
        List<Job> jobs = AbstractAssertions.processEngine().getManagementService().createJobQuery()
                .processInstanceId(pi.getId()).activityId(activityId).messages().list();
        assertThat(jobs).as("continuación asíncrona en %s", activityId).hasSize(1);
        AbstractAssertions.processEngine().getManagementService().executeJob(jobs.get(0).getId());
    }

    // ---------------------------------------------------------------- mocked beans

    /** One call of a mocked bean: where (activity or task definition key), the variables it saw, escalarA if any. */
    public record Call(String bean, String at, Map<String, Object> variables, String escalarA) {
    }

    /** What the mocked {@code plazos} offers (the names and arities the models call; the real bean is calendar.DueDates). */
    public interface DueDatesBean {
        Date habiles(int days);

        Date recordatorio(int days, int before);

        Date antesDe(Object deadline, int before);

        Date inicioDe(Object isoDate);

        Date finDe(Object isoDate);

        String dia(Object deadline);
    }

    /**
     * The mocked beans of one test, registered under the models' names. Create it in {@code @BeforeEach}: it clears the
     * previous test's mocks and registers {@code plazos}, whose answers are calendar days on the engine clock (business
     * days are {@code calendar.BusinessCalendar}'s business, tested on their own): {@code habiles(n)} is 17:30 Lima n
     * days after today, {@code recordatorio(n, b)} n - b days after today, {@code antesDe(d, b)} b days before d,
     * {@code inicioDe}/{@code finDe} 00:00 and 23:59:59 of an ISO date.
     */
    public static final class Beans {

        private final List<Call> calls = new ArrayList<>();
        public final DueDatesBean plazos;

        public Beans() {
            Mocks.reset();
            plazos = mock(DueDatesBean.class);
            when(plazos.habiles(anyInt())).thenAnswer(a -> endOfWorkday(today().plusDays(a.<Integer>getArgument(0))));
            when(plazos.recordatorio(anyInt(), anyInt())).thenAnswer(a -> endOfWorkday(
                    today().plusDays(a.<Integer>getArgument(0) - a.<Integer>getArgument(1))));
            when(plazos.antesDe(any(), anyInt())).thenAnswer(a -> endOfWorkday(
                    day(a.getArgument(0)).minusDays(a.<Integer>getArgument(1))));
            when(plazos.inicioDe(any())).thenAnswer(a -> at(day(a.getArgument(0)).atStartOfDay()));
            when(plazos.finDe(any())).thenAnswer(a -> at(day(a.getArgument(0)).atTime(23, 59, 59)));
            when(plazos.dia(any())).thenAnswer(a -> DateTimeFormatter.ofPattern("dd/MM/yyyy").format(day(a.getArgument(0))));
            Mocks.register("plazos", plazos);
        }

        /** A service task's delegate that only records its calls. */
        public JavaDelegate delegate(String name) {
            return delegate(name, e -> { });
        }

        /** A service task's delegate that records its calls, then does {@code behaviour} (set variables, throw). */
        public JavaDelegate delegate(String name, Consumer<DelegateExecution> behaviour) {
            JavaDelegate d = mock(JavaDelegate.class, recording(name, inv -> {
                behaviour.accept(inv.getArgument(0));
                return null;
            }));
            Mocks.register(name, d);
            return d;
        }

        public TaskListener taskListener(String name) {
            return taskListener(name, t -> { });
        }

        public TaskListener taskListener(String name, Consumer<DelegateTask> behaviour) {
            TaskListener l = mock(TaskListener.class, recording(name, inv -> {
                behaviour.accept(inv.getArgument(0));
                return null;
            }));
            Mocks.register(name, l);
            return l;
        }

        public ExecutionListener executionListener(String name) {
            return executionListener(name, e -> { });
        }

        public ExecutionListener executionListener(String name, Consumer<DelegateExecution> behaviour) {
            ExecutionListener l = mock(ExecutionListener.class, recording(name, inv -> {
                behaviour.accept(inv.getArgument(0));
                return null;
            }));
            Mocks.register(name, l);
            return l;
        }

        /**
         * A bean of methods called from expressions ({@code ${bean.method(execution, ...)}}), as a mock of a test
         * interface: each call with an execution or a task is recorded (as {@code bean.method}); stub answers with
         * Mockito as usual.
         */
        public <T> T bean(String name, Class<T> type) {
            T b = mock(type, recording(name, inv -> org.mockito.Answers.RETURNS_DEFAULTS.answer(inv)));
            Mocks.register(name, b);
            return b;
        }

        /** Registers an object of the test's own under a bean name. */
        public <T> T register(String name, T bean) {
            Mocks.register(name, bean);
            return bean;
        }

        private Answer<Object> recording(String name, Answer<Object> then) {
            return inv -> {
                record(name, inv);
                return then.answer(inv);
            };
        }

        private void record(String name, InvocationOnMock inv) {
            String method = inv.getMethod().getName();
            String bean = method.equals("execute") || method.equals("notify") ? name : name + "." + method;
            for (Object arg : inv.getArguments()) {
                if (arg instanceof DelegateTask t) {
                    calls.add(new Call(bean, t.getTaskDefinitionKey(), new HashMap<>(t.getVariables()), null));
                    return;
                }
                if (arg instanceof DelegateExecution e) {
                    calls.add(new Call(bean, e.getCurrentActivityId(), new HashMap<>(e.getVariables()),
                            escalarA(e)));
                    return;
                }
            }
        }

        /** Every recorded call, in order. */
        public List<Call> calls() {
            return List.copyOf(calls);
        }

        /** The recorded calls of one bean (or {@code bean.method}). */
        public List<Call> calls(String bean) {
            return calls.stream().filter(c -> c.bean().equals(bean)).toList();
        }

        /** Where the bean was called, in order (activity ids or task definition keys). */
        public List<String> where(String bean) {
            return calls(bean).stream().map(Call::at).toList();
        }

        /** The escalations recorded by the mocked {@code escalacion}: "timer → group", in order. */
        public List<String> escalations() {
            return calls("escalacion").stream().map(c -> c.at() + " → " + c.escalarA()).toList();
        }
    }

    private static LocalDate today() {
        return ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), LIMA).toLocalDate();
    }

    private static LocalDate day(Object value) {
        if (value instanceof Date d) {
            return ZonedDateTime.ofInstant(d.toInstant(), LIMA).toLocalDate();
        }
        return LocalDate.parse(value.toString().substring(0, 10));
    }

    /** The {@code escalarA} property of the element the execution is at (a deadline timer), or null. */
    static String escalarA(DelegateExecution execution) {
        FlowElement element = execution.getBpmnModelElementInstance();
        if (element == null || element.getExtensionElements() == null) {
            return null;
        }
        return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> "escalarA".equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .findFirst().orElse(null);
    }
}
