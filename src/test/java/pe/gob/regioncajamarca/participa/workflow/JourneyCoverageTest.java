package pe.gob.regioncajamarca.participa.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

import pe.gob.regioncajamarca.participa.testsupport.Journey;

/**
 * Issue 19: every user task of every model in {@code processes/} has a browser journey through Tasklist (a test
 * method marked {@link Journey}); a new user task without one fails this test.
 */
class JourneyCoverageTest {

    @Test
    void everyUserTaskHasABrowserJourney() throws Exception {
        Set<String> tasks = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                BpmnModelInstance model;
                try (InputStream in = Files.newInputStream(file)) {
                    model = Bpmn.readModelFromStream(in);
                }
                for (UserTask t : model.getModelElementsByType(UserTask.class)) {
                    org.camunda.bpm.model.xml.instance.ModelElementInstance p = t.getParentElement();
                    while (!(p instanceof Process)) {
                        p = p.getParentElement();
                    }
                    tasks.add(((Process) p).getId() + " / " + t.getId());
                }
            }
        }
        Set<String> journeys = new TreeSet<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(java.util.regex.Pattern.compile(".*BrowserIT")));
        for (BeanDefinition bd : scanner.findCandidateComponents("pe.gob.regioncajamarca.participa")) {
            for (Method m : Class.forName(bd.getBeanClassName()).getDeclaredMethods()) {
                for (Journey j : m.getAnnotationsByType(Journey.class)) {
                    journeys.add(j.process() + " / " + j.task());
                }
            }
        }
        assertThat(tasks).as("user tasks in processes/").isNotEmpty();
        assertThat(journeys).as("journeys name only tasks that exist").isSubsetOf(tasks);
        Set<String> missing = new TreeSet<>(tasks);
        missing.removeAll(journeys);
        assertThat(missing).as("user tasks without a browser journey through Tasklist").isEmpty();
    }
}
