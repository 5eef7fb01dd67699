package pe.gob.regioncajamarca.participa.projects;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The executing units (table {@code executing_unit}); each has a Camunda group {@code unit-<code>}. */
@Service
public class ExecutingUnits {

    private final JdbcClient jdbc;

    ExecutingUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Unit(String code, String name, String groupId) {
    }

    /** Every unit, by code. */
    public List<Unit> all() {
        return jdbc.sql("SELECT code, name, group_id FROM executing_unit ORDER BY code")
                .query((rs, i) -> new Unit(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Every unit, by name. */
    public List<Unit> byName() {
        return jdbc.sql("SELECT code, name, group_id FROM executing_unit ORDER BY name")
                .query((rs, i) -> new Unit(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Every unit by code (the map iterates in code order). */
    public Map<String, Unit> byCode() {
        Map<String, Unit> units = new LinkedHashMap<>();
        all().forEach(u -> units.put(u.code(), u));
        return units;
    }

    /** The name of each unit, by code. */
    public Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        all().forEach(u -> names.put(u.code(), u.name()));
        return names;
    }

    public Optional<Unit> find(String code) {
        return code == null ? Optional.empty() : jdbc.sql("SELECT code, name, group_id FROM executing_unit WHERE code = ?")
                .param(code).query((rs, i) -> new Unit(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** Adds a unit unless it exists (demo data, reference data). */
    public void addIfMissing(String code, String name, String groupId) {
        jdbc.sql("INSERT INTO executing_unit (code, name, group_id) SELECT ?, ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM executing_unit WHERE code = ?)").params(code, name, groupId, code).update();
    }
}
