package pe.gob.regioncajamarca.participa.training;

/**
 * The names of the variables of {@code training-programme}, in one place (the glue, {@link TrainingEditions}'s
 * start of the process). Each equals its field key in the forms (forms/disenar-programa.form, ...) or the variable
 * the model reads.
 */
public final class TrainingVariables {

    public static final String ASISTENCIA_MINIMA = "asistenciaMinima";
    public static final String AUSENTES = "ausentes";
    public static final String AVISO_SESIONES = "avisoSesiones";
    public static final String CERTIFICADOS_EMITIDOS = "certificadosEmitidos";
    public static final String CODIGO_EDICION = "codigoEdicion";
    public static final String CONFIRMAR_DIAS_NO_LABORABLES = "confirmarDiasNoLaborables";
    public static final String CONVOCATORIA_PUBLICADA = "convocatoriaPublicada";
    public static final String CUPOS = "cupos";
    public static final String CURSO_VIGILANCIA = "cursoVigilancia";
    public static final String DECISION_PROGRAMA = "decisionPrograma";
    public static final String EDICION_ID = "edicionId";
    public static final String ENLACE_EDICION = "enlaceEdicion";
    public static final String ENLACE_PUBLICACION = "enlacePublicacion";
    public static final String EVALUACION_REQUERIDA = "evaluacionRequerida";
    public static final String FECHA_FIN = "fechaFin";
    public static final String IDS_SESIONES = "idsSesiones";
    public static final String INICIADOR = "iniciador";
    public static final String INSCRIPCION_HASTA = "inscripcionHasta";
    public static final String INSCRITOS_SESION = "inscritosSesion";
    public static final String LISTA_PARTICIPANTES = "listaParticipantes";
    public static final String LISTA_SESIONES = "listaSesiones";
    public static final String MATERIALES = "materiales";
    public static final String MODALIDAD = "modalidad";
    public static final String MODULOS = "modulos";
    public static final String NOMBRE_PROGRAMA = "nombrePrograma";
    public static final String NOTA_MINIMA = "notaMinima";
    public static final String NOTAS = "notas";
    public static final String OBSERVACIONES_PROGRAMA = "observacionesPrograma";
    public static final String PUBLICO_OBJETIVO = "publicoObjetivo";
    public static final String REGLA_TEXTO = "reglaTexto";
    public static final String SESION = "sesion";
    public static final String SESION_NUMERO = "sesionNumero";
    public static final String SESION_TEXTO = "sesionTexto";
    public static final String SESIONES = "sesiones";

    private TrainingVariables() {
    }
}
