package pe.gob.regioncajamarca.participa.oversight;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.workflow.TaskSubject;

/** An oversight report's tasks name the report and its projects ("Revisar reporte de vigilancia · VIG-2026-000004 2324969"). */
@Component
class OversightTaskSubject implements TaskSubject {

    private final OversightReports reports;

    OversightTaskSubject(OversightReports reports) {
        this.reports = reports;
    }

    @Override
    public String processKey() {
        return OversightReports.PROCESS_KEY;
    }

    @Override
    public Optional<String> subjectOf(DelegateTask task) {
        String code = task.getExecution().getProcessBusinessKey();
        return reports.find(code).map(r -> r.code() + (r.projects().isEmpty() ? "" : " "
                + String.join(", ", r.projects().stream().map(OversightReports.WatchedProject::cui).toList())))
                .or(() -> Optional.ofNullable(code));
    }
}
