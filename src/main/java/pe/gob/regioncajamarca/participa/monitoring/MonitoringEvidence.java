package pe.gob.regioncajamarca.participa.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.gob.regioncajamarca.participa.documents.UploadedFiles;

/**
 * Photos and documents that back an executing unit's quarterly report: stored with the report, at most
 * {@value #MAX_FILES} per report, each judged by its content (PDF, JPG or PNG, at most 10 MB) before it gets here.
 */
@Service
public class MonitoringEvidence {

    public static final int MAX_FILES = 10;

    private final JdbcClient jdbc;

    public MonitoringEvidence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Evidence(long id, long reportId, String fileName, String contentType, int size, String description,
                           String uploadedBy, Instant uploadedAt) {
    }

    public record Content(String fileName, String contentType, byte[] bytes) {
    }

    public List<Evidence> of(long reportId) {
        return jdbc.sql("""
                SELECT id, report_id, file_name, content_type, size_bytes, description, uploaded_by, uploaded_at
                FROM monitoring_evidence WHERE report_id = ? ORDER BY id""").param(reportId)
                .query((rs, i) -> new Evidence(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant())).list();
    }

    public Optional<Content> content(long reportId, long id) {
        return jdbc.sql("SELECT file_name, content_type, content FROM monitoring_evidence WHERE report_id = ? AND id = ?")
                .params(reportId, id)
                .query((rs, i) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    /** Stores the files (all or none); refuses what would pass the limit of files per report. */
    @Transactional
    public void add(long reportId, List<UploadedFiles.Checked> files, String description, String user) {
        int stored = jdbc.sql("SELECT COUNT(*) FROM monitoring_evidence WHERE report_id = ?").param(reportId)
                .query(Integer.class).single();
        if (stored + files.size() > MAX_FILES) {
            throw new IllegalArgumentException("Cada reporte admite hasta " + MAX_FILES + " archivos de sustento; ya tiene "
                    + stored + ".");
        }
        String text = description == null || description.isBlank() ? null : description.strip();
        if (text != null && text.length() > 300) {
            throw new IllegalArgumentException("La descripción admite hasta 300 caracteres.");
        }
        for (UploadedFiles.Checked f : files) {
            jdbc.sql("""
                    INSERT INTO monitoring_evidence (report_id, file_name, content_type, size_bytes, content, description,
                        uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(reportId, f.fileName(), f.contentType(), f.content().length, f.content(), text, user,
                            Timestamp.from(Instant.now())).update();
        }
    }
}
