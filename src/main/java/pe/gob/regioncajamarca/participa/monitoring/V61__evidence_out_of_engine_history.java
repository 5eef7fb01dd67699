package pe.gob.regioncajamarca.participa.monitoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 61 (a Spring bean, which Spring Boot hands to Flyway): the evidence files that units attached to
 * their quarterly reports leave the engine's history. Since each report became its own process instance (ADR 0021)
 * the cleanup after each completion looked for them on the task's execution, while they were set on the report's
 * instance: the original photos (EXIF and GPS location included) stayed in {@code ACT_HI_VARINST},
 * {@code ACT_HI_DETAIL} and {@code ACT_GE_BYTEARRAY}. The form now sends them as transient variables, which the engine
 * never writes; this removes those already written, their content first. Nothing to do on a new database, where Flyway
 * runs before the engine creates its tables.
 */
@Component
public class V61__evidence_out_of_engine_history extends BaseJavaMigration {

    private static final String EVIDENCE = "NAME_ IN ('evidencia1', 'evidencia2', 'evidencia3') AND PROC_DEF_KEY_ IN "
            + "('quarterly-progress-report', 'quarterly-monitoring-round')";

    @Override
    public void migrate(Context context) throws Exception {
        forget(context.getConnection());
    }

    /** Deletes the report evidence files from the engine's history; returns how many variables it removed. */
    static int forget(Connection c) throws SQLException {
        if (!V41__monitoring_reported_quarter.engineTablesExist(c)) {
            return 0;
        }
        update(c, "DELETE FROM ACT_GE_BYTEARRAY WHERE ID_ IN (SELECT BYTEARRAY_ID_ FROM ACT_HI_DETAIL WHERE "
                + "VAR_INST_ID_ IN (SELECT ID_ FROM ACT_HI_VARINST WHERE " + EVIDENCE + "))");
        update(c, "DELETE FROM ACT_GE_BYTEARRAY WHERE ID_ IN (SELECT BYTEARRAY_ID_ FROM ACT_HI_VARINST WHERE "
                + EVIDENCE + ")");
        update(c, "DELETE FROM ACT_HI_DETAIL WHERE VAR_INST_ID_ IN (SELECT ID_ FROM ACT_HI_VARINST WHERE "
                + EVIDENCE + ")");
        return update(c, "DELETE FROM ACT_HI_VARINST WHERE " + EVIDENCE);
    }

    private static int update(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            return ps.executeUpdate();
        }
    }
}
