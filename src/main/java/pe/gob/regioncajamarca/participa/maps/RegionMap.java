package pe.gob.regioncajamarca.participa.maps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * The region drawn as SVG on the server, from the INEI outlines of its 13 provinces and 127 districts
 * ({@code classpath:geo/}, MPL-2.0, see {@code geo/NOTICE.md}): no script, no tiles, no outside request, a few
 * kilobytes that a phone on a slow connection shows at once (written by the template {@code fragments/mapa}). Provinces are shaded by a value (execution, in per cent)
 * in five steps that read apart in grey too; each shape has a {@code <title>} with its name and value, and the pages
 * put a table of the same figures beside the map for screen readers.
 */
@Component
public class RegionMap {

    /** The shades, light to dark, for 0–20, 20–40, 40–60, 60–80 and 80–100 %; {@link #NO_DATA} for none. */
    public static final List<String> SHADES = List.of("#e5f5e0", "#a1d99b", "#74c476", "#31a354", "#006d2c");
    public static final String NO_DATA = "#f0f0f0";
    static final String HIGHLIGHT = "#d95f0e";
    private static final double WIDTH = 600;

    /** One outline: its INEI code, its name as written by INEI, its SVG path and where its label goes. */
    record Shape(String code, String name, String path, double labelX, double labelY, double area) {
    }

    private final Map<String, Shape> provinces;
    private final Map<String, Shape> districts;
    private final double height;

    public RegionMap() {
        JsonNode prov = read("geo/cajamarca-provincias.geojson");
        JsonNode dist = read("geo/cajamarca-distritos.geojson");
        Bounds b = new Bounds();
        prov.get("features").forEach(f -> b.add(f.get("geometry")));
        this.height = Math.ceil(WIDTH * b.heightOverWidth());
        this.provinces = shapes(prov, "FIRST_IDPR", "NOMBPROV", b);
        this.districts = shapes(dist, "IDDIST", "NOMBDIST", b);
    }

    /** A province's value: the shade comes from {@code percent} (null: no data), {@code label} goes in its title. */
    public record Value(BigDecimal percent, String label) {
    }

    /** One shape as drawn: its outline, fill and stroke, and the title a pointer or a screen reader gets. */
    public record ShapeView(String path, String fill, String stroke, String strokeWidth, String title) {
    }

    /** A name written on the map. */
    public record Label(String x, String y, int size, String text) {
    }

    /**
     * A map ready for the template {@code fragments/mapa :: svg(drawing)}, which writes it as inline SVG with every
     * text escaped (no {@code th:utext}).
     */
    public record Drawing(String id, String viewBox, String title, List<ShapeView> shapes, List<Label> labels) {
    }

    /**
     * The 13 provinces shaded by {@code values} (province INEI code → value); {@code title} names the map for
     * assistive technology.
     */
    public Drawing provinces(Map<String, Value> values, String title) {
        List<ShapeView> shapes = new ArrayList<>();
        for (Shape s : provinces.values()) {
            Value v = values.get(s.code());
            String fill = v == null || v.percent() == null ? NO_DATA : shade(v.percent());
            shapes.add(new ShapeView(s.path(), fill, "#333", "1",
                    pretty(s.name()) + (v == null ? ": sin datos" : ": " + v.label())));
        }
        return drawing(title, shapes, labels(provinces.values(), 22));
    }

    /** {@link #provinces} with values keyed by scope (CAJAMARCA ...), {@code codes} giving each scope's INEI code. */
    public Drawing provincesByScope(Map<String, Value> byScope, Map<String, String> codes, String title) {
        Map<String, Value> byCode = new LinkedHashMap<>();
        byScope.forEach((scope, v) -> {
            String code = codes.get(scope);
            if (code != null) {
                byCode.put(code, v);
            }
        });
        return provinces(byCode, title);
    }

    /** Every district of the region, those of {@code ubigeos} marked, the provinces outlined over them. */
    public Drawing districts(Set<String> ubigeos, String title) {
        List<ShapeView> shapes = new ArrayList<>();
        for (Shape s : districts.values()) {
            boolean mine = ubigeos.contains(s.code());
            shapes.add(new ShapeView(s.path(), mine ? HIGHLIGHT : "#f7f7f7", "#bbb", "0.5",
                    pretty(s.name()) + (mine ? " (beneficiado)" : "")));
        }
        for (Shape s : provinces.values()) {
            shapes.add(new ShapeView(s.path(), "none", "#555", "1.2", pretty(s.name())));
        }
        return drawing(title, shapes, labels(provinces.values(), 20));
    }

    private Drawing drawing(String title, List<ShapeView> shapes, List<Label> labels) {
        return new Drawing("mapa-" + Integer.toHexString(title.hashCode()), "0 0 " + (int) WIDTH + " " + (int) height,
                title, List.copyOf(shapes), labels);
    }

    private static List<Label> labels(Collection<Shape> shapes, int size) {
        List<Label> labels = new ArrayList<>();
        for (Shape s : shapes) {
            labels.add(new Label(fmt(s.labelX()), fmt(s.labelY()), size, pretty(s.name())));
        }
        return List.copyOf(labels);
    }

