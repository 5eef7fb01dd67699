package pe.gob.regioncajamarca.participa.ledger;

import java.util.LinkedHashMap;
import java.util.Map;

/** The kinds of entry in the integrity ledger, and how the public page names them. */
public final class LedgerKinds {

    public static final String CYCLE_OPENED = "CICLO_ABIERTO";
    public static final String PHASE_CHANGED = "CAMBIO_DE_FASE";
    public static final String EARLY_CLOSE = "CIERRE_ANTICIPADO";
    public static final String ACCREDITED = "ACREDITACION";
    public static final String ACCREDITATION_REJECTED = "RECHAZO_DE_ACREDITACION";
    public static final String PROGRAMME_LOADED = "PROGRAMA_CARGADO";
    public static final String TECHNICAL_SCORES = "PUNTAJES_TECNICOS";
    public static final String VOTE = "VOTO";
    /** Typed workshop tallies of the model before V38 (no voter behind them): kept for cycles counted then. */
    public static final String WORKSHOP_TALLY = "ACTA_DE_TALLER";
    /** A paper ballot of a workshop counted (two matching entries): agent as a pseudonym, projects, who entered. */
    public static final String PAPER_BALLOT = "CEDULA_DE_TALLER";
    public static final String VOTES_COUNTED = "CONTEO_DE_VOTOS";
    public static final String PRIORITISATION = "PRIORIZACION";
    public static final String RESULTS_APPROVED = "APROBACION_DE_RESULTADOS";
    public static final String NEWS_PUBLISHED = "NOTICIA_PUBLICADA";
    public static final String NEWS_WITHDRAWN = "NOTICIA_RETIRADA";

    public static final Map<String, String> LABELS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(CYCLE_OPENED, "Apertura del ciclo");
        m.put(PHASE_CHANGED, "Cambio de fase");
        m.put(EARLY_CLOSE, "Cierre anticipado de una fase");
        m.put(ACCREDITED, "Acreditación de un agente");
        m.put(ACCREDITATION_REJECTED, "Inscripción de agente rechazada");
        m.put(PROGRAMME_LOADED, "Carga del programa de inversiones");
        m.put(TECHNICAL_SCORES, "Puntajes técnicos de un ámbito");
        m.put(VOTE, "Voto en línea");
        m.put(WORKSHOP_TALLY, "Acta de taller confirmada");
        m.put(PAPER_BALLOT, "Cédula en papel de un taller contada");
        m.put(VOTES_COUNTED, "Conteo final de votos");
        m.put(PRIORITISATION, "Resultado de la priorización");
        m.put(RESULTS_APPROVED, "Aprobación de resultados");
        m.put(NEWS_PUBLISHED, "Noticia publicada");
        m.put(NEWS_WITHDRAWN, "Noticia retirada");
        LABELS = java.util.Collections.unmodifiableMap(m);
    }

    private LedgerKinds() {
    }

    public static String label(String kind) {
        return LABELS.getOrDefault(kind, kind);
    }
}
