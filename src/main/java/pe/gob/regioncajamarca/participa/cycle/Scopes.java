package pe.gob.regioncajamarca.participa.cycle;

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

    private Scopes() {
    }

    public static boolean isValid(String scope) {
        return ALL.contains(scope);
    }
}
