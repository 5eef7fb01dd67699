package pe.gob.regioncajamarca.participa.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import pe.gob.regioncajamarca.participa.documents.UploadedFiles;

/** Evidence is published: the photos lose their EXIF block (camera, GPS location) before they are stored. */
public class EvidenceMetadataTest {

    /** A JPEG with an APP1 "Exif" segment right after SOI, carrying a GPS marker and a place name. */
    public static byte[] jpegWithExif() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 30; y++) {
                image.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8 | 90);
            }
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", plain);
        byte[] jpeg = plain.toByteArray();
        // Exif\0\0 + a little-endian TIFF header + bytes that stand for the GPS IFD (-7.16, -78.51: Cajamarca)
        ByteArrayOutputStream app1 = new ByteArrayOutputStream();
        app1.write("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        app1.write(new byte[] {'I', 'I', 0x2A, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        app1.write("GPSLatitude -7.1617 GPSLongitude -78.5128 Cajamarca".getBytes(StandardCharsets.ISO_8859_1));
        byte[] payload = app1.toByteArray();
        int length = payload.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.write(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    public static boolean contains(byte[] content, String marker) {
        return new String(content, StandardCharsets.ISO_8859_1).contains(marker);
    }

    @Test
    void aPhotoIsStoredWithoutItsExifBlockAndStillDecodes() throws Exception {
        byte[] original = jpegWithExif();
        assertThat(contains(original, "Exif")).isTrue();
        UploadedFiles.Checked checked = UploadedFiles.check("obra.jpg", original);

        UploadedFiles.Checked stored = MonitoringEvidence.withoutMetadata(checked);

        assertThat(stored.contentType()).isEqualTo("image/jpeg");
        assertThat(stored.fileName()).isEqualTo("obra.jpg");
        assertThat(contains(stored.content(), "Exif")).as("no EXIF block").isFalse();
        assertThat(contains(stored.content(), "GPS")).as("no GPS data").isFalse();
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(stored.content()));
        assertThat(decoded).isNotNull();
        assertThat(decoded.getWidth()).isEqualTo(40);
        assertThat(decoded.getHeight()).isEqualTo(30);
        assertThat(UploadedFiles.check("obra.jpg", stored.content()).contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void aPngIsReEncodedAndAPdfIsKeptAsItIs() throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        UploadedFiles.Checked stored = MonitoringEvidence.withoutMetadata(
                new UploadedFiles.Checked("plano.png", "image/png", png.toByteArray()));
        assertThat(ImageIO.read(new ByteArrayInputStream(stored.content())).getWidth()).isEqualTo(8);

        byte[] pdf = "%PDF-1.4 sustento".getBytes(StandardCharsets.US_ASCII);
        UploadedFiles.Checked doc = new UploadedFiles.Checked("acta.pdf", "application/pdf", pdf);
        assertThat(MonitoringEvidence.withoutMetadata(doc)).isSameAs(doc);
    }
}
