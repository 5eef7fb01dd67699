package pe.gob.regioncajamarca.participa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.gob.regioncajamarca.participa.testsupport.ParticipaIntegrationTest;

/**
 * processes/ and forms/ are deployed at start in one deployment, and every camunda:formRef of every
 * user task and start event resolves to a Camunda Form of that same deployment.
 */
@ParticipaIntegrationTest
class DeploymentIT {

    static final List<String> CONTRACT_KEYS = List.of("participatory-budget-cycle", "agent-accreditation",
            "project-idea-review", "quarterly-monitoring-round", "training-programme", "complaint-handling",
            "wrongdoing-report", "oversight-report");

    @Autowired
    RepositoryService repositoryService;

    /** The ids of the Camunda Forms (.form resources) of a deployment: what formRef resolves against. */
    private Set<String> formsOf(String deploymentId) {
        Set<String> ids = new HashSet<>();
        for (String name : repositoryService.getDeploymentResourceNames(deploymentId)) {
            if (!name.endsWith(".form")) {
                continue;
            }
            try (var in = repositoryService.getResourceAsStream(deploymentId, name)) {
                ids.add(JSON.readTree(in).get("id").asText());
            } catch (IOException e) {
                throw new IllegalStateException(name, e);
            }
        }
        return ids;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Test
    void everyContractProcessIsDeployed() {
        for (String key : CONTRACT_KEYS) {
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                    .singleResult()).as("process %s", key).isNotNull();
        }
    }

    @Test
    void everyFileOfProcessesAndFormsIsDeployed() throws IOException {
        Set<String> deployedForms = new HashSet<>();
        repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(ProcessDefinition::getDeploymentId).distinct()
                .forEach(d -> deployedForms.addAll(formsOf(d)));
        try (Stream<Path> files = Files.walk(Path.of("forms"))) {
            List<Path> formFiles = files.filter(p -> p.toString().endsWith(".form")).toList();
            assertThat(formFiles).isNotEmpty();
            assertThat(deployedForms).hasSizeGreaterThanOrEqualTo(formFiles.size());
        }
        try (Stream<Path> files = Files.walk(Path.of("processes"))) {
            long bpmn = files.filter(p -> p.toString().endsWith(".bpmn")).count();
            assertThat(repositoryService.createProcessDefinitionQuery().latestVersion().count())
                    .isGreaterThanOrEqualTo(bpmn);
        }
    }

    @Test
    void everyFormRefResolvesToAFormOfTheSameDeployment() {
        List<String> problems = new ArrayList<>();
        int refs = 0;
        for (ProcessDefinition pd : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(pd.getId());
            Set<String> formsOfDeployment = formsOf(pd.getDeploymentId());
            List<String[]> formRefs = new ArrayList<>();
            model.getModelElementsByType(UserTask.class)
                    .forEach(t -> formRefs.add(new String[] {t.getId(), t.getCamundaFormRef(), t.getCamundaFormKey()}));
            model.getModelElementsByType(StartEvent.class)
                    .forEach(s -> formRefs.add(new String[] {s.getId(), s.getCamundaFormRef(), s.getCamundaFormKey()}));
            for (String[] ref : formRefs) {
                String id = ref[0];
                String formRef = ref[1];
                if (formRef == null) {
                    continue;
                }
                refs++;
                if (!formsOfDeployment.contains(formRef)) {
                    problems.add(pd.getKey() + "/" + id + " -> " + formRef);
                }
            }
            for (UserTask t : model.getModelElementsByType(UserTask.class)) {
                if (t.getCamundaFormRef() == null && t.getCamundaFormKey() == null) {
                    problems.add(pd.getKey() + "/" + t.getId() + " has no form");
                }
                if (t.getCamundaFormRef() != null) {
                    assertThat(t.getCamundaFormRefBinding()).as(pd.getKey() + "/" + t.getId()).isEqualTo("deployment");
                }
            }
        }
        assertThat(refs).isPositive();
        assertThat(problems).as("formRefs without a deployed form").isEmpty();
    }
}
