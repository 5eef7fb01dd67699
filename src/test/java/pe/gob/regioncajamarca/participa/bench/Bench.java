package pe.gob.regioncajamarca.participa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * How a benchmark reports: its figure, the baseline measured in the same run on the same database, the ratio, the
 * target and whether it was met; printed and appended to {@code target/benchmarks.md} (a table row), so that
 * docs/performance.md is filled from what a run printed.
 */
final class Bench {

    private Bench() {
    }

    static void report(String name, String figure, String baseline, double ratio, String target, boolean met) {
        report(name, System.getProperty("participa.test.db", "h2"), figure, baseline, ratio, target, met);
    }

    /** A row whose database column says more than the database's kind (e.g. a fresh or a ten-year-old database). */
    static void report(String name, String db, String figure, String baseline, double ratio, String target,
                       boolean met) {
        String row = String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f | %s | %s |", name, db, figure, baseline,
                ratio, target, met ? "met" : "NOT met");
        System.out.println("BENCHMARK " + row);
        try {
            Path out = Path.of("target", "benchmarks.md");
            if (!Files.exists(out)) {
                Files.writeString(out, "| benchmark | database | figure | baseline (same run) | ratio | target | |\n"
                        + "|---|---|---|---|---|---|---|\n");
            }
            Files.writeString(out, row + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
