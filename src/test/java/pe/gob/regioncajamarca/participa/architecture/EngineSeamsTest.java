package pe.gob.regioncajamarca.participa.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The engine behind few seams (docs/adr/0001): the engine's public API ({@code org.camunda.bpm.engine.*}, the
 * delegate interfaces) maps one to one onto a fork's (Operaton, CIB seven: a change of package names), but its
 * internal API ({@code ...engine.impl}) is what may change between engines or versions. Only the classes listed here,
 * each with its reason, may use it; a new use must be added here, deliberately.
 */
class EngineSeamsTest {

    private static final Path MAIN = Path.of("src/main/java/pe/gob/regioncajamarca/participa");

    static final Map<String, String> SEAMS = Map.ofEntries(
            Map.entry("calendar/Now.java", "the one clock is the engine's (ClockUtil)"),
            Map.entry("identity/NoAccountLockPlugin.java", "engine plugin: no lock-out of staff accounts by the engine"),
            Map.entry("identity/StaffIdentityPlugin.java", "engine plugin: staff users and groups at start"),
            Map.entry("workflow/TaskVariableGuard.java", "engine plugin: a task accepts only its form's fields"),
            Map.entry("workflow/ProcesslessJobGuard.java", "engine plugin: jobs without a process are refused"),
            Map.entry("workflow/VariableDetailHistory.java",
                    "engine plugin: the history keeps a person's variable changes, not the engine's own copies"),
            Map.entry("workflow/TaskSubjects.java", "BPMN parse listener: a task's subject in its name"),
            Map.entry("workflow/EscalationListener.java", "the escalated task read from the timer's execution"),
            Map.entry("complaints/PlazoProrrogado.java", "the answering task's timers moved in the engine's command"),
            Map.entry("cycle/AprobacionResultados.java", "who completed the task (the engine's authentication)"),
            Map.entry("cycle/RegionalImpact.java", "the decision evaluated as the system, not as the user"),
            Map.entry("staffexperience/TasklistFilters.java", "Tasklist filters' properties (FilterEntity)"));

    @Test
    void onlyTheDeclaredSeamsUseTheEnginesInternals() throws IOException {
        Map<String, String> users = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (Files.readString(f).contains("org.camunda.bpm.engine.impl.")) {
                    users.put(MAIN.relativize(f).toString().replace('\\', '/'), "");
                }
            }
        }
        assertThat(users.keySet()).as("classes using org.camunda.bpm.engine.impl (declare a new seam with its reason)")
                .isSubsetOf(SEAMS.keySet());
        assertThat(SEAMS.keySet()).as("declared seams that no longer use the engine's internals (remove them)")
                .isSubsetOf(users.keySet());
    }
}
