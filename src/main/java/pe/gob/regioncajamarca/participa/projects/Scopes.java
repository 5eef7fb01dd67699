package pe.gob.regioncajamarca.participa.projects;

import java.util.List;

/** The 14 scopes of a cycle: the 13 provinces of the region and MULTIPROVINCIAL (regional impact). */
public final class Scopes {

    public static final String MULTIPROVINCIAL = "MULTIPROVINCIAL";

    /** Province scopes in alphabetical order (domain.md, "Territory"). */
    public static final List<String> PROVINCES = List.of(
            "CAJABAMBA", "CAJAMARCA", "CELENDIN", "CHOTA", "CONTUMAZA", "CUTERVO", "HUALGAYOC",
            "JAEN", "SAN_IGNACIO", "SAN_MARCOS", "SAN_MIGUEL", "SAN_PABLO", "SANTA_CRUZ");

    public static final List<String> ALL = java.util.stream.Stream
            .concat(PROVINCES.stream(), java.util.stream.Stream.of(MULTIPROVINCIAL)).toList();

    private static final java.util.Map<String, String> LABELS = java.util.Map.ofEntries(
            java.util.Map.entry("CAJABAMBA", "Cajabamba"), java.util.Map.entry("CAJAMARCA", "Cajamarca"),
            java.util.Map.entry("CELENDIN", "Celendín"), java.util.Map.entry("CHOTA", "Chota"),
            java.util.Map.entry("CONTUMAZA", "Contumazá"), java.util.Map.entry("CUTERVO", "Cutervo"),
            java.util.Map.entry("HUALGAYOC", "Hualgayoc"), java.util.Map.entry("JAEN", "Jaén"),
            java.util.Map.entry("SAN_IGNACIO", "San Ignacio"), java.util.Map.entry("SAN_MARCOS", "San Marcos"),
            java.util.Map.entry("SAN_MIGUEL", "San Miguel"), java.util.Map.entry("SAN_PABLO", "San Pablo"),
            java.util.Map.entry("SANTA_CRUZ", "Santa Cruz"), java.util.Map.entry(MULTIPROVINCIAL, "Multiprovincial"));

    private Scopes() {
    }

    /** The scope as people write it ("Santa Cruz", "Jaén"); an unknown code as it is. */
    public static String label(String scope) {
        return scope == null ? null : LABELS.getOrDefault(scope, scope);
    }

    public static boolean isValid(String scope) {
        return ALL.contains(scope);
    }
}
