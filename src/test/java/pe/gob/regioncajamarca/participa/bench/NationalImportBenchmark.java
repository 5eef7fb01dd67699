package pe.gob.regioncajamarca.participa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import pe.gob.regioncajamarca.participa.investments.NationalFiles;
import pe.gob.regioncajamarca.participa.investments.NationalImports;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Issue 23: the Ministry's national file of 1,000,000 rows (the region's 2,000 among the rest, ~250 MB) imported through
 * the application's own path (NationalImports: stream, filter, compare, write in batches), against a baseline measured
 * in the same run on the same file: reading its lines with a plain BufferedReader and nothing else. Then the same
 * file again (nothing changes). Run with -Dit.heap=512m to hold the import to the memory of the issue.
 */
class NationalImportBenchmark extends ProcessTest {

    @Autowired NationalImports imports;

    private NationalImports.Import run(Path file) throws Exception {
        return NationalFiles.imported(imports, file, 10);
    }

    @Test
    void aMillionRowNationalFile(@TempDir Path dir) throws Exception {
        Path file = NationalFiles.write(dir.resolve("detalle.csv"), 1_000_000, 500, 4_000_000, 0);
        long t0 = System.nanoTime();
        long lines = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            while (r.readLine() != null) {
                lines++;
            }
        }
        long baseline = System.nanoTime() - t0;
        assertThat(lines).isEqualTo(1_000_001);

        long t1 = System.nanoTime();
        NationalImports.Import first = run(file);
        long importing = System.nanoTime() - t1;
        assertThat(first.status()).isEqualTo(NationalImports.Status.TERMINADA);
        assertThat(first.regionRows()).isEqualTo(2_000);

        long t2 = System.nanoTime();
        NationalImports.Import again = run(file);
        long reimport = System.nanoTime() - t2;
        assertThat(again.unchanged()).isEqualTo(2_000);

        long heapMb = Runtime.getRuntime().maxMemory() / 1024 / 1024;
        Bench.report("National file, 1,000,000 rows (2,000 of the region) imported", String.format(
                        "%.1f s (heap max %d MB, file %d MB)", Bench.seconds(importing), heapMb,
                        Files.size(file) / 1024 / 1024),
                String.format("%.1f s (the same file's lines read with a BufferedReader)", Bench.seconds(baseline)),
                (double) importing / baseline, "< 120 s", Bench.seconds(importing) < 120);
        Bench.report("The same national file again (nothing changes)", String.format("%.1f s", Bench.seconds(reimport)),
                String.format("%.1f s (first import)", Bench.seconds(importing)), (double) reimport / importing,
                "≤ first import", reimport <= importing * 1.2);
    }
}
