package pe.gob.regioncajamarca.participa.monitoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Publicar informe y avisar al comité": closes the round and tells the oversight committee. */
@Component("publicarInformeSeguimiento")
class PublicarInformeSeguimiento implements JavaDelegate {

    private final MonitoringService monitoring;
    private final RoundNotices notices;

    PublicarInformeSeguimiento(MonitoringService monitoring, RoundNotices notices) {
        this.monitoring = monitoring;
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String quarter = (String) execution.getVariable(MonitoringRoundVariables.TRIMESTRE);
        String conclusions = (String) execution.getVariable(MonitoringRoundVariables.CONCLUSIONES);
        monitoring.closeRound(quarter, conclusions);
        notices.reportPublished(quarter, conclusions);
    }
}
