package pe.gob.regioncajamarca.participa.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.monitoring.Quarter;

/**
 * The demo's generated history (the ten earlier cycles) and the programme file docs/ejemplos/pmi-demo-100.csv:
 * deterministic, every scope, MULTIPROVINCIAL projects of regional impact, execution that progresses plausibly.
 * With {@code -Ddemo.writePmi=true} it writes the programme file (after a change to the generator).
 */
class DemoHistoryTest {

    static final Path PMI = Path.of("docs/ejemplos/pmi-demo-100.csv");

    static List<DemoHistory.District> territory() throws Exception {
        String sql = Files.readString(Path.of("src/main/resources/db/migration/V2__territory_and_units.sql"));
        Map<String, String> scopes = new HashMap<>();
        Matcher p = Pattern.compile("\\('(06\\d{2})', '[^']*', '([A-Z_]+)'\\)").matcher(sql);
        while (p.find()) {
            scopes.put(p.group(1), p.group(2));
        }
        List<DemoHistory.District> out = new ArrayList<>();
        Matcher d = Pattern.compile("\\('(06\\d{4})', '(06\\d{2})', '([^']*)'\\)").matcher(sql);
        while (d.find()) {
            out.add(new DemoHistory.District(d.group(1), scopes.get(d.group(2)), d.group(3)));
        }
        assertThat(out).hasSize(127);
        return out;
    }

    static String pmiContent() throws Exception {
        return DemoHistory.programmeCsv(new DemoHistory(territory()).programme(100, 2620001, 100L));
    }

    @Test
    void tenCyclesOfProjectsOverEveryScopeWithPlausibleExecution() throws Exception {
        List<DemoHistory.District> territory = territory();
        Map<String, String> scopeOf = new HashMap<>();
        territory.forEach(d -> scopeOf.put(d.ubigeo(), d.scope()));
        DemoHistory generator = new DemoHistory(territory);
        Set<String> taken = new HashSet<>(Set.of("2234235", "2417734"));
        Quarter last = new Quarter(2026, 2);
        Map<String, Integer> statuses = new HashMap<>();
        int gaps = 0;
        for (int year = 2016; year <= 2025; year++) {
            List<DemoHistory.Project> projects = generator.projects(year, taken);
            assertThat(projects.size()).isBetween(15, 25);
            assertThat(projects.stream().map(DemoHistory.Project::scope).distinct()).containsAll(Scopes.ALL);
            assertThat(generator.projects(year, new HashSet<>())).as("deterministic").isEqualTo(projects);
            for (DemoHistory.Project p : projects) {
                assertThat(p.cui()).matches("[0-9]{7}");
                if (Scopes.MULTIPROVINCIAL.equals(p.scope())) {
                    assertThat(p.cost()).isGreaterThanOrEqualTo(new BigDecimal("3000000"));
                    assertThat(p.districts()).hasSizeGreaterThanOrEqualTo(3);
                    assertThat(p.districts().stream().map(scopeOf::get).distinct().count()).isGreaterThanOrEqualTo(2);
                } else {
                    assertThat(p.districts()).allMatch(d -> p.scope().equals(scopeOf.get(d)));
                }
                List<String> rows = DemoHistory.progress(p, last, null);
                BigDecimal before = BigDecimal.ZERO;
                Quarter previous = null;
                for (String row : rows) {
                    String[] f = row.split(",");
                    Quarter q = Quarter.parse(f[2]);
                    assertThat(q.year()).isGreaterThan(year);
                    assertThat(q).isLessThanOrEqualTo(last);
                    if (previous != null && !q.equals(previous.next())) {
                        gaps++;
                    }
                    previous = q;
                    BigDecimal physical = new BigDecimal(f[3]);
                    assertThat(physical).isBetween(before, new BigDecimal("100"));
                    before = physical;
                    assertThat(new BigDecimal(f[4])).isLessThanOrEqualTo(p.cost());
                    assertThat(new BigDecimal(f[5]).signum()).isPositive();
                }
                String end = rows.isEmpty() ? "SIN_REPORTE" : rows.get(rows.size() - 1).split(",")[6];
                statuses.merge(end, 1, Integer::sum);
            }
        }
        assertThat(statuses).containsKeys("CONCLUIDO", "EN_EJECUCION", "PARALIZADO", "NO_INICIADO");
        assertThat(gaps).as("some quarters without report").isPositive();
    }

    @Test
    void aKnownEndingIsKept() {
        DemoHistory.Project p = new DemoHistory.Project(2024, "240372", null, null, List.of(),
                new BigDecimal("1780000.00"), null, null);
        for (var fate : DemoHistory.Fate.values()) {
            for (Quarter last : List.of(new Quarter(2025, 1), new Quarter(2025, 2), new Quarter(2026, 2))) {
                List<String> rows = DemoHistory.progress(p, last, fate);
                String end = rows.get(rows.size() - 1).split(",")[6];
                String expected = switch (fate) {
                    case COMPLETED -> "CONCLUIDO";
                    case IN_EXECUTION -> "EN_EJECUCION";
                    case PARALYSED -> last.equals(new Quarter(2025, 1)) ? end : "PARALIZADO";
                    case NEVER_STARTED -> "NO_INICIADO";
                };
                assertThat(end).as(fate + " " + last + " " + rows).isEqualTo(expected);
            }
        }
    }

    @Test
    void theDemoProgrammeFileIsTheGeneratorsOwn() throws Exception {
        String content = pmiContent();
        if (Boolean.getBoolean("demo.writePmi")) {
            Files.writeString(PMI, content, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(PMI, StandardCharsets.UTF_8)).isEqualTo(content);
        List<String> lines = content.lines().skip(1).toList();
        assertThat(lines).hasSize(100);
        Set<String> scopes = new TreeSet<>();
        lines.forEach(l -> scopes.add(l.split(";")[2]));
        assertThat(scopes).containsAll(Scopes.ALL);
    }
}
