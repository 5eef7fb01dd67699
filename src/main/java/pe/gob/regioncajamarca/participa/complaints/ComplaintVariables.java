package pe.gob.regioncajamarca.participa.complaints;

/**
 * The names of the variables of {@code complaint-handling}, in one place (the start in {@link ComplaintService},
 * the glue). Each equals its field key in the forms (forms/derivar-solicitud.form, ...) or the variable the model
 * and the DMN {@code plazo-atencion} read.
 */
public final class ComplaintVariables {

    public static final String CODIGO = "codigo";
    /** The kind routes the process and picks the legal term in {@code plazo-atencion}. */
    public static final String TIPO = "tipo";
    public static final String TIPO_TEXTO = "tipoTexto";
    public static final String ASUNTO = "asunto";
    public static final String DESCRIPCION = "descripcion";
    public static final String CUI = "cui";
    /** The deadline in force (a date), and the end of the window in which an extension may be decided. */
    public static final String FECHA_LIMITE = "fechaLimite";
    public static final String FECHA_LIMITE_PRORROGA = "fechaLimiteProrroga";
    /** "Derivar solicitud": the office or unit that answers. */
    public static final String GRUPO_RESPONSABLE = "grupoResponsable";
    /** "Responder solicitud". */
    public static final String RESPUESTA = "respuesta";
    /** "Decidir prórroga del plazo": {@code SI} or {@code NO}, the new date and the reason. */
    public static final String PRORROGAR = "prorrogar";
    public static final String NUEVA_FECHA_LIMITE = "nuevaFechaLimite";
    public static final String MOTIVO_PRORROGA = "motivoProrroga";

    private ComplaintVariables() {
    }
}
