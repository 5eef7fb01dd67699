package pe.gob.regioncajamarca.participa.ledger;

import pe.gob.regioncajamarca.participa.calendar.Now;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The integrity ledger: an append-only log of votes, technical scores, prioritisation results, approvals and the
 * staff's decisions, each entry chained to the previous one by a SHA-256 hash.
 *
 * <p>Two steps, so that votes never queue on one lock: {@link #append} inserts the entry (kind, cycle, subject,
 * canonical content, time; no hash) in the caller's transaction, so a vote or decision that commits is in the
 * log and one that rolls back is not; {@link #sealNow} (the scheduled {@code LedgerSealer}, and before every
 * check) takes the head of the chain with a row lock, so that only one node seals at a time, and gives the
 * unsealed entries, in id order and in batches, the next positions and their hashes. The chain order is the
 * sealing order.
 *
 * <p>{@code hash = SHA-256(prevHash + "\n" + position + "\n" + kind + "\n" + cycle + "\n" + subject + "\n" +
 * recordedAt + "\n" + payload)} in UTF-8, lower-case hex; {@code cycle} is empty when the entry has none; the
 * first entry's {@code prevHash} is 64 zeros ({@link #GENESIS}).
 */
@Service
public class Ledger {

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    public static final String GENESIS = "0".repeat(64);
    static final int BATCH = 500;
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final byte[] pseudonymKey;

