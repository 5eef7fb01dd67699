package pe.gob.regioncajamarca.participa.projects;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The region's provinces and districts (INEI ubigeo), as the portal's forms offer them. */
@Component
public class Territory {

    private final JdbcClient jdbc;

    public Territory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record District(String ubigeo, String name, String province) {
    }

    /** Every district of the region, by province then name. */
    public List<District> districts() {
        return jdbc.sql("SELECT d.ubigeo, d.name, p.name FROM district d JOIN province p ON p.code = d.province_code "
                        + "WHERE d.ubigeo LIKE '06%' ORDER BY p.name, d.name")
                .query((rs, i) -> new District(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /** The Spanish name of each scope, in the order of {@link Scopes#ALL}. */
    public java.util.Map<String, String> scopeNames() {
        java.util.Map<String, String> byScope = new java.util.HashMap<>();
        jdbc.sql("SELECT scope, name FROM province").query((rs, i) -> byScope.put(rs.getString(1), rs.getString(2)))
                .list();
        byScope.put(Scopes.MULTIPROVINCIAL, "Multiprovincial (impacto regional)");
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        Scopes.ALL.forEach(s -> names.put(s, byScope.getOrDefault(s, s)));
        return names;
    }

    /** The INEI code of each province's scope (CAJAMARCA → 0601); MULTIPROVINCIAL has none. */
    public java.util.Map<String, String> provinceCodes() {
        java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT scope, code FROM province WHERE code LIKE '06%' ORDER BY code")
                .query((rs, i) -> codes.put(rs.getString(1), rs.getString(2))).list();
        return codes;
    }

    /** A district with its province's scope. */
    public record ScopedDistrict(String ubigeo, String scope, String name) {
    }

    /** Every district with its province's scope (the demo's generated history). */
    public List<ScopedDistrict> scopedDistricts() {
        return jdbc.sql("SELECT d.ubigeo, p.scope, d.name FROM district d JOIN province p ON p.code = d.province_code")
                .query((rs, i) -> new ScopedDistrict(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /** The province code of every district, by ubigeo. */
    public java.util.Map<String, String> districtProvinces() {
        java.util.Map<String, String> byDistrict = new java.util.HashMap<>();
        jdbc.sql("SELECT ubigeo, province_code FROM district")
                .query((rs, i) -> byDistrict.put(rs.getString(1), rs.getString(2))).list();
        return byDistrict;
    }

    /** The province code of every province scope (every province row, of any region). */
    public java.util.Map<String, String> scopeCodes() {
        java.util.Map<String, String> codes = new java.util.HashMap<>();
        jdbc.sql("SELECT scope, code FROM province").query((rs, i) -> codes.put(rs.getString(1), rs.getString(2)))
                .list();
        return codes;
    }

    /** The province code of a district of the region, if it is one. */
    public Optional<String> provinceOf(String ubigeo) {
        return ubigeo == null ? Optional.empty() : jdbc.sql("SELECT province_code FROM district WHERE ubigeo = ?")
                .param(ubigeo).query(String.class).optional();
    }

    /** The name of every district, by ubigeo (127 rows: read whole, joined in memory by the callers). */
    public java.util.Map<String, String> districtNames() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        jdbc.sql("SELECT ubigeo, name FROM district").query((rs, i) -> names.put(rs.getString(1), rs.getString(2)))
                .list();
        return names;
    }

    /** The name of a province, if it exists. */
    public Optional<String> provinceName(String code) {
        return code == null ? Optional.empty() : jdbc.sql("SELECT name FROM province WHERE code = ?").param(code)
                .query(String.class).optional();
    }

    /** The name of a district, if it exists. */
    public Optional<String> districtName(String ubigeo) {
        return ubigeo == null ? Optional.empty() : jdbc.sql("SELECT name FROM district WHERE ubigeo = ?").param(ubigeo)
                .query(String.class).optional();
    }

    /** The name of every province by its code (codes without padding), in the order of the names. */
    public java.util.Map<String, String> provinceNames() {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT code, name FROM province ORDER BY name")
                .query((rs, i) -> names.put(rs.getString(1).strip(), rs.getString(2))).list();
        return names;
    }
}
