package pe.gob.regioncajamarca.participa.accreditation;

/**
 * The names of the variables of {@code agent-accreditation}, in one place (the start in
 * {@link AccreditationService#register}, the glue). Each equals its field key in forms/revisar-acreditacion.form.
 */
public final class AccreditationVariables {

    public static final String REGISTRO_ID = "registroId";
    /** The cycle's year; the same name as in {@code participatory-budget-cycle}. */
    public static final String ANIO = "anio";
    public static final String EXPEDIENTE = "expediente";
    public static final String AGENTE = "agente";
    public static final String TIPO_DOCUMENTO = "tipoDocumento";
    public static final String DOCUMENTO = "documento";
    public static final String ORGANIZACION = "organizacion";
    public static final String DISTRITO = "distrito";
    /** "Revisar acreditación": {@code aprobar} or {@code rechazar}, and the reason of a rejection. */
    public static final String DECISION = "decision";
    public static final String MOTIVO_RECHAZO = "motivoRechazo";

    private AccreditationVariables() {
    }
}
