package pe.gob.regioncajamarca.participa.monitoring;

import pe.gob.regioncajamarca.participa.calendar.Now;
import pe.gob.regioncajamarca.participa.projects.Projects;

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

    private final Projects projects;

    public MonitoringEvidence(JdbcClient jdbc, Projects projects) {
        this.projects = projects;
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

    /** The evidence of a project's reports that are public (REPORTADO), newest report first. */
    public List<Evidence> published(int cycleYear, String cui) {
        Optional<Long> projectId = projects.find(cycleYear, cui).map(Projects.Project::id);
        if (projectId.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT e.id, e.report_id, e.file_name, e.content_type, e.size_bytes, e.description, e.uploaded_by,
                       e.uploaded_at
                FROM monitoring_evidence e JOIN monitoring_report r ON r.id = e.report_id
                WHERE r.project_id = ? AND r.status = 'REPORTADO'
                ORDER BY r.quarter DESC, e.id""").param(projectId.get())
                .query((rs, i) -> new Evidence(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant())).list();
    }

    /** One file of {@link #published}; empty when it is not the project's or its report is not REPORTADO. */
    public Optional<Content> publishedContent(int cycleYear, String cui, long id) {
        Optional<Long> projectId = projects.find(cycleYear, cui).map(Projects.Project::id);
        if (projectId.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT e.file_name, e.content_type, e.content
                FROM monitoring_evidence e JOIN monitoring_report r ON r.id = e.report_id
                WHERE r.project_id = ? AND r.status = 'REPORTADO' AND e.id = ?""")
                .params(projectId.get(), id)
                .query((rs, i) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    /**
     * Stores the files (all or none); refuses what would pass the limit of files per report. Photos are stored
     * without their metadata (EXIF, GPS location, camera, comments): the evidence is published.
     */
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
        for (UploadedFiles.Checked given : files) {
            UploadedFiles.Checked f = withoutMetadata(given);
            jdbc.sql("""
                    INSERT INTO monitoring_evidence (report_id, file_name, content_type, size_bytes, content, description,
                        uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(reportId, f.fileName(), f.contentType(), f.content().length, f.content(), text, user,
                            Now.timestamp()).update();
        }
    }

    /**
     * A photo re-encoded from its pixels alone (javax.imageio writes no EXIF, GPS, XMP or comment of the original);
     * a PDF as it is. JPEG is written at quality 0.92, without alpha (the JPEG writer takes RGB).
     */
    public static UploadedFiles.Checked withoutMetadata(UploadedFiles.Checked file) {
        String format = switch (file.contentType()) {
            case "image/jpeg" -> "jpeg";
            case "image/png" -> "png";
            default -> null;
        };
        if (format == null) {
            return file;
        }
        try {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(file.content()));
            if (image == null) {
                throw new UploadedFiles.Refused("La imagen «" + file.fileName() + "» no se puede leer.");
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            if (format.equals("png")) {
                javax.imageio.ImageIO.write(image, "png", out);
            } else {
                java.awt.image.BufferedImage rgb = image;
                if (image.getType() != java.awt.image.BufferedImage.TYPE_INT_RGB) {
                    rgb = new java.awt.image.BufferedImage(image.getWidth(), image.getHeight(),
                            java.awt.image.BufferedImage.TYPE_INT_RGB);
                    java.awt.Graphics2D g = rgb.createGraphics();
                    g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
                    g.dispose();
                }
                javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
                try (javax.imageio.stream.ImageOutputStream ios = javax.imageio.ImageIO.createImageOutputStream(out)) {
                    writer.setOutput(ios);
                    javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
                    param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(0.92f);
                    // no metadata given: the writer adds only its own JFIF header
                    writer.write(null, new javax.imageio.IIOImage(rgb, null, null), param);
                } finally {
                    writer.dispose();
                }
            }
            return new UploadedFiles.Checked(file.fileName(), file.contentType(), out.toByteArray());
        } catch (java.io.IOException e) {
            throw new UploadedFiles.Refused("La imagen «" + file.fileName() + "» no se puede leer.");
        }
    }
}
