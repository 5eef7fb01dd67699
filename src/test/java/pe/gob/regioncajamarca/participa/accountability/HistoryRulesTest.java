package pe.gob.regioncajamarca.participa.accountability;

import pe.gob.regioncajamarca.participa.documents.TabularFile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import pe.gob.regioncajamarca.participa.accountability.HistoryRules.Context;
import pe.gob.regioncajamarca.participa.accountability.HistoryRules.RowProblem;
import pe.gob.regioncajamarca.participa.documents.TabularFile.Line;

/** The rules of a row of the history files, without a database. */
class HistoryRulesTest {

    static final Context CTX = new Context(2026, "2026-Q2", Map.of("060106", "0601", "060401", "0604"),
            Map.of("CAJAMARCA", "0601", "CHOTA", "0604"), Set.of("sede-central"));

    static Line line(String... kv) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            values.put(kv[i], kv[i + 1]);
        }
        return new Line(2, values);
    }

    @Test
    void aProjectRowIsNormalised() {
        List<RowProblem> problems = new ArrayList<>();
        var p = HistoryRules.project(line("ciclo", "2016", "cui", " 2324969 ", "nombre", "La Colpa", "ambito", "Cajamarca",
                "distritos", "060106", "costo", "S/ 4,850,000", "funcion", "Educación", "unidad_ejecutora", "Sede-Central"),
                CTX, problems);
        assertThat(problems).isEmpty();
        assertThat(p.key()).isEqualTo("2016:2324969");
        assertThat(p.scope()).isEqualTo("CAJAMARCA");
        assertThat(p.unit()).isEqualTo("sede-central");
        assertThat(p.cost()).isEqualByComparingTo("4850000.00");
        assertThat(p.canonical()).isEqualTo("2016|2324969|La Colpa|CAJAMARCA|060106|4850000.00|Educación|sede-central");
    }

    @Test
    void theWindowIsTheTenYearsBeforeTheCurrentOne() {
        for (String year : List.of("2015", "2026", "20x6")) {
            List<RowProblem> problems = new ArrayList<>();
            HistoryRules.project(line("ciclo", year, "cui", "1", "nombre", "x", "ambito", "CHOTA", "distritos", "060401",
                    "costo", "1", "funcion", "x", "unidad_ejecutora", "sede-central"), CTX, problems);
            assertThat(problems).extracting(RowProblem::column).containsExactly("ciclo");
        }
    }

    @Test
    void progressRowsAreCheckedAgainstTheCycleAndToday() {
        List<RowProblem> problems = new ArrayList<>();
        var g = HistoryRules.progress(line("ciclo", "2024", "cui", "2324969", "trimestre", "2025q1",
                "avance_fisico", "45,5%".replace(",", "."), "devengado", "1,000.50", "pim", "2000", "estado", "en ejecucion"),
                CTX, problems);
        assertThat(problems).isEmpty();
        assertThat(g.quarter()).isEqualTo("2025-Q1");
        assertThat(g.status()).isEqualTo("EN_EJECUCION");
        assertThat(g.canonical()).isEqualTo("45.50|1000.50|2000.00|EN_EJECUCION");
    }

    @Test
    void quartersFormulasAndScopes() {
        assertThat(HistoryRules.quarter("2019-Q4")).isEqualTo("2019-Q4");
        assertThat(HistoryRules.quarter("2019Q5")).isNull();
        assertThat(HistoryRules.formula("=1+1")).isTrue();
        assertThat(HistoryRules.formula("@SUM")).isTrue();
        assertThat(HistoryRules.formula("Canal")).isFalse();
        assertThat(HistoryRules.scope("San Ignacio")).isEqualTo("SAN_IGNACIO");
        assertThat(HistoryRules.scope("Celendín")).isEqualTo("CELENDIN");
        assertThat(HistoryRules.digest("a")).isEqualTo(HistoryRules.digest("a")).isNotEqualTo(HistoryRules.digest("b"));
    }
}
