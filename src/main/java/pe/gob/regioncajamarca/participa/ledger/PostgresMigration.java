package pe.gob.regioncajamarca.participa.ledger;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A ledger migration that PostgreSQL needs and H2 (first runs and tests, never production) does without: on H2 it
 * does nothing.
 */
abstract class PostgresMigration extends BaseJavaMigration {

    @Override
    public final void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equalsIgnoreCase(product)) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            onPostgres(s);
        }
    }

    abstract void onPostgres(Statement s) throws Exception;
}
