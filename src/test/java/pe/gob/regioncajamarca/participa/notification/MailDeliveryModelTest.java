package pe.gob.regioncajamarca.participa.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.START;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.clockAt;
import static pe.gob.regioncajamarca.participa.testsupport.ModelTests.runJob;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import pe.gob.regioncajamarca.participa.testsupport.ModelTests;

/** {@code mail-delivery} alone: a mail that outlasted the outbox's retries, its incident, and the retry from Cockpit. */
class MailDeliveryModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTests.extension();

    ModelTests.Beans beans;

    @BeforeEach
    void deploy() {
        ModelTests.deploy(engine, "mail-delivery.bpmn");
        clockAt(START);
        beans = new ModelTests.Beans();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("mail-delivery", "correo-42", withVariables("correoId", 42L));
    }

    @Test
    void theSendWaitsForTheJobExecutorAndThenDeliversTheMail() {
        beans.delegate("reenvioCorreo");
        ProcessInstance pi = start();

        assertThat(pi).isWaitingAt("Task_Deliver");
        assertThat(beans.calls("reenvioCorreo")).isEmpty();
        runJob(pi, "Task_Deliver");

        assertThat(pi).hasPassed("Task_Deliver", "Event_Delivered").isEnded();
        assertThat(beans.calls("reenvioCorreo")).singleElement()
                .satisfies(c -> assertThat(c.variables()).containsEntry("correoId", 42L));
    }

    @Test
    void aFailedSendBecomesAnIncidentAtOnceAndItsRetrySendsTheMail() {
        AtomicInteger attempts = new AtomicInteger();
        beans.delegate("reenvioCorreo", e -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("Envío del correo N° 42 falló");
            }
        });
        ProcessInstance pi = start();

        assertThatThrownBy(() -> runJob(pi, "Task_Deliver")).hasMessageContaining("falló");

        // R1/PT1M: no automatic retry is left, the failed job is the Cockpit incident
        Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(job.getRetries()).isZero();
        Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Task_Deliver");
        assertThat(incident.getIncidentMessage()).contains("falló");
        assertThat(pi).isWaitingAt("Task_Deliver");

        // planning retries it in Cockpit
        engine.getManagementService().setJobRetries(job.getId(), 1);
        engine.getManagementService().executeJob(job.getId());

        assertThat(pi).hasPassed("Event_Delivered").isEnded();
        assertThat(attempts).hasValue(2);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    }
}
