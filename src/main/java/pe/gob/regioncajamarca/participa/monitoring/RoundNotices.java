package pe.gob.regioncajamarca.participa.monitoring;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.notification.Notifications;

/** What the members of the oversight committee are mailed about a monitoring round (its alerts, its report). */
@Component
class RoundNotices {

    static final String OVERSIGHT_GROUP = "oversight-committee";

    private final MonitoringService monitoring;
    private final MonitoringAlerts alerts;
    private final Notifications notifications;
    private final IdentityService identity;

    RoundNotices(MonitoringService monitoring, MonitoringAlerts alerts, Notifications notifications,
                 IdentityService identity) {
        this.monitoring = monitoring;
        this.alerts = alerts;
        this.notifications = notifications;
        this.identity = identity;
    }

    /** After the reports close: one mail per member when the round raised alerts. */
    void alertsRaised(String quarter) {
        List<MonitoringAlerts.Alert> all = alerts.ofQuarter(quarter);
        if (!all.isEmpty()) {
            java.util.Map<String, Object> model = java.util.Map.of("quarter", quarter, "alerts", all);
            for (User member : identity.createUserQuery().memberOfGroup(OVERSIGHT_GROUP).list()) {
                notifications.send("alertas-seguimiento:" + quarter + ":" + member.getId(), member.getEmail(),
                        "Alertas de seguimiento " + quarter + ": " + all.size()
                                + (all.size() == 1 ? " alerta" : " alertas"),
                        "alertas-seguimiento", model);
            }
        }
    }

    /** The round's report is published: one mail per member. */
    void reportPublished(String quarter, String conclusions) {
        List<MonitoringService.Report> reports = monitoring.reports(quarter);
        long reported = reports.stream().filter(r -> "REPORTADO".equals(r.status())).count();
        java.util.Map<String, Object> model = new java.util.HashMap<>();
        model.put("quarter", quarter);
        model.put("projects", reports.size());
        model.put("reported", reported);
        model.put("unreported", reports.size() - reported);
        model.put("conclusions", conclusions == null || conclusions.isBlank() ? null : conclusions);
        model.put("alerts", alerts.ofQuarter(quarter).size());
        for (User member : identity.createUserQuery().memberOfGroup(OVERSIGHT_GROUP).list()) {
            notifications.send("seguimiento:" + quarter + ":" + member.getId(), member.getEmail(),
                    "Informe de seguimiento " + quarter, "informe-seguimiento", model);
        }
    }
}
