package pe.gob.regioncajamarca.participa.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.gob.regioncajamarca.participa.cycle.OpenCycleCommand;
import pe.gob.regioncajamarca.participa.cycle.ProgrammeImport;
import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Benchmark 5 of issue 10: a PMI file of 10,000 rows validated and stored (baseline: the same database's plain
 * JDBC batch insert of 10,000 rows in one transaction, same run), and a file of 100,000 rows whose last row is bad,
 * rejected whole with the heap it took.
 */
class ImportBenchmark extends ProcessTest {

    @Autowired ProgrammeImport programme;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
    @Autowired javax.sql.DataSource dataSource;

    private int openCycle() {
        int year = freeYear();
        Map<String, BigDecimal> split = new HashMap<>();
        Scopes.ALL.forEach(s -> split.put(s, new BigDecimal("500000000")));
        cycleService.open(new OpenCycleCommand(year, new BigDecimal("500000000").multiply(BigDecimal.valueOf(split.size())),
                5, split, List.of()), null);
        return year;
    }

    private byte[] file(int rows, boolean badLast) {
        Map<String, String> districtOf = new HashMap<>();
        jdbc.sql("SELECT p.scope, MIN(d.ubigeo) FROM district d JOIN province p ON p.code = d.province_code GROUP BY p.scope")
                .query((rs, i) -> districtOf.put(rs.getString(1), rs.getString(2))).list();
        List<String> provinces = new ArrayList<>(Scopes.PROVINCES);
        StringBuilder csv = new StringBuilder("cui;nombre;ambito;distritos;costo;funcion;unidad_ejecutora\n");
        for (int i = 0; i < rows; i++) {
            String scope = provinces.get(i % provinces.size());
            String cost = badLast && i == rows - 1 ? "-5" : String.valueOf(100000 + i);
            csv.append(1000000 + i).append(";Mejoramiento del camino vecinal tramo ").append(i).append(';').append(scope)
                    .append(';').append(districtOf.get(scope)).append(';').append(cost).append(";Transporte;sede-central\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    @Test
    void tenThousandRowsAndAHundredThousandWithTheLastOneBad() {
        int year = openCycle();
        byte[] tenThousand = file(10_000, false);

        jdbc.sql("CREATE TABLE bench_rows (cui VARCHAR(7), name VARCHAR(500), cost NUMERIC(15,2))").update();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(new Object[] {String.valueOf(1000000 + i), "Mejoramiento del camino vecinal tramo " + i,
                    new BigDecimal(100000 + i)});
        }
        var template = new org.springframework.transaction.support.TransactionTemplate(transactions);
        var jdbcTemplate = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        long t0 = System.nanoTime();
        template.executeWithoutResult(s -> jdbcTemplate.batchUpdate("INSERT INTO bench_rows VALUES (?, ?, ?)", rows));
        long baseline = System.nanoTime() - t0;
        jdbc.sql("DROP TABLE bench_rows").update();

        long t1 = System.nanoTime();
        ProgrammeImport.Result result = programme.load(year, "pmi-10000.csv", tenThousand);
        long load = System.nanoTime() - t1;
        assertThat(result.inserted()).isEqualTo(10_000);
        Bench.report("PMI import, 10,000 rows validated and stored", String.format("%.2f s", Bench.seconds(load)),
                String.format("%.2f s (plain JDBC batch insert of 10,000 rows)", Bench.seconds(baseline)),
                (double) load / baseline, "< 5 s", Bench.seconds(load) < 5);

        int other = openCycle();
        byte[] hundredThousand = file(100_000, true);
        System.gc();
        resetPeaks();
        long before = heapPeak();
        long t2 = System.nanoTime();
        assertThatThrownBy(() -> programme.load(other, "pmi-100000.csv", hundredThousand))
                .hasMessageContaining("Fila 100001");
        long reject = System.nanoTime() - t2;
        long peak = heapPeak();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM project WHERE cycle_year = ?").param(other).query(Integer.class)
                .single()).isZero();
        Bench.report("PMI file of 100,000 rows, last row bad: rejected, nothing stored",
                String.format("%.2f s, heap peak %d MB of -Xmx%d MB (file %.1f MB)", Bench.seconds(reject),
                        peak / (1 << 20), Runtime.getRuntime().maxMemory() / (1 << 20), hundredThousand.length / 1048576.0),
                String.format("heap before %d MB", before / (1 << 20)), (double) peak / Math.max(1, before),
                "rejected without running out of memory (-Xmx512m)", Runtime.getRuntime().maxMemory() <= 512L * (1 << 20));
    }
}
