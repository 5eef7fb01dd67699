package pe.gob.regioncajamarca.participa.maps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The region drawn from the INEI outlines: every province and district, shaded by value, well-formed SVG. */
class RegionMapTest {

    private final RegionMap map = new RegionMap();

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    @Test
    void drawsThe13ProvincesShadedByTheirValueWithANameAndFigureInEachTitle() throws Exception {
        assertThat(map.provinceCodes()).hasSize(13).allMatch(c -> c.startsWith("06"));
        String svg = map.provinces(Map.of("0601", new RegionMap.Value(new BigDecimal("85.2"), "85.2 % ejecutado"),
                "0608", new RegionMap.Value(new BigDecimal("10"), "10.0 % ejecutado")), "Ejecución por provincia");
        Document doc = parse(svg);
        assertThat(doc.getElementsByTagName("path").getLength()).isEqualTo(13);
        assertThat(svg).contains("fill=\"" + RegionMap.SHADES.get(4) + "\" stroke=\"#333\" stroke-width=\"1\"><title>Cajamarca: 85.2 % ejecutado</title>")
                .contains("fill=\"" + RegionMap.SHADES.get(0) + "\" stroke=\"#333\" stroke-width=\"1\"><title>Jaén: 10.0 % ejecutado</title>")
                .contains("<title>San Ignacio: sin datos</title>")
                .contains("role=\"img\"");
        assertThat(svg.length()).as("small enough for a phone on a slow line").isLessThan(40_000);
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        Files.writeString(out.resolve("mapa-provincias.svg"), svg);
    }

    @Test
    void drawsThe127DistrictsWithAProjectsOwnMarked() throws Exception {
        assertThat(map.districtCodes()).hasSize(127);
        String svg = map.districts(Set.of("060101", "060106"), "Distritos beneficiados");
        parse(svg);
        assertThat(svg).contains("(beneficiado)");
        assertThat(svg.split("\\(beneficiado\\)", -1)).hasSize(3);
        Files.writeString(Path.of("target", "screenshots").resolve("mapa-distritos.svg"), svg);
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