    /** The shade of a percentage, in five steps of 20. */
    public static String shade(BigDecimal percent) {
        int step = percent.signum() <= 0 ? 0 : Math.min(4, percent.intValue() / 20);
        return SHADES.get(step);
    }

    /** For the legends in templates ({@code @regionMap.shades()}): the shades, light to dark. */
    public List<String> shades() {
        return SHADES;
    }

    public String noData() {
        return NO_DATA;
    }

    public Set<String> provinceCodes() {
        return provinces.keySet();
    }

    public Set<String> districtCodes() {
        return districts.keySet();
    }



    /** "SAN IGNACIO" → "San Ignacio"; INEI writes without accents, the shape's title keeps its words. */
    static String pretty(String upper) {
        StringBuilder out = new StringBuilder();
        for (String w : upper.toLowerCase(Locale.ROOT).split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(w.length() <= 2 && out.length() > 0 ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return out.toString().replace("Jaen", "Jaén").replace("Celendin", "Celendín").replace("Contumaza", "Contumazá");
    }


    private static Map<String, Shape> shapes(JsonNode collection, String codeKey, String nameKey, Bounds b) {
        Map<String, Shape> out = new LinkedHashMap<>();
        List<JsonNode> features = new ArrayList<>();
        collection.get("features").forEach(features::add);
        features.sort((x, y) -> x.get("properties").get(codeKey).asText()
                .compareTo(y.get("properties").get(codeKey).asText()));
        for (JsonNode f : features) {
            String code = f.get("properties").get(codeKey).asText();
            String name = f.get("properties").get(nameKey).asText();
            JsonNode g = f.get("geometry");
            List<JsonNode> polygons = new ArrayList<>();
            if ("MultiPolygon".equals(g.get("type").asText())) {
                g.get("coordinates").forEach(polygons::add);
            } else {
                polygons.add(g.get("coordinates"));
            }
            StringBuilder d = new StringBuilder();
            double bestArea = -1;
            double lx = 0;
            double ly = 0;
            double total = 0;
            for (JsonNode polygon : polygons) {
                for (JsonNode ring : polygon) {
                    List<double[]> pts = new ArrayList<>();
                    for (JsonNode c : ring) {
                        double[] p = b.project(c.get(0).asDouble(), c.get(1).asDouble());
                        if (pts.isEmpty() || Math.hypot(p[0] - pts.get(pts.size() - 1)[0],
                                p[1] - pts.get(pts.size() - 1)[1]) >= 0.7) {
                            pts.add(p);
                        }
                    }
                    if (pts.size() < 3) {
                        continue;
                    }
                    d.append('M');
                    for (int i = 0; i < pts.size(); i++) {
                        if (i > 0) {
                            d.append('L');
                        }
                        d.append(fmt(pts.get(i)[0])).append(',').append(fmt(pts.get(i)[1]));
                    }
                    d.append('Z');
                    double[] c = centroid(pts);
                    total += Math.abs(c[2]);
                    if (Math.abs(c[2]) > bestArea) {
                        bestArea = Math.abs(c[2]);
                        lx = c[0];
                        ly = c[1];
                    }
                }
            }
            out.put(code, new Shape(code, name, d.toString(), lx, ly, total));
        }
        return out;
    }

    /** Centroid (x, y) and signed area of a closed ring (shoelace). */
    private static double[] centroid(List<double[]> pts) {
        double a = 0;
        double cx = 0;
        double cy = 0;
        for (int i = 0; i < pts.size(); i++) {
            double[] p = pts.get(i);
            double[] q = pts.get((i + 1) % pts.size());
            double cross = p[0] * q[1] - q[0] * p[1];
            a += cross;
            cx += (p[0] + q[0]) * cross;
            cy += (p[1] + q[1]) * cross;
        }
        a /= 2;
        if (Math.abs(a) < 1e-9) {
            return new double[] {pts.get(0)[0], pts.get(0)[1], 0};
        }
        return new double[] {cx / (6 * a), cy / (6 * a), a};
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = RegionMap.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("falta " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Longitude/latitude box of the region, projected equirectangularly with the cosine of its middle latitude. */
    private static final class Bounds {
        double minLon = Double.MAX_VALUE;
        double maxLon = -Double.MAX_VALUE;
        double minLat = Double.MAX_VALUE;
        double maxLat = -Double.MAX_VALUE;

        void add(JsonNode geometry) {
            walk(geometry.get("coordinates"));
        }

        private void walk(JsonNode n) {
            if (n.isArray() && n.size() >= 2 && n.get(0).isNumber()) {
                minLon = Math.min(minLon, n.get(0).asDouble());
                maxLon = Math.max(maxLon, n.get(0).asDouble());
                minLat = Math.min(minLat, n.get(1).asDouble());
                maxLat = Math.max(maxLat, n.get(1).asDouble());
            } else {
                n.forEach(this::walk);
            }
        }

        double cos() {
            return Math.cos(Math.toRadians((minLat + maxLat) / 2));
        }

        double heightOverWidth() {
            return (maxLat - minLat) / ((maxLon - minLon) * cos());
        }

        double[] project(double lon, double lat) {
            double scale = WIDTH / ((maxLon - minLon) * cos());
            return new double[] {(lon - minLon) * cos() * scale, (maxLat - lat) * scale};
        }
    }
}
