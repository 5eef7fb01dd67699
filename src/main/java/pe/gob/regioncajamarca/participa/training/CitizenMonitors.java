package pe.gob.regioncajamarca.participa.training;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Citizen monitors: people who completed an edition of the oversight course (certificate issued). The oversight
 * module asks {@link #isCitizenMonitor(long)} before letting a citizen file a site-visit report.
 */
@Service
public class CitizenMonitors {

    private final JdbcClient jdbc;

    public CitizenMonitors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the citizen account completed the oversight course. */
    public boolean isCitizenMonitor(long citizenId) {
        return jdbc.sql("SELECT COUNT(*) FROM citizen_monitor WHERE citizen_id = ?").param(citizenId)
                .query(Integer.class).single() > 0;
    }

    /** How many citizen monitors there are (a public figure). */
    public int count() {
        return jdbc.sql("SELECT COUNT(*) FROM citizen_monitor").query(Integer.class).single();
    }
}
