package pe.gob.regioncajamarca.participa.investments;

import pe.gob.regioncajamarca.participa.calendar.Now;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import pe.gob.regioncajamarca.participa.projects.KnownProjects;
import pe.gob.regioncajamarca.participa.investments.NationalFile.Figures;

/**
 * Imports of the national investment figures: one at a time across nodes (the lock row of
 * {@code national_investment_lock}), in the background (one worker thread), the file read as a stream and the region's
 * rows written in batches of 500. Idempotent: a row whose figures did not change is counted {@code unchanged} and not
 * written, so a second import of the same file changes nothing but its own record. While it runs the import's row
 * shows the rows read and kept (moved every 10,000 rows): that is what the staff page polls.
 */
@Service
public class NationalImports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NationalImports.class);
    /** An import whose heartbeat stopped this long ago died with its node: its lock may be taken. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);
    private static final int BATCH = 500;

    public enum Status { EN_CURSO, TERMINADA, RECHAZADA, FALLIDA }

    public enum Source { ARCHIVO, DESCARGA }

    /** One import, as the staff page shows it. */
    public record Import(long id, Source source, String fileName, String startedBy, Instant startedAt,
                         Instant finishedAt, Status status, long rowsRead, long regionRows, long inserted,
                         long updated, long unchanged, long rejected, String message) {
        public boolean running() {
            return status == Status.EN_CURSO;
        }
    }

    /** Refused before it started (another import is running). */
    public static class Busy extends Exception {
        public Busy(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final KnownProjects projects;
    private final NationalColumns columns;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "importacion-inversiones");
        t.setDaemon(true);
        return t;
    });

    NationalImports(JdbcClient jdbc, TransactionTemplate tx, KnownProjects projects, Environment env) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.projects = projects;
        this.columns = NationalColumns.of(Binder.get(env)
                .bind("participa.inversiones.columnas", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
    }

    public NationalColumns columns() {
        return columns;
    }

    /**
     * Starts importing {@code file} (which this service deletes when done) in the background and returns the new
     * import's id at once; refused when another import is running.
     */
    public long start(Path file, String fileName, Source source, String startedBy) throws Busy {
        Instant now = Now.instant();
        Long id = tx.execute(status -> {
            org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO national_investment_import (source, file_name, started_by, started_at, heartbeat_at,
                        status) VALUES (:source, :file, :by, :at, :at, 'EN_CURSO')""")
                    .param("source", source.name()).param("file", shorten(fileName, 300))
                    .param("by", startedBy).param("at", Timestamp.from(now))
                    .update(key, "id");
            long newId = key.getKey().longValue();
            int taken = jdbc.sql("""
                    UPDATE national_investment_lock SET import_id = :id WHERE id = 1 AND (import_id IS NULL
                      OR import_id IN (SELECT i.id FROM national_investment_import i
                                       WHERE i.status <> 'EN_CURSO' OR i.heartbeat_at < :stale))""")
                    .param("id", newId).param("stale", Timestamp.from(now.minus(ABANDONED_AFTER))).update();
            if (taken == 0) {
                status.setRollbackOnly();
                return null;
            }
            // an import abandoned by a dead node is closed as failed, so that its row does not stay "en curso"
            jdbc.sql("""
                    UPDATE national_investment_import SET status = 'FALLIDA', finished_at = :now,
                      message = 'Interrumpida: el servidor que la hacía se detuvo. Vuelva a importar el archivo.'
                    WHERE status = 'EN_CURSO' AND id <> :id""")
                    .param("now", Timestamp.from(now)).param("id", newId).update();
            return newId;
        });
        if (id == null) {
            deleteQuietly(file);
            throw new Busy("Ya hay una importación en curso. Espere a que termine y vuelva a intentarlo.");
        }
        worker.submit(() -> run(id, file));
        return id;
    }

    /** The import as it runs, for tests and for the nightly fetch: runs in the caller's thread. */
    void run(long id, Path file) {
        int figuresYear = Now.today().getYear();
        Writer writer = new Writer(id, figuresYear);
        long[] progress = new long[2]; // rows read and kept at the last heartbeat
        try (InputStream raw = Files.newInputStream(file); InputStream in = unpacked(raw)) {
            Set<String> known = projects.cuis();
            NationalFile.Summary summary = NationalFile.read(in, columns, NationalFile.regionOr(known::contains),
                    writer::add, (read, kept) -> {
                        progress[0] = read;
                        progress[1] = kept;
                        heartbeat(id, read, kept);
                    });
            writer.flush();
            finish(id, Status.TERMINADA, summary.rowsRead(), summary.kept(), writer.inserted, writer.updated,
                    writer.unchanged, summary.rejected(),
                    summary.problems().isEmpty() ? null : problems(summary));
            log.info("Importación {} de inversiones: {} filas leídas, {} de la región ({} nuevas, {} cambiadas, {}"
                    + " sin cambios, {} rechazadas)", id, summary.rowsRead(), summary.kept(), writer.inserted,
                    writer.updated, writer.unchanged, summary.rejected());
        } catch (NationalFile.RefusedFile e) {
            // refused at its header (nothing read), or cut short by a broken row: what was read is kept and counted
            finishPartly(id, Status.RECHAZADA, writer, progress, e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.warn("Importación {} de inversiones fallida", id, e);
            finishPartly(id, Status.FALLIDA, writer, progress, "No se pudo terminar la importación: "
                    + e.getClass().getSimpleName() + ". Lo leído hasta allí se guardó; vuelva a importar el archivo.");
        } finally {
            jdbc.sql("UPDATE national_investment_lock SET import_id = NULL WHERE id = 1 AND import_id = :id")
                    .param("id", id).update();
            deleteQuietly(file);
        }
    }

    /** Ends an import that stopped early: the rows already read are written and counted with the message. */
    private void finishPartly(long id, Status status, Writer writer, long[] progress, String message) {
        try {
            writer.flush();
        } catch (RuntimeException e) {
            log.warn("Importación {}: no se pudieron guardar las últimas filas leídas", id, e);
        }
        finish(id, status, progress[0], Math.max(progress[1], writer.inserted + writer.updated + writer.unchanged),
                writer.inserted, writer.updated, writer.unchanged, 0, shorten(message, 4000));
    }

    /** The Ministry also publishes the file zipped: a .zip (its first .csv) or .gz is read as the CSV inside. */
    static InputStream unpacked(InputStream raw) throws IOException, NationalFile.RefusedFile {
        java.io.BufferedInputStream in = new java.io.BufferedInputStream(raw, 1 << 16);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B) {
            return new java.util.zip.GZIPInputStream(in, 1 << 16);
        }
        if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
            java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(in);
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory() && e.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                    return zip;
                }
            }
            throw new NationalFile.RefusedFile("El archivo .zip no contiene ningún archivo .csv: suba el CSV del"
                    + " Ministerio (o un .zip o .gz que lo contenga).");
        }
        return in;
    }

    private static String problems(NationalFile.Summary s) {
        String text = s.rejected() + " filas de la región no se guardaron:\n" + String.join("\n", s.problems())
                + (s.rejected() > s.problems().size() ? "\n… y " + (s.rejected() - s.problems().size()) + " más" : "");
        return shorten(text, 4000);
    }

    /** Writes the kept rows in batches, comparing each with what is stored. */
    private final class Writer {
        private final long importId;
        private final int figuresYear;
        private final Map<String, Figures> batch = new java.util.LinkedHashMap<>();
        long inserted;
        long updated;
        long unchanged;

        Writer(long importId, int figuresYear) {
            this.importId = importId;
            this.figuresYear = figuresYear;
        }

        void add(Figures f) {
            batch.put(f.cui(), f); // a CUI twice in a file: the later row wins
            if (batch.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            List<Figures> rows = new ArrayList<>(batch.values());
            batch.clear();
            tx.executeWithoutResult(status -> write(rows));
        }

        private void write(List<Figures> rows) {
            Map<String, Stored> stored = new HashMap<>();
            jdbc.sql("""
                    SELECT cui, name, ubigeo, executing_unit, state, situation, updated_cost, pim_current_year,
                      accrued_current_year, accrued_before_year, physical_progress, figures_year
                    FROM national_investment WHERE cui IN (:cuis)""")
                    .param("cuis", rows.stream().map(Figures::cui).toList())
                    .query((rs, n) -> new Stored(new Figures(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7),
                            rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11)),
                            rs.getInt(12)))
                    .list().forEach(s -> stored.put(s.figures().cui(), s));
            Timestamp now = Now.timestamp();
            for (Figures f : rows) {
                Stored before = stored.get(f.cui());
                if (before == null) {
                    jdbc.sql("""
                            INSERT INTO national_investment (cui, name, ubigeo, executing_unit, state, situation,
                              updated_cost, pim_current_year, accrued_current_year, accrued_before_year,
                              physical_progress, figures_year, import_id, changed_at)
                            VALUES (:cui, :name, :ubigeo, :unit, :state, :situation, :cost, :pim, :year_, :before,
                              :physical, :fy, :import, :now)""")
                            .paramSource(params(f, now)).update();
                    inserted++;
                } else if (same(before, f)) {
                    unchanged++;
                } else {
                    jdbc.sql("""
                            UPDATE national_investment SET name = :name, ubigeo = :ubigeo, executing_unit = :unit,
                              state = :state, situation = :situation, updated_cost = :cost, pim_current_year = :pim,
                              accrued_current_year = :year_, accrued_before_year = :before,
                              physical_progress = :physical, figures_year = :fy, import_id = :import,
                              changed_at = :now WHERE cui = :cui""")
                            .paramSource(params(f, now)).update();
                    updated++;
                }
            }
        }

        private boolean same(Stored s, Figures f) {
            Figures a = s.figures();
            return s.figuresYear() == figuresYear && Objects.equals(a.name(), f.name())
                    && Objects.equals(a.ubigeo(), f.ubigeo()) && Objects.equals(a.executingUnit(), f.executingUnit())
                    && Objects.equals(a.state(), f.state()) && Objects.equals(a.situation(), f.situation())
                    && sameAmount(a.updatedCost(), f.updatedCost()) && sameAmount(a.pimCurrentYear(), f.pimCurrentYear())
                    && sameAmount(a.accruedCurrentYear(), f.accruedCurrentYear())
                    && sameAmount(a.accruedBeforeYear(), f.accruedBeforeYear())
                    && sameAmount(a.physicalProgress(), f.physicalProgress());
        }

        private Map<String, Object> params(Figures f, Timestamp now) {
            Map<String, Object> p = new HashMap<>();
            p.put("cui", f.cui());
            p.put("name", f.name());
            p.put("ubigeo", f.ubigeo());
            p.put("unit", f.executingUnit());
            p.put("state", f.state());
            p.put("situation", f.situation());
            p.put("cost", f.updatedCost());
            p.put("pim", f.pimCurrentYear());
            p.put("year_", f.accruedCurrentYear());
            p.put("before", f.accruedBeforeYear());
            p.put("physical", f.physicalProgress());
            p.put("fy", figuresYear);
            p.put("import", importId);
            p.put("now", now);
            return p;
        }
    }

    private record Stored(Figures figures, int figuresYear) {
    }

    private static boolean sameAmount(java.math.BigDecimal a, java.math.BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private void heartbeat(long id, long read, long kept) {
        jdbc.sql("UPDATE national_investment_import SET rows_read = :r, region_rows = :k, heartbeat_at = :now"
                + " WHERE id = :id").param("r", read).param("k", kept)
                .param("now", Now.timestamp()).param("id", id).update();
    }

    private void finish(long id, Status status, long read, long kept, long inserted, long updated, long unchanged,
                        long rejected, String message) {
        jdbc.sql("""
                UPDATE national_investment_import SET status = :status, finished_at = :now, heartbeat_at = :now,
                  rows_read = :read, region_rows = :kept, inserted = :ins, updated = :upd, unchanged = :same,
                  rejected = :rej, message = :msg WHERE id = :id""")
                .param("status", status.name()).param("now", Now.timestamp()).param("read", read)
                .param("kept", kept).param("ins", inserted).param("upd", updated).param("same", unchanged)
                .param("rej", rejected).param("msg", message).param("id", id).update();
    }

    private void finishWithMessage(long id, Status status, String message) {
        jdbc.sql("""
                UPDATE national_investment_import SET status = :status, finished_at = :now, heartbeat_at = :now,
                  message = :msg WHERE id = :id""")
                .param("status", status.name()).param("now", Now.timestamp())
                .param("msg", shorten(message, 4000)).param("id", id).update();
    }

    private static final org.springframework.jdbc.core.RowMapper<Import> IMPORT = (rs, n) -> new Import(
            rs.getLong("id"), Source.valueOf(rs.getString("source")), rs.getString("file_name"),
            rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
            rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
            Status.valueOf(rs.getString("status")), rs.getLong("rows_read"), rs.getLong("region_rows"),
            rs.getLong("inserted"), rs.getLong("updated"), rs.getLong("unchanged"), rs.getLong("rejected"),
            rs.getString("message"));

    /** The latest {@code limit} imports, newest first. */
    public List<Import> recent(int limit) {
        return jdbc.sql("SELECT * FROM national_investment_import ORDER BY id DESC FETCH FIRST :limit ROWS ONLY")
                .param("limit", limit).query(IMPORT).list();
    }

    /** One import (polled by the staff page every two seconds while it runs). */
    public Optional<Import> get(long id) {
        return jdbc.sql("SELECT * FROM national_investment_import WHERE id = :id").param("id", id).query(IMPORT)
                .optional();
    }

    private static String shorten(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("No se pudo borrar el archivo temporal {}", file);
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