    public Ledger(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions,
                  @Value("${participa.ledger.pseudonym-secret}") String pseudonymSecret) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = new TransactionTemplate(transactions);
        this.pseudonymKey = pseudonymSecret.getBytes(StandardCharsets.UTF_8);
    }

    /** One entry as stored; {@code position} and {@code hash} are null until sealed. */
    public record Entry(long id, Long position, String kind, Integer cycleYear, String subject, String payload,
                        String recordedAt, String previousHash, String hash) {
    }

    /** The result of walking the chain: where it breaks, if it does. */
    public record ChainCheck(long sealed, long pending, long lastPosition, String lastHash, boolean intact,
                             Long brokenAt, String problem, Instant checkedAt) {
    }

    /**
     * Writes an entry in the current transaction (a new one if there is none). {@code payload} is stored in its
     * canonical form ({@link CanonicalJson}), its kind the payload's ({@link LedgerPayload}); it must carry no personal data: use {@link #pseudonym} for agents.
     */
    @Transactional
    public void append(Integer cycleYear, String subject, LedgerPayload payload) {
        jdbc.sql("INSERT INTO ledger_entry (kind, cycle_year, subject, payload, recorded_at) VALUES (?, ?, ?, ?, ?)")
                .params(payload.kind(), cycleYear, subject, CanonicalJson.of(payload.fields()),
                        INSTANT.format(Now.instant()))
                .update();
    }

    /**
     * The pseudonym of a citizen in the log: HMAC-SHA256 of the document number with the configured secret
     * (first 24 hex digits). The same agent always has the same pseudonym; without the secret nobody can tell
     * whose it is (a plain hash of an 8-digit DNI would be reversed by trying the 10^8 numbers).
     */
    public String pseudonym(String documentNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pseudonymKey, "HmacSHA256"));
            byte[] h = mac.doFinal(("agente:" + documentNumber).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h).substring(0, 24);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A payload from key-value pairs; unlike {@code Map.of}, values may be null. */
    public static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** The hash of an entry (see the class comment). */
    public static String hash(String previousHash, long position, String kind, Integer cycleYear, String subject,
                              String recordedAt, String payload) {
        String content = previousHash + "\n" + position + "\n" + kind + "\n" + (cycleYear == null ? "" : cycleYear)
                + "\n" + subject + "\n" + recordedAt + "\n" + payload;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Seals every entry committed so far; returns how many were sealed. Safe on several nodes at once: each batch
     * is one transaction that first locks the head row, so a second sealer waits and then finds them sealed.
     */
    public int sealNow() {
        int total = 0;
        while (true) {
            Integer n = tx.execute(status -> sealBatch());
            total += n == null ? 0 : n;
            if (n == null || n < BATCH) {
                break;
            }
        }
        if (total > 0) {
            log.debug("Registro de integridad: {} entradas selladas", total);
        }
        return total;
    }

    private int sealBatch() {
        record Head(long position, String hash) {
        }
        Head head = jdbc.sql("SELECT seq_no, entry_hash FROM ledger_head WHERE id = 1 FOR UPDATE")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2))).single();
        List<Entry> unsealed = jdbc.sql("SELECT id, kind, cycle_year, subject, payload, recorded_at FROM ledger_entry "
                        + "WHERE seq_no IS NULL ORDER BY id LIMIT " + BATCH)
                .query((rs, i) -> new Entry(rs.getLong(1), null, rs.getString(2), (Integer) rs.getObject(3,
                        Integer.class), rs.getString(4), rs.getString(5), rs.getString(6), null, null))
                .list();
        if (unsealed.isEmpty()) {
            return 0;
        }
        long position = head.position();
        String previous = head.hash();
        Timestamp now = Now.timestamp();
        List<Object[]> rows = new ArrayList<>(unsealed.size());
        for (Entry e : unsealed) {
            position++;
            String h = hash(previous, position, e.kind(), e.cycleYear(), e.subject(), e.recordedAt(), e.payload());
            rows.add(new Object[] {position, previous, h, now, e.id()});
            previous = h;
        }
        int[] updated = batch.batchUpdate("UPDATE ledger_entry SET seq_no = ?, prev_hash = ?, entry_hash = ?, "
                + "sealed_at = ? WHERE id = ? AND seq_no IS NULL", rows);
        for (int u : updated) {
            if (u == 0) {
                // cannot happen while the head lock is held; roll back rather than leave a gap
                throw new IllegalStateException("Registro de integridad: una entrada ya estaba sellada");
            }
        }
        jdbc.sql("UPDATE ledger_head SET seq_no = ?, entry_hash = ?, sealed_at = ? WHERE id = 1")
                .params(position, previous, now).update();
        return unsealed.size();
    }

    /**
     * Walks the whole chain from position 1: every position present once and in order, every entry linked to
     * the previous hash and its hash recomputed from its content, and the head pointing at the last entry.
     * Reports the first break. Reads in pages (a voting day adds a million entries).
     */
    public ChainCheck verify() {
        record Head(long position, String hash) {
        }
        // the head first: entries sealed while the walk runs lie beyond it and wait for the next check
        Head head = jdbc.sql("SELECT seq_no, entry_hash FROM ledger_head WHERE id = 1")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2))).single();
        long expected = 1;
        String previous = GENESIS;
        long pending = jdbc.sql("SELECT COUNT(*) FROM ledger_entry WHERE seq_no IS NULL").query(Long.class).single();
        long after = 0;
        while (true) {
            List<Entry> page = jdbc.sql("SELECT id, seq_no, kind, cycle_year, subject, payload, recorded_at, prev_hash, "
                            + "entry_hash FROM ledger_entry WHERE seq_no > ? AND seq_no <= ? ORDER BY seq_no LIMIT 2000")
                    .params(after, head.position()).query(Ledger::entry).list();
            for (Entry e : page) {
                long p = e.position();
                if (p != expected) {
                    return broken(expected - 1, previous, pending, expected, p < expected
                            ? "la posición " + p + " está repetida"
                            : "falta la entrada " + expected + " (la siguiente es la " + p + "): fue borrada");
                }
                if (!previous.equals(e.previousHash())) {
                    return broken(expected - 1, previous, pending, p, "la entrada " + p
                            + " no enlaza con la huella de la anterior");
                }
                String h = hash(previous, p, e.kind(), e.cycleYear(), e.subject(), e.recordedAt(), e.payload());
                if (!h.equals(e.hash())) {
                    return broken(expected - 1, previous, pending, p, "el contenido de la entrada " + p
                            + " no corresponde a su huella: fue modificado");
                }
                previous = h;
                expected++;
                after = p;
            }
            if (page.size() < 2000) {
                break;
            }
        }
        long last = expected - 1;
        if (head.position() > last) {
            return broken(last, previous, pending, last + 1, "faltan las entradas " + (last + 1) + " a "
                    + head.position() + " del final de la cadena");
        }
        if (!head.hash().equals(previous)) {
            return broken(last, previous, pending, last, "la huella de la cabeza de la cadena no coincide con la "
                    + "de la entrada " + last);
        }
        return new ChainCheck(last, pending, last, previous, true, null, null, Now.instant());
    }

    private static ChainCheck broken(long verified, String hash, long pending, long at, String problem) {
        return new ChainCheck(verified, pending, verified, hash, false, at, problem, Now.instant());
    }

    private static Entry entry(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Entry(rs.getLong("id"), (Long) rs.getObject("seq_no", Long.class), rs.getString("kind"),
                (Integer) rs.getObject("cycle_year", Integer.class), rs.getString("subject"), rs.getString("payload"),
                rs.getString("recorded_at"), rs.getString("prev_hash"), rs.getString("entry_hash"));
    }

    /** Every entry of a cycle of the given kinds (all kinds if none given), in chain order then unsealed ones. */
    public List<Entry> entriesOf(int cycleYear, String... kinds) {
        String filter = kinds.length == 0 ? "" : " AND kind IN (" + String.join(",", java.util.Collections.nCopies(
                kinds.length, "?")) + ")";
        List<Object> params = new ArrayList<>();
        params.add(cycleYear);
        params.addAll(List.of(kinds));
        return jdbc.sql("SELECT * FROM ledger_entry WHERE cycle_year = ?" + filter
                        + " ORDER BY CASE WHEN seq_no IS NULL THEN 1 ELSE 0 END, seq_no, id")
                .params(params).query(Ledger::entry).list();
    }

    /** Entries per subject of one kind in a cycle (e.g. votes per CUI), counted by the database. */
    public Map<String, Integer> countBySubject(int cycleYear, String kind) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT subject, COUNT(*) FROM ledger_entry WHERE cycle_year = ? AND kind = ? GROUP BY subject")
                .params(cycleYear, kind).query((rs, i) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        return counts;
    }

    /** The last sealed entries, newest first. */
    public List<Entry> latest(int n) {
        return jdbc.sql("SELECT * FROM ledger_entry WHERE seq_no IS NOT NULL ORDER BY seq_no DESC LIMIT " + n)
                .query(Ledger::entry).list();
    }

    /** How many entries of each kind (sealed or not). */
    public Map<String, Long> countByKind() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("SELECT kind, COUNT(*) FROM ledger_entry GROUP BY kind")
                .query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    /** The years that have entries, newest first. */
    public List<Integer> cycleYears() {
        return jdbc.sql("SELECT DISTINCT cycle_year FROM ledger_entry WHERE cycle_year IS NOT NULL ORDER BY cycle_year DESC")
                .query(Integer.class).list();
    }
}
