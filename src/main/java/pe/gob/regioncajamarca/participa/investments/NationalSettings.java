package pe.gob.regioncajamarca.participa.investments;

import pe.gob.regioncajamarca.participa.calendar.Now;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The threshold the planning office reads and changes on {@code /personal/inversiones}: how many percentage points of
 * financial execution a unit's report may differ from the national system's before the decision
 * {@code alertas-seguimiento} raises {@code DIFIERE_MEF} (its input {@code umbralMef}).
 */
@Service
public class NationalSettings {

    public record Threshold(BigDecimal points, String changedBy, Instant changedAt) {
    }

    private final JdbcClient jdbc;

    NationalSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Threshold threshold() {
        return jdbc.sql("SELECT gap_threshold, changed_by, changed_at FROM national_investment_setting WHERE id = 1")
                .query((rs, n) -> new Threshold(rs.getBigDecimal(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .single();
    }

    /** Changes the threshold; a value outside 0–100 is refused with what to fix. */
    public void changeThreshold(BigDecimal points, String staffUser) {
        if (points == null || points.signum() < 0 || points.compareTo(BigDecimal.valueOf(100)) > 0
                || points.scale() > 2) {
            throw new IllegalArgumentException("El umbral es un número de puntos porcentuales entre 0 y 100 (con dos"
                    + " decimales como máximo), por ejemplo 20.");
        }
        jdbc.sql("UPDATE national_investment_setting SET gap_threshold = ?, changed_by = ?, changed_at = ? WHERE id = 1")
                .params(points, staffUser, Now.timestamp()).update();
    }
}
