package pe.gob.regioncajamarca.participa.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;
import pe.gob.regioncajamarca.participa.training.TrainingEditions;

/**
 * Issue 20: every user task of every model in {@code processes/}, reached as its group, refuses (a) the variable
 * that names another record (the smuggling that let one unit file another unit's report) and (b) a variable its
 * form does not declare, through Java and through {@code /engine-rest} as a logged-in member of the task's group;
 * nothing changes (the task stays open, the process variable keeps its value). A new user task is covered by this
 * test without a line added: its form's fields come from the form itself.
 *
 * <p>Each task is reached by starting its process before it ({@code startBeforeActivity}, custom listeners and
 * input mappings skipped) with the variables the task's expressions need; the training tasks in an edition created
 * by the process itself, since their due dates are read from its sessions.</p>
 */
class TaskBoundariesIT extends ProcessTest {

    /** The variable each process's listeners once trusted to say which record a task acts on. */
    static final Map<String, String> RECORD_VARIABLE = Map.of(
            "agent-accreditation", "registroId",
            "quarterly-monitoring-round", "informe",
            "quarterly-progress-report", "informe",
            "oversight-report", "codigo",
            "project-idea-review", "ideaId",
            "training-programme", "edicionId",
            "complaint-handling", "codigo",
            "wrongdoing-report", "codigo",
            "participatory-budget-cycle", "anio");

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired TrainingEditions editions;
    @Autowired TaskVariableGuard guard;

    private static int cycleYear;

    @AfterEach
    void logout() {
        identity.clearAuthentication();
    }

