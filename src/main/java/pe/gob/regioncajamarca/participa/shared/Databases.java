package pe.gob.regioncajamarca.participa.shared;

import java.util.Map;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which database a data source is, for the few statements that only PostgreSQL can write (its
 * {@code UPDATE ... RETURNING} and {@code unnest} arrays). Asked once per data source.
 */
public final class Databases {

    private static final Map<DataSource, Boolean> POSTGRES = new WeakHashMap<>();

    private Databases() {
    }

    /** Whether {@code jdbc}'s data source is PostgreSQL (else H2, the embedded database of a first run and the tests). */
    public static boolean isPostgres(JdbcTemplate jdbc) {
        DataSource dataSource = jdbc.getDataSource();
        synchronized (POSTGRES) {
            Boolean known = POSTGRES.get(dataSource);
            if (known != null) {
                return known;
            }
        }
        boolean postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
                "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName())));
        synchronized (POSTGRES) {
            POSTGRES.put(dataSource, postgres);
        }
        return postgres;
    }
}
