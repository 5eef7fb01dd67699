package pe.gob.regioncajamarca.participa.ideas;

/**
 * The names of the variables of {@code project-idea-review}, in one place (the start in {@link IdeaService#submit},
 * the glue, the task subject). Each equals its field key in forms/evaluar-idea.form and the forms after it.
 */
public final class IdeaVariables {

    public static final String IDEA_ID = "ideaId";
    public static final String CODIGO = "codigo";
    public static final String TITULO = "titulo";
    public static final String PROVINCIA = "provincia";
    /** What "Evaluar idea de proyecto" shows (task-local, set on creation). */
    public static final String DESCRIPCION = "descripcion";
    public static final String TEMA = "tema";
    public static final String EJE = "eje";
    public static final String DISTRITO = "distrito";
    public static final String BENEFICIARIOS = "beneficiarios";
    public static final String MONTO = "monto";
    public static final String APOYOS = "apoyos";
    /** The assessment: {@code viable}, {@code fusionada}, ...; the public answer; the CUI merged into. */
    public static final String VIABLE = "viable";
    public static final String RESPUESTA_PUBLICA = "respuestaPublica";
    public static final String CUI_FUSION = "cuiFusion";
    /** "Incorporar idea a la cartera de inversiones": the CUI the idea got. */
    public static final String CUI_ASIGNADO = "cuiAsignado";

    private IdeaVariables() {
    }
}
