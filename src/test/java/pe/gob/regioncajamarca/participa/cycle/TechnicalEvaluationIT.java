package pe.gob.regioncajamarca.participa.cycle;

import pe.gob.regioncajamarca.participa.documents.TabularFile;

import pe.gob.regioncajamarca.participa.projects.Scopes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/** A scope's evaluation matrix: every project once, 0-100, all or nothing. */
class TechnicalEvaluationIT extends ProcessTest {

    @Autowired ProgrammeImport programme;
    @Autowired TechnicalEvaluation evaluation;
    int year;

    @BeforeEach
    void programme() {
        year = freeYear();
        Map<String, BigDecimal> split = new HashMap<>();
        Scopes.ALL.forEach(s -> split.put(s, new BigDecimal("5000000")));
        cycleService.open(new OpenCycleCommand(year, new BigDecimal("70000000"), 5, split, List.of()), null);
        programme.load(year, "pmi.csv", """
                cui;nombre;ambito;distritos;costo;funcion;unidad_ejecutora
                9200001;Canal A;CHOTA;060401;800000;Agricultura;agricultura
                9200002;Camino B;CHOTA;060417;900000;Transporte;transportes
                9200003;Aula C;JAEN;060801;700000;Educación;educacion
                """.getBytes(StandardCharsets.UTF_8));
    }

    private BigDecimal score(String cui) {
        return jdbc.sql("SELECT technical_score FROM project WHERE cycle_year = ? AND cui = ?").params(year, cui)
                .query(BigDecimal.class).optional().orElse(null);
    }

    @Test
    void oneTaskPerScopeWithProjects() {
        assertThat(evaluation.scopesOf(year)).containsExactly("CHOTA", "JAEN");
    }

    @Test
    void aCompleteMatrixStoresEveryScoreAndComment() {
        int n = evaluation.load(year, "CHOTA", "chota.csv",
                "cui;puntaje;comentario\n9200001;81.25;Alta pertinencia\n9200002;64;\n".getBytes(StandardCharsets.UTF_8));
        assertThat(n).isEqualTo(2);
        assertThat(score("9200001")).isEqualByComparingTo("81.25");
        assertThat(jdbc.sql("SELECT technical_comment FROM project WHERE cycle_year = ? AND cui = '9200001'")
                .param(year).query(String.class).single()).isEqualTo("Alta pertinencia");
    }

    @Test
    void aMatrixWithProblemsIsRejectedWholeAndListsThem() {
        var e = catchThrowableOfType(TabularFile.RejectedFile.class, () -> evaluation.load(year, "CHOTA", "m.csv",
                "cui;puntaje;comentario\n9200001;120;\n9200001;50;\n9200003;70;\n9200002;x;\n"
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(e.problems()).extracting(TabularFile.Problem::toString).containsExactly(
                "Fila 2, columna puntaje: el puntaje debe estar entre 0 y 100 (hasta 2 decimales)",
                "Fila 3, columna cui: el CUI 9200001 se repite en la matriz",
                "Fila 4, columna cui: el CUI \"9200003\" no es un proyecto del ámbito CHOTA en el ciclo " + year,
                "Fila 5, columna puntaje: \"x\" no es un puntaje");
        var missing = catchThrowableOfType(TabularFile.RejectedFile.class, () -> evaluation.load(year, "CHOTA",
                "m.csv", "cui;puntaje;comentario\n9200001;70;\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(missing.getMessage()).contains("faltan los puntajes de 9200002");
        assertThat(score("9200001")).isNull();
    }
}
