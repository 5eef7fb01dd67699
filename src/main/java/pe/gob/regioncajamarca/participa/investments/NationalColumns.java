package pe.gob.regioncajamarca.participa.investments;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column of the national file holds each figure. The Ministry's dataset names its columns (CODIGO_UNICO,
 * PIM_ANIO_ACTUAL ...) and may rename or move them between releases: columns are found by name, never by position, and
 * the names come from configuration ({@code participa.inversiones.columnas.*}), so a renamed column is a line of
 * configuration, not a release. A file that lacks a required column is refused with the names that are missing.
 */
final class NationalColumns {

    /** The figures read from the file; {@code required} ones must be present in the header. */
    public enum Field {
        CUI("cui", "CODIGO_UNICO", true),
        NAME("nombre", "NOMBRE_INVERSION", true),
        UBIGEO("ubigeo", "UBIGEO", true),
        UPDATED_COST("costo-actualizado", "COSTO_ACTUALIZADO", true),
        PIM("pim", "PIM_ANIO_ACTUAL", true),
        ACCRUED_YEAR("devengado-anio", "DEV_ANIO_ACTUAL", true),
        ACCRUED_BEFORE("devengado-anteriores", "DEVEN_ACUMUL_ANIO_ANT", true),
        STATE("estado", "ESTADO", false),
        SITUATION("situacion", "SITUACION", false),
        PHYSICAL_PROGRESS("avance-fisico", "AVANCE_FISICO", false),
        EXECUTING_UNIT("unidad-ejecutora", "NOMBRE_UEI", false);

        final String key;
        final String defaultHeader;
        final boolean required;

        Field(String key, String defaultHeader, boolean required) {
            this.key = key;
            this.defaultHeader = defaultHeader;
            this.required = required;
        }

        public String key() {
            return key;
        }
    }

    private final Map<Field, String> headers;

    private NationalColumns(Map<Field, String> headers) {
        this.headers = headers;
    }

    /** The Ministry's names (release of 2025-2026), changed per field by {@code overrides} (key → header). */
    public static NationalColumns of(Map<String, String> overrides) {
        Map<Field, String> headers = new EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            String configured = overrides == null ? null : overrides.get(f.key);
            headers.put(f, configured == null || configured.isBlank() ? f.defaultHeader : configured.trim());
        }
        return new NationalColumns(headers);
    }

    public static NationalColumns defaults() {
        return of(Map.of());
    }

    public String header(Field f) {
        return headers.get(f);
    }

    /** Field → its position in {@code header}, or the refusal that names every required column not found. */
    Map<Field, Integer> locate(List<String> header) throws NationalFile.RefusedFile {
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(normalise(header.get(i)), i);
        }
        Map<Field, Integer> found = new EnumMap<>(Field.class);
        List<String> missing = new ArrayList<>();
        for (Field f : Field.values()) {
            Integer at = byName.get(normalise(headers.get(f)));
            if (at != null) {
                found.put(f, at);
            } else if (f.required) {
                missing.add(headers.get(f) + " (" + f.key + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new NationalFile.RefusedFile("Al archivo le faltan columnas: " + String.join(", ", missing)
                    + ". Si el Ministerio las renombró, indique el nombre nuevo en participa.inversiones.columnas."
                    + " Columnas que sí tiene: " + String.join(", ", header.subList(0, Math.min(header.size(), 40)))
                    + (header.size() > 40 ? " …" : "") + ".");
        }
        return Collections.unmodifiableMap(found);
    }

    /** Case, accents, spaces and a byte-order mark do not matter when matching a header. */
    static String normalise(String name) {
        String s = name == null ? "" : name.replace("\uFEFF", "").trim();
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return s.toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }
}
