package pe.gob.regioncajamarca.participa.cycle;

/**
 * The names of the variables of {@code participatory-budget-cycle}, in one place: the glue, the start form's
 * command ({@link CycleForm}), the staff pages and other modules that start or read the process use these. Each
 * equals the key of its form field (forms/*.form, the embedded forms) or the variable the model reads.
 */
public final class CycleVariables {

    /** The cycle's year (start form). */
    public static final String ANIO = "anio";
    public static final String ASIGNACION = "asignacion";
    public static final String VOTOS_POR_AGENTE = "votosPorAgente";
    /** Prefix of each scope's envelope ({@code asignacion_PROVINCIAL}, ...). */
    public static final String ASIGNACION_AMBITO = "asignacion_";
    /** Suffixes of each phase window ({@code inscripcionDesde}, {@code votacionHasta}, ...). */
    public static final String DESDE = "Desde";
    public static final String HASTA = "Hasta";
    /** The cycle's phase, for Cockpit (the cycle table is the reference). */
    public static final String FASE = "fase";
    /** Why a window was closed early (shown on the task forms). */
    public static final String CIERRE_ANTICIPADO = "cierreAnticipado";
    /** "Cargar programa de inversiones": the uploaded file and how many projects it holds. */
    public static final String PROGRAMA = "programa";
    public static final String PROYECTOS_CARGADOS = "proyectosCargados";
    /** "Evaluar proyectos técnicamente": the task's scope (multi-instance element), its matrix and result. */
    public static final String AMBITO = "ambito";
    public static final String MATRIZ_EVALUACION = "matrizEvaluacion";
    public static final String PROYECTOS_EVALUADOS = "proyectosEvaluados";
    /** "Aprobar resultados y acta de acuerdos". */
    public static final String RESULTADOS_APROBADOS = "resultadosAprobados";
    public static final String OBSERVACIONES_GERENCIA = "observacionesGerencia";
    /** "Registrar proyectos priorizados para seguimiento". */
    public static final String PROYECTOS_EN_SEGUIMIENTO = "proyectosEnSeguimiento";

    private CycleVariables() {
    }

    /** The cycle's year as the engine holds it (a long from the start form). */
    static int year(org.camunda.bpm.engine.delegate.VariableScope scope) {
        return ((Number) scope.getVariable(ANIO)).intValue();
    }
}
