package pe.gob.regioncajamarca.participa.results;

import java.util.List;

import pe.gob.regioncajamarca.participa.results.CycleResults.ProjectResult;
import pe.gob.regioncajamarca.participa.results.CycleResults.ScopeResult;

/**
 * The part of a scope's prioritisation matrix that one page shows. A cycle may have thousands of projects: the
 * results page shows each scope's first {@link #FIRST_ROWS} places (on a phone, on 3G, that is already a long
 * page), and a scope's own page shows it {@link #PAGE_ROWS} places at a time. The whole matrix is always in the
 * CSV and PDF downloads. The scope's totals (allocated, votes) are computed over all its projects, not the page.
 *
 * @param page 1-based; {@code from}/{@code to} are 1-based positions of the rows shown (to inclusive)
 */
public record MatrixPage(ScopeResult scope, List<ProjectResult> rows, int page, int from, int to, int total) {

    static final int FIRST_ROWS = 20;
    static final int PAGE_ROWS = 200;

    static MatrixPage of(ScopeResult scope, int page, int size) {
        int total = scope.projects().size();
        int pages = Math.max(1, (total + size - 1) / size);
        int p = Math.min(Math.max(page, 1), pages);
        int start = (p - 1) * size;
        int end = Math.min(total, start + size);
        return new MatrixPage(scope, scope.projects().subList(start, end), p, total == 0 ? 0 : start + 1, end, total);
    }

    public boolean complete() {
        return rows.size() == total;
    }

    public boolean hasNext() {
        return to < total;
    }

    public boolean hasPrevious() {
        return page > 1;
    }
}