    @TestFactory
    Stream<DynamicTest> everyUserTaskRefusesAnotherRecordAndUndeclaredVariables() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                BpmnModelInstance model;
                try (InputStream in = Files.newInputStream(file)) {
                    model = Bpmn.readModelFromStream(in);
                }
                for (Process process : model.getModelElementsByType(Process.class)) {
                    for (UserTask task : process.getChildElementsByType(UserTask.class)) {
                        tests.add(DynamicTest.dynamicTest(process.getId() + " / " + task.getName(),
                                () -> smuggle(process.getId(), task)));
                    }
                    for (org.camunda.bpm.model.bpmn.instance.SubProcess sub
                            : process.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.SubProcess.class)) {
                        for (UserTask task : sub.getChildElementsByType(UserTask.class)) {
                            tests.add(DynamicTest.dynamicTest(process.getId() + " / " + task.getName(),
                                    () -> smuggle(process.getId(), task)));
                        }
                    }
                }
            }
        }
        assertThat(tests).as("user tasks found in processes/").hasSizeGreaterThan(15);
        return tests.stream();
    }

    private void smuggle(String processKey, UserTask userTask) throws Exception {
        String recordVariable = RECORD_VARIABLE.get(processKey);
        assertThat(recordVariable).as("the record variable of " + processKey + " is listed in this test").isNotNull();
        Task task = reach(processKey, userTask.getId());
        String group = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLink.class.isInstance(l) && "candidate".equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).findFirst().orElseThrow();
        String user = staffUser(group);
        Object before = runtime.getVariable(task.getProcessInstanceId(), recordVariable);
        Map<String, Object> declared = declaredFields(task);

        identity.setAuthentication(user, List.of(group));
        // (a) another record's id, alone and hidden among the form's own fields
        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(recordVariable, otherRecord(before))))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining(recordVariable)
                .hasMessageContaining("No se guardó ningún cambio");
        Map<String, Object> withRecord = new HashMap<>(declared);
        withRecord.put(recordVariable, otherRecord(before));
        assertThatThrownBy(() -> tasks.complete(task.getId(), withRecord))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining(recordVariable);
        // (b) an undeclared variable, by completion, by form submission and set on the task directly
        Map<String, Object> undeclared = new HashMap<>(declared);
        undeclared.put("estadoEjecucionOtro", "PARALIZADO");
        assertThatThrownBy(() -> tasks.complete(task.getId(), undeclared))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("estadoEjecucionOtro");
        assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task.getId(), undeclared))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("estadoEjecucionOtro");
        assertThatThrownBy(() -> tasks.setVariableLocal(task.getId(), recordVariable, otherRecord(before)))
                .isInstanceOf(FormFieldValidationException.class);
        identity.clearAuthentication();

        // the same through the REST API that Tasklist uses, as the task's group
        Http http = new Http(port);
        var answer = http.postJson("/engine-rest/task/" + task.getId() + "/complete",
                "{\"variables\": {\"" + recordVariable + "\": {\"value\": \"" + otherRecord(before) + "\"}}}",
                user, "secreto-" + user);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains(recordVariable);
        answer = http.postJson("/engine-rest/task/" + task.getId() + "/submit-form",
                "{\"variables\": {\"otraVariable\": {\"value\": \"x\"}}}", user, "secreto-" + user);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);

        // nothing changed
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        assertThat(runtime.getVariable(task.getProcessInstanceId(), recordVariable)).isEqualTo(before);
        assertThat(runtime.getVariable(task.getProcessInstanceId(), "estadoEjecucionOtro")).isNull();
        assertThat(tasks.getVariableLocal(task.getId(), recordVariable)).isNull();
        runtime.deleteProcessInstance(task.getProcessInstanceId(), "prueba de límites de confianza", true, true);
    }

    /** Issue 19: a listener's refusal is a client error (400) with the application's sentence, never a 500. */
    @org.junit.jupiter.api.Test
    void aListenersRefusalIsAClientErrorWithItsSpanishSentence() throws Exception {
        Task task = reach("agent-accreditation", "Task_ReviewAccreditation");
        String user = staffUser("planning");
        var answer = new Http(port).postJson("/engine-rest/task/" + task.getId() + "/submit-form",
                "{\"variables\": {\"decision\": {\"value\": \"rechazar\"}}}", user, "secreto-" + user);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("Indique el motivo del rechazo: el ciudadano lo leerá.")
                .doesNotContain("ENGINE-03051");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isEqualTo(1);
        runtime.deleteProcessInstance(task.getProcessInstanceId(), "prueba", true, true);
    }

    /** Issue 19: a refused start form (a training design with a bad session line) is a 400 with its sentence. */
    @org.junit.jupiter.api.Test
    void aRefusedStartFormIsAClientErrorWithItsSpanishSentence() throws Exception {
        String user = staffUser("planning");
        String body = """
                {"variables": {
                  "nombrePrograma": {"value": "Curso rechazado"}, "modulos": {"value": "1. Uno"},
                  "publicoObjetivo": {"value": "Agentes"}, "modalidad": {"value": "PRESENCIAL"},
                  "sesiones": {"value": "mañana | Auditorio | Lic. Ana"}, "cupos": {"value": 4, "type": "Long"},
                  "inscripcionHasta": {"value": "2026-05-25"}, "asistenciaMinima": {"value": 75, "type": "Long"},
                  "evaluacionRequerida": {"value": false, "type": "Boolean"},
                  "cursoVigilancia": {"value": false, "type": "Boolean"}}}""";
        var answer = new Http(port).postJson("/engine-rest/process-definition/key/training-programme/submit-form",
                body, user, "secreto-" + user);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("Línea 1: «mañana» no es una fecha y hora").doesNotContain("ENGINE-");
    }

    private static Object otherRecord(Object mine) {
        return mine instanceof Number n ? n.longValue() + 1 : "OTRO-" + mine;
    }

    /** A value of the right type for each field the task's form lets a person fill in. */
    private Map<String, Object> declaredFields(Task task) {
        Map<String, Object> values = new HashMap<>();
        engine.getManagementService(); // the guard reads the same forms
        for (String field : guard.fieldsOf(task.getId()).writable()) {
            values.put(field, "x");
        }
        return values;
    }

    private Task reach(String processKey, String taskId) {
        ProcessInstance pi;
        if ("training-programme".equals(processKey)) {
            clockAt(LocalDate.of(2026, 5, 4));
            Map<String, Object> design = new HashMap<>();
            design.put("nombrePrograma", "Límites de confianza " + unique());
            design.put("modulos", "1. Presupuesto participativo");
            design.put("publicoObjetivo", "Agentes participantes");
            design.put("modalidad", "PRESENCIAL");
            design.put("sesiones", "2026-06-01 09:00 | Auditorio de la Sede Regional | Lic. Ana Vásquez\n"
                    + "2026-06-03 09:00 | Auditorio de la Sede Regional | Lic. Ana Vásquez");
            design.put("cupos", 4L);
            design.put("inscripcionHasta", "2026-05-25");
            design.put("asistenciaMinima", 75L);
            design.put("evaluacionRequerida", true);
            design.put("notaMinima", 11L);
            design.put("cursoVigilancia", false);
            pi = runtime.startProcessInstanceByKey(processKey, design);
            long edition = editions.editionOfProcess(pi.getId());
            runtime.setVariable(pi.getId(), "idsSesiones",
                    new ArrayList<>(editions.sessions(edition).stream().map(TrainingEditions.SessionRow::id).toList()));
            runtime.createProcessInstanceModification(pi.getId()).cancelAllForActivity("Task_ApproveProgramme")
                    .startBeforeActivity(taskId).execute(true, true);
        } else {
            pi = runtime.createProcessInstanceByKey(processKey).businessKey("LIMITES-" + unique())
                    .setVariables(variablesFor(processKey)).startBeforeActivity(taskId).execute(true, true);
        }
        List<Task> found = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskId).list();
        assertThat(found).as("task " + taskId + " reached").isNotEmpty();
        return found.get(0);
    }

    private Map<String, Object> variablesFor(String processKey) {
        Map<String, Object> v = new HashMap<>();
        Date later = plazos.habiles(20);
        v.put("fechaLimite", later);
        v.put("fechaLimiteProrroga", later);
        v.put("fechaCierreReportes", later);
        v.put("plazoDias", 10L);
        v.put("grupoUnidad", TEST_UNIT_GROUP);
        v.put("grupoResponsable", TEST_UNIT_GROUP);
        v.put("informes", new ArrayList<>(List.of(1L)));
        v.put("informe", 1L);
        v.put("registroId", 1L);
        v.put("ideaId", 1L);
        v.put("codigo", "REC-PRUEBA-" + unique());
        for (String window : List.of("inscripcion", "ideas", "evaluacion", "votacion")) {
            v.put(window + "Desde", "2099-01-01");
            v.put(window + "Hasta", "2099-12-31");
        }
        if ("participatory-budget-cycle".equals(processKey)) {
            if (cycleYear == 0) { // one formalised cycle with one project for the five tasks of the cycle
                cycleYear = sharedFormalisedCycle();
                jdbc.sql("""
                    INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit)
                    VALUES (?, ?, 'Proyecto de prueba', 'CAJAMARCA', 100000, 'Agricultura', ?)""")
                    .params(cycleYear, String.valueOf(4000000 + unique()), TEST_UNIT).update();
            }
            v.put("anio", (long) cycleYear);
        } else {
            v.put("anio", 2099L);
        }
        return v;
    }
}
