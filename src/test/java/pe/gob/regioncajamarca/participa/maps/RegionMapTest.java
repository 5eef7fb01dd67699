package pe.gob.regioncajamarca.participa.maps;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The region drawn from the INEI outlines: every province and district, shaded by value, named in each title. */
class RegionMapTest {

    private final RegionMap map = new RegionMap();

    @Test
    void drawsThe13ProvincesShadedByTheirValueWithANameAndFigureInEachTitle() {
        assertThat(map.provinceCodes()).hasSize(13).allMatch(c -> c.startsWith("06"));
        RegionMap.Drawing d = map.provinces(Map.of(
                "0601", new RegionMap.Value(new BigDecimal("85.2"), "85.2 % ejecutado"),
                "0608", new RegionMap.Value(new BigDecimal("10"), "10.0 % ejecutado")), "Ejecución por provincia");
        assertThat(d.shapes()).hasSize(13).allMatch(s -> s.path().startsWith("M") && s.path().endsWith("Z"));
        assertThat(d.shapes()).anySatisfy(s -> {
            assertThat(s.title()).isEqualTo("Cajamarca: 85.2 % ejecutado");
            assertThat(s.fill()).isEqualTo(RegionMap.SHADES.get(4));
        }).anySatisfy(s -> {
            assertThat(s.title()).isEqualTo("Jaén: 10.0 % ejecutado");
            assertThat(s.fill()).isEqualTo(RegionMap.SHADES.get(0));
        }).anySatisfy(s -> {
            assertThat(s.title()).isEqualTo("San Ignacio: sin datos");
            assertThat(s.fill()).isEqualTo(RegionMap.NO_DATA);
        });
        assertThat(d.labels()).extracting(RegionMap.Label::text).contains("Cajamarca", "Santa Cruz", "Celendín");
        assertThat(d.viewBox()).matches("0 0 600 \\d+");
        int size = d.shapes().stream().mapToInt(s -> s.path().length()).sum();
        assertThat(size).as("small enough for a phone on a slow line").isLessThan(30_000);
    }

    @Test
    void drawsThe127DistrictsWithAProjectsOwnMarked() {
        assertThat(map.districtCodes()).hasSize(127);
        RegionMap.Drawing d = map.districts(Set.of("060101", "060106"), "Distritos beneficiados");
        assertThat(d.shapes()).filteredOn(s -> s.title().endsWith("(beneficiado)")).hasSize(2)
                .allMatch(s -> s.fill().equals(RegionMap.HIGHLIGHT));
        assertThat(d.shapes()).hasSize(127 + 13);
    }

    @Test
    void theShadeStepsBy20PerCent() {
        assertThat(RegionMap.shade(new BigDecimal("0"))).isEqualTo(RegionMap.SHADES.get(0));
        assertThat(RegionMap.shade(new BigDecimal("19.9"))).isEqualTo(RegionMap.SHADES.get(0));
        assertThat(RegionMap.shade(new BigDecimal("20"))).isEqualTo(RegionMap.SHADES.get(1));
        assertThat(RegionMap.shade(new BigDecimal("79.9"))).isEqualTo(RegionMap.SHADES.get(3));
        assertThat(RegionMap.shade(new BigDecimal("100"))).isEqualTo(RegionMap.SHADES.get(4));
        assertThat(RegionMap.shade(new BigDecimal("140"))).isEqualTo(RegionMap.SHADES.get(4));
    }
}
