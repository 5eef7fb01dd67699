package pe.gob.regioncajamarca.participa.investments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the national investment system says of a project, as of the last import that changed it: the module's API for
 * the project pages, the monitoring round and open data. Source and date travel with the figures.
 */
@Service
public class NationalFigures {

    public static final String SOURCE = "Ministerio de Economía y Finanzas, Banco de Inversiones (Detalle de inversiones)";

    private final JdbcClient jdbc;

    NationalFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One investment's national figures; {@code importedAt} is when the import that last changed them ran. */
    public record National(String cui, String name, String ubigeo, String executingUnit, String state,
                           String situation, BigDecimal updatedCost, BigDecimal pimCurrentYear,
                           BigDecimal accruedCurrentYear, BigDecimal accruedBeforeYear, BigDecimal physicalProgress,
                           int figuresYear, Instant changedAt, Instant importedAt) {

        /** Accrued since the investment began (years before plus this one). */
        public BigDecimal accruedToDate() {
            return NationalFile.accruedToDate(accruedBeforeYear, accruedCurrentYear);
        }

        public String source() {
            return SOURCE;
        }
    }

    private static final String SELECT = """
            SELECT n.*, i.started_at AS imported_at FROM national_investment n
            JOIN national_investment_import i ON i.id = n.import_id""";

    private static final RowMapper<National> ROW = (rs, n) -> new National(rs.getString("cui"), rs.getString("name"),
            rs.getString("ubigeo"), rs.getString("executing_unit"), rs.getString("state"), rs.getString("situation"),
            rs.getBigDecimal("updated_cost"), rs.getBigDecimal("pim_current_year"),
            rs.getBigDecimal("accrued_current_year"), rs.getBigDecimal("accrued_before_year"),
            rs.getBigDecimal("physical_progress"), rs.getInt("figures_year"),
            rs.getTimestamp("changed_at").toInstant(), rs.getTimestamp("imported_at").toInstant());

    public Optional<National> of(String cui) {
        if (cui == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE n.cui = :cui").param("cui", cui.replaceFirst("^0+(?=\\d)", ""))
                .query(ROW).optional();
    }

    /**
     * The figures of several projects in one query (a monitoring round's tasks), by the CUI as given; a CUI the
     * national file does not have is absent. The same as {@link #of} for each.
     */
    public java.util.Map<String, National> of(java.util.Collection<String> cuis) {
        java.util.Map<String, java.util.List<String>> given = new java.util.HashMap<>();
        for (String cui : cuis) {
            if (cui != null) {
                given.computeIfAbsent(cui.replaceFirst("^0+(?=\\d)", ""), k -> new java.util.ArrayList<>()).add(cui);
            }
        }
        java.util.Map<String, National> out = new java.util.HashMap<>();
        java.util.List<String> keys = java.util.List.copyOf(given.keySet());
        for (int i = 0; i < keys.size(); i += 1000) {
            jdbc.sql(SELECT + " WHERE n.cui IN (:cuis)").param("cuis", keys.subList(i, Math.min(keys.size(), i + 1000)))
                    .query(ROW).list().forEach(n -> given.getOrDefault(n.cui(), java.util.List.of())
                            .forEach(cui -> out.put(cui, n)));
        }
        return out;
    }

    /** Every kept investment in CUI order, one at a time (open data's CSV streams them). */
    public void each(Consumer<National> each) {
        try (var rows = jdbc.sql(SELECT + " ORDER BY n.cui").query(ROW).stream()) {
            rows.forEach(each);
        }
    }

    public int count() {
        return jdbc.sql("SELECT COUNT(*) FROM national_investment").query(Integer.class).single();
    }
}
