package pe.gob.regioncajamarca.participa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.testsupport.ParticipaIntegrationTest;

/** The territory of the Cajamarca region as INEI codes it: 13 provinces, 127 districts; units with their groups. */
@ParticipaIntegrationTest
class ReferenceDataIT {

    @Autowired JdbcClient jdbc;

    @Test
    void thirteenProvincesAndTheirDistricts() {
        Map<String, Integer> perProvince = new LinkedHashMap<>();
        jdbc.sql("SELECT province_code, COUNT(*) FROM district WHERE ubigeo LIKE '06%' AND province_code <> '0699' "
                        + "GROUP BY province_code ORDER BY province_code")
                .query((rs, i) -> perProvince.put(rs.getString(1), rs.getInt(2))).list();
        assertThat(perProvince).containsExactly(Map.entry("0601", 12), Map.entry("0602", 4), Map.entry("0603", 12),
                Map.entry("0604", 19), Map.entry("0605", 8), Map.entry("0606", 15), Map.entry("0607", 3),
                Map.entry("0608", 12), Map.entry("0609", 7), Map.entry("0610", 7), Map.entry("0611", 13),
                Map.entry("0612", 4), Map.entry("0613", 11));
        assertThat(perProvince.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(127);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM district WHERE SUBSTRING(ubigeo, 1, 4) <> province_code")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT name FROM district WHERE ubigeo = '060106'").query(String.class).single())
                .isEqualTo("Jesús");
        assertThat(jdbc.sql("SELECT scope FROM province WHERE code <> '0699' ORDER BY scope").query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(Scopes.PROVINCES);
    }

    @Test
    void everyExecutingUnitHasItsGroup() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM executing_unit WHERE group_id <> CONCAT('unit-', code)")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT group_id FROM executing_unit WHERE code = 'sede-central'").query(String.class)
                .single()).isEqualTo("unit-sede-central");
    }
}
