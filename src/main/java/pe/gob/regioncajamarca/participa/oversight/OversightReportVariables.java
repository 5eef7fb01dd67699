package pe.gob.regioncajamarca.participa.oversight;

/**
 * The names of the variables of {@code oversight-report}, in one place (the start in {@link OversightReports}, the
 * glue). Each equals its field key in the forms (forms/revisar-reporte-vigilancia.form, ...) or the variable the
 * model reads.
 */
public final class OversightReportVariables {

    public static final String CODIGO = "codigo";
    public static final String CUI = "cui";
    public static final String UNIDAD = "unidad";
    /** The executing unit's group: candidate of "Presentar descargo". */
    public static final String GRUPO_UNIDAD = "grupoUnidad";
    public static final String RESUMEN = "resumen";
    public static final String VERIFICACION = "verificacion";
    public static final String ALERTA = "alerta";
    public static final String ALERTA_TEXTO = "alertaTexto";
    public static final String ARCHIVOS = "archivos";
    /** "Revisar reporte": planning's analysis and whether the unit must answer ({@code si}/{@code no}). */
    public static final String ANALISIS = "analisis";
    public static final String REQUIERE_DESCARGO = "requiereDescargo";
    /** "Presentar descargo". */
    public static final String DESCARGO = "descargo";
    /** "Responder al comité": the answer and whether the alert was confirmed ({@code si}/{@code no}). */
    public static final String RESPUESTA = "respuesta";
    public static final String ALERTA_CONFIRMADA = "alertaConfirmada";

    private OversightReportVariables() {
    }
}
