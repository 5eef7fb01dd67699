package pe.gob.regioncajamarca.participa.identity;

import java.util.LinkedHashMap;
import java.util.Map;

/** The staff groups of the contract (Camunda identity), with the names shown in the webapps. */
public final class StaffGroups {

    public static final String PLANNING = "planning";
    public static final String TECHNICAL_TEAM = "technical-team";
    public static final String REGIONAL_MANAGEMENT = "regional-management";
    public static final String OVERSIGHT_COMMITTEE = "oversight-committee";
    public static final String INTEGRITY_OFFICE = "integrity-office";
    public static final String COMMUNICATIONS = "communications";
    public static final String ADMINS = "camunda-admin";
    /**
     * Operators: may read the metrics at {@code /actuator/prometheus} and nothing else of the engine (no grant);
     * created at start beside the groups of {@link #NAMES}, which are the offices that work on tasks.
     */
    public static final String OPERATIONS = "operations";
    /** Executing units have one group each: this prefix plus the unit's code. */
    public static final String UNIT_PREFIX = "unit-";

    public static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put(PLANNING, "Sub Gerencia de Planeamiento y CTI");
        NAMES.put(TECHNICAL_TEAM, "Equipo Técnico");
        NAMES.put(REGIONAL_MANAGEMENT, "Gerencia General Regional");
        NAMES.put(OVERSIGHT_COMMITTEE, "Comité de Vigilancia");
        NAMES.put(INTEGRITY_OFFICE, "Oficina de Integridad");
        NAMES.put(COMMUNICATIONS, "Oficina de Comunicaciones");
        NAMES.put(ADMINS, "Administradores");
    }

    private StaffGroups() {
    }
}
