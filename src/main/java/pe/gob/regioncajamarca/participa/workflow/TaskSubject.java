package pe.gob.regioncajamarca.participa.workflow;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a task of one process is about, in a few words a person recognises in Tasklist's list and Cockpit (a
 * project's CUI and name, a request's code, an edition, a person's name; never a DNI). Each module that owns a
 * process declares one bean; {@link TaskSubjects} appends the subject to the task's name when the task is created:
 * "Reportar avance trimestral · 2324969 La Colpa".
 */
public interface TaskSubject {

    /** The process definition key whose tasks this bean describes. */
    String processKey();

    /** Every process definition key whose tasks this bean describes: {@link #processKey()} unless it says more. */
    default java.util.Set<String> processKeys() {
        return java.util.Set.of(processKey());
    }

    /** The subject of the task being created, if there is one. */
    Optional<String> subjectOf(DelegateTask task);
}
