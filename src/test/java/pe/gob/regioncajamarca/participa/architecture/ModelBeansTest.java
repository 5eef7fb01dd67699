package pe.gob.regioncajamarca.participa.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The glue of each process lives in the module that owns the process (docs/adr/0015-one-glue-style.md). Every
 * expression of every model in {@code processes/} (conditions, timers, due dates, collections, expressions, delegate
 * expressions, listeners) is read; each name it starts from is either a Spring bean of the main sources
 * ({@code @Component("name")}, {@code @Service("name")}, {@code @Named("name")}, {@code @Bean("name")}), or a
 * variable the process declares (a field of one of its forms, an input/output parameter, a multi-instance element,
 * a result variable, or a constant of the owner module's {@code *Variables} classes). A name that is neither fails,
 * and so does a bean that belongs neither to the owner module nor to {@link #SHARED}.
 */
class ModelBeansTest {

    private static final String ROOT = "pe.gob.regioncajamarca.participa.";
    private static final Path SOURCES = Path.of("src/main/java/pe/gob/regioncajamarca/participa");

    /** The module that owns each process: the one place where ownership is declared. */
    static final Map<String, String> OWNER = Map.of(
            "participatory-budget-cycle", "cycle",
            "agent-accreditation", "accreditation",
            "project-idea-review", "ideas",
            "quarterly-monitoring-round", "monitoring",
            "quarterly-progress-report", "monitoring",
            "training-programme", "training",
            "complaint-handling", "complaints",
            "wrongdoing-report", "complaints",
            "oversight-report", "oversight",
            "mail-delivery", "notification");

    /** Beans every model may call: deadlines, escalation and reminders of user tasks. */
    static final Set<String> SHARED = Set.of("plazos", "escalacion", "recordarTarea");

    /** Names an expression may use without declaring them: the engine's own and EL's. */
    private static final Set<String> BUILT_IN = Set.of("execution", "task", "true", "false", "null", "empty", "not",
            "and", "or", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern ROOT_NAME = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|&quot;.*?&quot;|&apos;.*?&apos;");
    private static final Pattern BEAN = Pattern.compile("@(?:Component|Service|Named|Bean)\\(\\s*\"(\\w+)\"\\s*\\)");
    private static final Pattern CONSTANT = Pattern.compile("static final String \\w+ = \"(\\w+)\"");
    private static final Pattern PROCESS = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");

    @Test
    void everyModelCallsOnlyBeansOfItsOwnerOrShared() throws IOException {
        Map<String, String> beans = beansAndModules();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path model : models()) {
            String xml = Files.readString(model);
            Matcher process = PROCESS.matcher(xml);
            String key = process.find() ? process.group(1) : null;
            String owner = key == null ? null : OWNER.get(key);
            if (key != null && owner == null) {
                problems.add(model.getFileName() + ": process " + key + " has no owner module in ModelBeansTest.OWNER");
                continue;
            }
            Set<String> variables = key == null ? Set.of() : declaredVariables(xml, owner);
            for (String name : rootNames(xml)) {
                checked++;
                String module = beans.get(name);
                if (module == null) {
                    if (!variables.contains(name) && !BUILT_IN.contains(name)) {
                        problems.add(model.getFileName() + ": '" + name + "' is neither a bean nor a variable that "
                                + key + " declares (forms, model, " + owner + "'s *Variables)");
                    }
                } else if (key == null) {
                    problems.add(model.getFileName() + ": the decision calls bean '" + name + "' of module " + module);
                } else if (!module.equals(owner) && !SHARED.contains(name)) {
                    problems.add(model.getFileName() + ": " + key + " (owned by " + owner + ") calls bean '" + name
                            + "' of module " + module + "; its glue belongs in " + owner
                            + " (or declare the bean shared)");
                }
            }
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(problems).as("beans called by the models").isEmpty();
    }

    @Test
    void sharedBeansExist() throws IOException {
        assertThat(beansAndModules()).containsKeys(SHARED.toArray(String[]::new));
    }

    /** Every name an expression of the model starts from (not a property or method after a dot, not a literal). */
    static Set<String> rootNames(String xml) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = EXPRESSION.matcher(xml);
        while (m.find()) {
            Matcher n = ROOT_NAME.matcher(QUOTED.matcher(m.group(1)).replaceAll("''"));
            while (n.find()) {
                if (!Character.isDigit(n.group(1).charAt(0))) {
                    names.add(n.group(1));
                }
            }
        }
        return names;
    }

    /** Bean name → module (the direct sub-package of the application it is declared in). */
    static Map<String, String> beansAndModules() throws IOException {
        Map<String, String> beans = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher pkg = Pattern.compile("package ([\\w.]+);").matcher(source);
                if (!pkg.find() || !pkg.group(1).startsWith(ROOT)) {
                    continue;
                }
                String module = pkg.group(1).substring(ROOT.length()).split("\\.")[0];
                Matcher b = BEAN.matcher(source);
                while (b.find()) {
                    String previous = beans.put(b.group(1), module);
                    assertThat(previous == null || previous.equals(module))
                            .as("bean " + b.group(1) + " declared in " + previous + " and " + module).isTrue();
                }
            }
        }
        return beans;
    }

    /** The variables a process declares: its forms' fields, its model's parameters, its owner's *Variables. */
    static Set<String> declaredVariables(String xml, String owner) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        Matcher attr = Pattern.compile("camunda:(?:elementVariable|resultVariable|collection|variable)=\"(\\w+)\""
                + "|<camunda:(?:inputParameter|outputParameter|formField) (?:id|name)=\"(\\w+)\"").matcher(xml);
        while (attr.find()) {
            names.add(attr.group(1) != null ? attr.group(1) : attr.group(2));
        }
        Matcher formRef = Pattern.compile("camunda:formRef=\"([\\w-]+)\"").matcher(xml);
        while (formRef.find()) {
            Path form = Path.of("forms", formRef.group(1) + ".form");
            if (Files.exists(form)) {
                Matcher key = Pattern.compile("\"key\"\\s*:\\s*\"(\\w+)\"").matcher(Files.readString(form));
                while (key.find()) {
                    names.add(key.group(1));
                }
            }
        }
        Matcher embedded = Pattern.compile("camunda:formKey=\"embedded:(?:app:|/)?forms/([\\w-]+\\.html)\"").matcher(xml);
        while (embedded.find()) {
            Path form = Path.of("src/main/resources/static/forms", embedded.group(1));
            if (Files.exists(form)) {
                Matcher field = Pattern.compile("cam-variable-name=\"(\\w+)\"").matcher(Files.readString(form));
                while (field.find()) {
                    names.add(field.group(1));
                }
            }
        }
        try (Stream<Path> files = Files.list(SOURCES.resolve(owner))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Variables.java")).toList()) {
                Matcher c = CONSTANT.matcher(Files.readString(file));
                while (c.find()) {
                    names.add(c.group(1));
                }
            }
        }
        return names;
    }

    static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn")).sorted().toList();
        }
    }
}
