package pe.gob.regioncajamarca.participa.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The projects of a cycle as the portal lists them: searched by name or CUI and filtered by scope, sector and cost,
 * a page at a time (a cycle may hold thousands). Scores and the result are shown only once published.
 */
@Service
public class ProjectCatalogue {

    public static final int PAGE_SIZE = 25;

    private final JdbcClient jdbc;

    public ProjectCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Filter(String text, String scope, String sector, BigDecimal minCost, BigDecimal maxCost,
                         boolean onlyPrioritised, int page) {
    }

    public record Row(String cui, String name, String scope, BigDecimal cost, String sector, String unitName,
                      BigDecimal totalScore, Boolean prioritized, String executionStatus, BigDecimal physicalProgress) {
    }

    public record Page(List<Row> rows, int total, int page, int pages) {
    }

    public Page search(int year, Filter f) {
        StringBuilder where = new StringBuilder(" WHERE p.cycle_year = :year");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("year", year);
        if (f.text() != null && !f.text().isBlank()) {
            where.append(" AND (LOWER(p.name) LIKE :text OR p.cui = :cui)");
            String t = f.text().strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_");
            params.put("text", "%" + t + "%");
            params.put("cui", f.text().strip());
        }
        if (f.scope() != null && !f.scope().isBlank()) {
            where.append(" AND p.scope = :scope");
            params.put("scope", f.scope());
        }
        if (f.sector() != null && !f.sector().isBlank()) {
            where.append(" AND p.sector = :sector");
            params.put("sector", f.sector());
        }
        if (f.minCost() != null) {
            where.append(" AND p.cost >= :min");
            params.put("min", f.minCost());
        }
        if (f.maxCost() != null) {
            where.append(" AND p.cost <= :max");
            params.put("max", f.maxCost());
        }
        if (f.onlyPrioritised()) {
            where.append(" AND p.prioritized = TRUE");
        }
        int total = jdbc.sql("SELECT COUNT(*) FROM project p" + where).params(params).query(Integer.class).single();
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(1, f.page()), pages);
        List<Row> rows = jdbc.sql("""
                SELECT p.cui, p.name, p.scope, p.cost, p.sector, u.name, p.total_score, p.prioritized, p.execution_status,
                  (SELECT r.physical_progress FROM monitoring_report r WHERE r.project_id = p.id AND r.status = 'REPORTADO'
                   ORDER BY r.quarter DESC FETCH FIRST 1 ROWS ONLY)
                FROM project p JOIN executing_unit u ON u.code = p.executing_unit""" + where
                + " ORDER BY p.scope, p.name, p.cui LIMIT " + PAGE_SIZE + " OFFSET " + (page - 1) * PAGE_SIZE)
                .params(params)
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), (Boolean) rs.getObject(8),
                        rs.getString(9), rs.getBigDecimal(10))).list();
        return new Page(rows, total, page, pages);
    }

    /** The sectors (functions) of a cycle's projects, for the filter. */
    public List<String> sectors(int year) {
        return new ArrayList<>(jdbc.sql("SELECT DISTINCT sector FROM project WHERE cycle_year = ? ORDER BY sector")
                .param(year).query(String.class).list());
    }

    public boolean hasProjects(int year) {
        return jdbc.sql("SELECT COUNT(*) FROM project WHERE cycle_year = ?").param(year).query(Integer.class).single() > 0;
    }
}
