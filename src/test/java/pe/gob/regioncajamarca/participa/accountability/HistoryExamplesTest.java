package pe.gob.regioncajamarca.participa.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import pe.gob.regioncajamarca.participa.accountability.HistoryRules.Context;
import pe.gob.regioncajamarca.participa.accountability.HistoryRules.RowProblem;
import pe.gob.regioncajamarca.participa.cycle.ProgrammeImport;
import pe.gob.regioncajamarca.participa.documents.TabularFile;

/** The README's example files pass every rule (against the real territory), and 100,000 rows stream through. */
class HistoryExamplesTest {

    static Context context() throws Exception {
        String sql = Files.readString(Path.of("src/main/resources/db/migration/V2__territory_and_units.sql"));
        Map<String, String> districts = new HashMap<>();
        Matcher d = Pattern.compile("\\('(06\\d{4})', '(06\\d{2})'").matcher(sql);
        while (d.find()) {
            districts.put(d.group(1), d.group(2));
        }
        Map<String, String> scopes = new HashMap<>();
        Matcher p = Pattern.compile("\\('(06\\d{2})', '[^']*', '([A-Z_]+)'\\)").matcher(sql);
        while (p.find()) {
            scopes.put(p.group(2), p.group(1));
        }
        Set<String> units = new HashSet<>();
        Matcher u = Pattern.compile("\\('([a-z-]+)', '[^']*', 'unit-").matcher(sql);
        while (u.find()) {
            units.add(u.group(1));
        }
        assertThat(districts).hasSize(127);
        assertThat(scopes).hasSize(13);
        return new Context(2026, "2026-Q1", districts, scopes, units);
    }

    private static List<String> check(InputStream in, String name, List<String> columns, Context ctx, boolean projects,
                                      Set<String> keys) {
        List<TabularFile.Problem> fileProblems = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        TabularFile.forEach(name, in, columns, fileProblems, line -> {
            List<RowProblem> rp = new ArrayList<>();
            if (projects) {
                var row = HistoryRules.project(line, ctx, rp);
                if (row != null && !keys.add(row.key())) {
                    problems.add(line.row() + ": repetido " + row.key());
                }
            } else {
                var row = HistoryRules.progress(line, ctx, rp);
                if (row != null && !keys.contains(row.projectKey())) {
                    problems.add(line.row() + ": sin proyecto " + row.projectKey());
                }
            }
            rp.forEach(r -> problems.add(line.row() + ", " + r.column() + ": " + r.reason()));
        });
        fileProblems.forEach(f -> problems.add(f.toString()));
        return problems;
    }

    @Test
    void theExampleFilesPassEveryRule() throws Exception {
        Context ctx = context();
        Set<String> keys = new HashSet<>();
        try (InputStream in = Files.newInputStream(Path.of("docs/ejemplos/historial-proyectos.csv"))) {
            assertThat(check(in, "historial-proyectos.csv", HistoryImport.PROJECT_COLUMNS, ctx, true, keys)).isEmpty();
        }
        assertThat(keys).hasSize(13);
        try (InputStream in = Files.newInputStream(Path.of("docs/ejemplos/historial-avance.csv"))) {
            assertThat(check(in, "historial-avance.csv", HistoryImport.PROGRESS_COLUMNS, ctx, false, keys)).isEmpty();
        }
    }

    @Test
    void aHundredThousandRowsStreamThroughTheRules() throws Exception {
        Context ctx = context();
        StringBuilder sb = new StringBuilder(String.join(",", HistoryImport.PROJECT_COLUMNS)).append('\n');
        for (int i = 0; i < 100_000; i++) {
            sb.append(2016 + i % 10).append(',').append(1000000 + i)
                    .append(",Mejoramiento del camino vecinal tramo ").append(i).append(",CHOTA,060401|060403,")
                    .append(100000 + i).append(".50,Transporte,transportes\n");
        }
        Set<String> keys = new HashSet<>();
        long start = System.nanoTime();
        List<String> problems = check(new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)),
                "grande.csv", HistoryImport.PROJECT_COLUMNS, ctx, true, keys);
        assertThat(problems).isEmpty();
        assertThat(keys).hasSize(100_000);
        assertThat((System.nanoTime() - start) / 1_000_000_000).as("seconds").isLessThan(60);
    }
}
