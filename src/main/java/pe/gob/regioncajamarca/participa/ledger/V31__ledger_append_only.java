package pe.gob.regioncajamarca.participa.ledger;

import java.sql.Statement;

import org.springframework.stereotype.Component;

/**
 * Flyway migration 31 (a Spring bean, which Spring Boot hands to Flyway): on PostgreSQL, triggers that make
 * {@code ledger_entry} append-only in the database itself: no DELETE, no TRUNCATE, no UPDATE of a sealed entry,
 * and the only UPDATE of an unsealed entry is its sealing (content unchanged). On H2 (first runs and tests) it does
 * nothing: H2 triggers are Java classes, and H2 is not a production database here. The table's owner can still
 * drop or disable the triggers: the hash chain, not the trigger, is what makes a rewrite evident.
 */
@Component
public class V31__ledger_append_only extends PostgresMigration {

    static final String FUNCTION = """
            CREATE OR REPLACE FUNCTION ledger_entry_guard() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
                RAISE EXCEPTION 'ledger_entry es de solo anexado: no se borran entradas';
              END IF;
              IF OLD.entry_hash IS NOT NULL THEN
                RAISE EXCEPTION 'ledger_entry: la entrada % ya está sellada y no se modifica', OLD.id;
              END IF;
              IF NEW.id <> OLD.id OR NEW.kind <> OLD.kind OR NEW.subject <> OLD.subject
                 OR NEW.payload <> OLD.payload OR NEW.recorded_at <> OLD.recorded_at
                 OR NEW.cycle_year IS DISTINCT FROM OLD.cycle_year THEN
                RAISE EXCEPTION 'ledger_entry: solo se sella una entrada; su contenido no se modifica';
              END IF;
              RETURN NEW;
            END
            $$""";

    @Override
    void onPostgres(Statement s) throws Exception {
        s.execute(FUNCTION);
        s.execute("CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry "
                + "FOR EACH ROW EXECUTE FUNCTION ledger_entry_guard()");
        s.execute("CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry "
                + "FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_guard()");
    }
}
