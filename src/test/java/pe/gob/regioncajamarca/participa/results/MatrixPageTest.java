package pe.gob.regioncajamarca.participa.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import pe.gob.regioncajamarca.participa.results.CycleResults.ProjectResult;
import pe.gob.regioncajamarca.participa.results.CycleResults.ScopeResult;

class MatrixPageTest {

    private static ScopeResult scopeWith(int projects) {
        List<ProjectResult> rows = IntStream.rangeClosed(1, projects).mapToObj(i -> new ProjectResult(i, "CUI" + i,
                "Proyecto " + i, "CHOTA", BigDecimal.TEN, "Agua", "Sede", BigDecimal.ONE, null, i, 0, i,
                BigDecimal.ONE, BigDecimal.ONE, i, i <= 3, "motivo")).toList();
        return new ScopeResult("CHOTA", "Chota", BigDecimal.valueOf(30), rows);
    }

    @Test
    void aSmallScopeIsShownWhole() {
        MatrixPage page = MatrixPage.of(scopeWith(12), 1, 50);
        assertThat(page.rows()).hasSize(12);
        assertThat(page.complete()).isTrue();
        assertThat(page.from()).isEqualTo(1);
        assertThat(page.to()).isEqualTo(12);
        assertThat(page.hasNext()).isFalse();
        assertThat(page.hasPrevious()).isFalse();
    }

    @Test
    void aLargeScopeIsShownAPageAtATimeWithItsTotalsOverAllProjects() {
        ScopeResult chota = scopeWith(450);
        MatrixPage first = MatrixPage.of(chota, 1, 200);
        assertThat(first.rows()).hasSize(200);
        assertThat(first.rows().get(0).rank()).isEqualTo(1);
        assertThat(first.complete()).isFalse();
        assertThat(first.hasNext()).isTrue();
        assertThat(first.hasPrevious()).isFalse();

        MatrixPage third = MatrixPage.of(chota, 3, 200); // places 401-450
        assertThat(third.from()).isEqualTo(401);
        assertThat(third.to()).isEqualTo(450);
        assertThat(third.rows()).hasSize(50);
        assertThat(third.rows().get(0).rank()).isEqualTo(401);
        assertThat(third.hasNext()).isFalse();
        assertThat(third.hasPrevious()).isTrue();
        // the scope's figures stay those of all 450 projects: 3 funded of S/ 10 each
        assertThat(third.scope().allocated()).isEqualByComparingTo("30");
        assertThat(third.scope().onlineVotes()).isEqualTo(450 * 451 / 2);
    }

    @Test
    void aPageOutOfRangeShowsTheNearestOneAndAnEmptyScopeNoRows() {
        assertThat(MatrixPage.of(scopeWith(450), 9, 200).from()).isEqualTo(401);
        assertThat(MatrixPage.of(scopeWith(450), -2, 200).from()).isEqualTo(1);
        MatrixPage empty = MatrixPage.of(scopeWith(0), 1, 50);
        assertThat(empty.rows()).isEmpty();
        assertThat(empty.from()).isZero();
        assertThat(empty.complete()).isTrue();
    }
}
