package pe.gob.regioncajamarca.participa.complaints;

/**
 * The names of the variables of {@code wrongdoing-report}, in one place (the start in {@link ComplaintService}, the
 * move of older reports in {@link LegacyWrongdoingReports}, the glue). Each equals its field key in
 * forms/atender-denuncia.form or the variable the model reads. The reporter's identity is never a variable.
 */
public final class WrongdoingVariables {

    public static final String CODIGO = "codigo";
    public static final String ASUNTO = "asunto";
    public static final String DESCRIPCION = "descripcion";
    public static final String CUI = "cui";
    /** The deadline, computed in the model (10 business days). */
    public static final String FECHA_LIMITE = "fechaLimite";
    /** "Atender denuncia": the outcome and the answer. */
    public static final String RESULTADO_DENUNCIA = "resultadoDenuncia";
    public static final String RESPUESTA = "respuesta";

    private WrongdoingVariables() {
    }
}
