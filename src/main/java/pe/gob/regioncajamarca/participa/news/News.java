package pe.gob.regioncajamarca.participa.news;

import pe.gob.regioncajamarca.participa.calendar.Now;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import pe.gob.regioncajamarca.participa.ledger.LedgerPayload;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.gob.regioncajamarca.participa.ledger.Ledger;
import pe.gob.regioncajamarca.participa.ledger.LedgerKinds;

/**
 * The portal's news ("Noticias"), written by the Oficina de Comunicaciones: a draft is seen only by staff;
 * publishing puts it on the home page and {@code /noticias}; withdrawing takes it down (the page then answers 404).
 * Publishing and withdrawing are staff decisions and go to the integrity ledger in the same transaction.
 * The body is plain text (paragraphs separated by a blank line) and is always shown escaped.
 */
@Service
public class News {

    public static final String DRAFT = "BORRADOR";
    public static final String PUBLISHED = "PUBLICADA";
    public static final String WITHDRAWN = "RETIRADA";

    static final ZoneId LIMA = ZoneId.of("America/Lima");

    private static final String COLUMNS = "id, title, summary, body, cycle_year, status, author, created_at, "
            + "updated_at, updated_by, published_at, withdrawn_at";

    private final JdbcClient jdbc;
    private final Ledger ledger;

    News(JdbcClient jdbc, Ledger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /** One news item as stored. */
    public record Item(long id, String title, String summary, String body, Integer cycleYear, String status,
                       String author, Instant createdAt, Instant updatedAt, String updatedBy, Instant publishedAt,
                       Instant withdrawnAt) {

        public boolean published() {
            return PUBLISHED.equals(status);
        }

        /** The day of publication in Cajamarca (null for a draft never published). */
        public LocalDate publishedOn() {
            return publishedAt == null ? null : publishedAt.atZone(LIMA).toLocalDate();
        }

        /** The body's paragraphs: split on blank lines; single line breaks stay inside a paragraph. */
        public List<String> paragraphs() {
            return paragraphsOf(body);
        }
    }

    /** What staff type: title, summary, body and optionally the cycle the news is about. */
    public record Draft(String title, String summary, String body, Integer cycleYear) {
    }

    static List<String> paragraphsOf(String body) {
        if (body == null) {
            return List.of();
        }
        return Arrays.stream(body.replace("\r\n", "\n").replace('\r', '\n').split("\\n[ \\t]*\\n"))
                .map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    // ------------------------------------------------------------------ the portal

    /** The latest published news, newest first. */
    public List<Item> latest(int count) {
        return published(0, count);
    }

    public List<Item> published(int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM news_item WHERE status = ? ORDER BY published_at DESC, id DESC "
                        + "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(PUBLISHED, offset, limit).query(News::item).list();
    }

    public int countPublished() {
        return jdbc.sql("SELECT COUNT(*) FROM news_item WHERE status = ?").param(PUBLISHED).query(Integer.class).single();
    }

    /** A news item if it is published (drafts and withdrawn ones are not public). */
    public Optional<Item> findPublished(long id) {
        return find(id).filter(Item::published);
    }

    // ------------------------------------------------------------------ staff

    public Optional<Item> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM news_item WHERE id = ?").param(id).query(News::item).optional();
    }

    /** Every news item for the staff list: drafts first, then by last change. */
    public List<Item> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM news_item ORDER BY CASE status WHEN 'BORRADOR' THEN 0 "
                + "WHEN 'PUBLICADA' THEN 1 ELSE 2 END, updated_at DESC, id DESC").query(News::item).list();
    }

    /** Saves a new draft; returns its id. The draft must have been checked ({@link NewsForm}). */
    @Transactional
    public long create(Draft d, String author) {
        Timestamp now = Now.timestamp();
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO news_item (title, summary, body, cycle_year, status, author, created_at, updated_at, "
                        + "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(d.title().strip(), d.summary().strip(), d.body().strip(), d.cycleYear(), DRAFT, author, now,
                        now, author)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Changes the text of a news item (whatever its status: a published one is corrected in place). */
    @Transactional
    public void update(long id, Draft d, String by) {
        int n = jdbc.sql("UPDATE news_item SET title = ?, summary = ?, body = ?, cycle_year = ?, updated_at = ?, "
                        + "updated_by = ? WHERE id = ?")
                .params(d.title().strip(), d.summary().strip(), d.body().strip(), d.cycleYear(),
                        Now.timestamp(), by, id)
                .update();
        if (n == 0) {
            throw new IllegalArgumentException("No existe la noticia " + id);
        }
    }

    /** Publishes a draft or a withdrawn item; the first publication's date is kept. Recorded in the ledger. */
    @Transactional
    public void publish(long id, String by) {
        Item item = find(id).orElseThrow(() -> new IllegalArgumentException("No existe la noticia " + id));
        if (item.published()) {
            return;
        }
        Timestamp now = Now.timestamp();
        jdbc.sql("UPDATE news_item SET status = ?, published_at = COALESCE(published_at, ?), withdrawn_at = NULL, "
                        + "updated_at = ?, updated_by = ? WHERE id = ?")
                .params(PUBLISHED, now, now, by, id).update();
        ledger.append(item.cycleYear(), "noticia " + id, new LedgerPayload.NewsPublished(id, item.title(), by));
    }

    /** Takes a published item off the portal. Recorded in the ledger. */
    @Transactional
    public void withdraw(long id, String by) {
        Item item = find(id).orElseThrow(() -> new IllegalArgumentException("No existe la noticia " + id));
        if (!item.published()) {
            return;
        }
        Timestamp now = Now.timestamp();
        jdbc.sql("UPDATE news_item SET status = ?, withdrawn_at = ?, updated_at = ?, updated_by = ? WHERE id = ?")
                .params(WITHDRAWN, now, now, by, id).update();
        ledger.append(item.cycleYear(), "noticia " + id, new LedgerPayload.NewsWithdrawn(id, item.title(), by));
    }

    private static Item item(ResultSet rs, int i) throws SQLException {
        int year = rs.getInt("cycle_year");
        Integer cycleYear = rs.wasNull() ? null : year;
        return new Item(rs.getLong("id"), rs.getString("title"), rs.getString("summary"), rs.getString("body"),
                cycleYear, rs.getString("status"), rs.getString("author"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getString("updated_by"), instant(rs, "published_at"),
                instant(rs, "withdrawn_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
