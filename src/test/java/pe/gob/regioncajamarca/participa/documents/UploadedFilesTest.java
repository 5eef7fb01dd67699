package pe.gob.regioncajamarca.participa.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

/** Attachments are judged by their content: real PDFs and images pass; lies, bombs and oversize files do not. */
class UploadedFilesTest {

    static byte[] image(String format, int w, int h) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    static byte[] pdf() throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void realFilesPassWithTheTypeOfTheirContentWhateverTheirName() throws Exception {
        assertThat(UploadedFiles.check("acta.pdf", pdf()).contentType()).isEqualTo("application/pdf");
        assertThat(UploadedFiles.check("foto.pdf", image("png", 40, 30)).contentType()).isEqualTo("image/png");
        assertThat(UploadedFiles.check("foto", image("jpg", 40, 30)).contentType()).isEqualTo("image/jpeg");
        assertThat(UploadedFiles.check("../../etc/passwd.pdf", pdf()).fileName()).doesNotContain("/");
    }

    @Test
    void liesAreRefusedWithAReason() {
        assertThatThrownBy(() -> UploadedFiles.check("virus.pdf", "MZ\u0090 program".getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessageContaining("no es un PDF, JPG ni PNG");
        assertThatThrownBy(() -> UploadedFiles.check("a.pdf", "%PDF-1.4 nothing else".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("no es un PDF válido");
        assertThatThrownBy(() -> UploadedFiles.check("a.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0}))
                .hasMessageContaining("no es una imagen JPG o PNG válida");
        assertThatThrownBy(() -> UploadedFiles.check("a.pdf", new byte[0])).hasMessageContaining("está vacío");
        assertThatThrownBy(() -> UploadedFiles.check("grande.pdf", new byte[UploadedFiles.MAX_BYTES + 1]))
                .hasMessageContaining("pesa más de 10 MB");
    }

    @Test
    void aDecompressionBombIsRefusedBeforeItIsDecoded() throws Exception {
        // a valid PNG header declaring 100,000 x 100,000 pixels, with a tiny compressed body
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        ihdr.write(new byte[] {0, 1, (byte) 0x86, (byte) 0xA0, 0, 1, (byte) 0x86, (byte) 0xA0, 8, 0, 0, 0, 0});
        chunk(png, "IHDR", ihdr.toByteArray());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[100_001]);
        deflater.finish();
        byte[] buf = new byte[4096];
        int n = deflater.deflate(buf);
        chunk(png, "IDAT", java.util.Arrays.copyOf(buf, n));
        chunk(png, "IEND", new byte[0]);
        assertThatThrownBy(() -> UploadedFiles.check("bomba.png", png.toByteArray()))
                .hasMessageContaining("demasiado grande");
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
        out.write(new byte[] {(byte) (data.length >>> 24), (byte) (data.length >>> 16), (byte) (data.length >>> 8),
                (byte) data.length});
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        long c = crc.getValue();
        out.write(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
    }
}
