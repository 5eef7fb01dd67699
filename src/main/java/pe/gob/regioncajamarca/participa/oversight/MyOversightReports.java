package pe.gob.regioncajamarca.participa.oversight;

import java.util.List;

import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.accreditation.MyParticipation;
import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;
import pe.gob.regioncajamarca.participa.training.CitizenMonitors;

/**
 * "Vigilancia ciudadana" on Mi cuenta, for citizen monitors only (issue 19): the link to file a site-visit report
 * ({@code /vigilancia/nuevo}, which nothing linked to) and the reports they filed, each with its state.
 */
@Component
class MyOversightReports implements MyParticipation {

    private final OversightReports reports;
    private final CitizenMonitors monitors;
    private final CitizenAccounts citizens;

    MyOversightReports(OversightReports reports, CitizenMonitors monitors, CitizenAccounts citizens) {
        this.reports = reports;
        this.monitors = monitors;
        this.citizens = citizens;
    }

    @Override
    public Section sectionFor(String documentNumber, String email) {
        if (documentNumber == null || !citizens.idOf(documentNumber).map(monitors::isCitizenMonitor).orElse(false)) {
            return null;
        }
        List<Item> items = reports.byAuthor(OversightReports.MONITOR_PREFIX + documentNumber).stream()
                .map(r -> new Item(r.code() + " · " + r.visitedOn(), "/vigilancia/" + r.code(), "oversight.status."
                        + switch (r.status() == null ? "" : r.status()) {
                            case "RESPONDIDO", "EN_DESCARGO" -> r.status();
                            default -> "review";
                        }))
                .toList();
        return new Section(60, "account.monitor", items, "account.monitor.none", "/vigilancia/nuevo",
                "account.monitor.new");
    }
}
