package pe.gob.regioncajamarca.participa.monitoring;

import java.util.List;

/**
 * The names of the variables of {@code quarterly-monitoring-round} and of each report's
 * {@code quarterly-progress-report}, in one place (the start in
 * {@link MonitoringRounds}, the glue, the task subject, {@link NationalComparison}). Each equals its field name in
 * the embedded form static/forms/reportar-avance.html and the Camunda Forms after it, or the variable the model reads.
 */
public final class MonitoringRoundVariables {

    /** The quarter the round reports ({@code 2026-Q3}), also its business key. */
    public static final String TRIMESTRE = "trimestre";
    public static final String PERIODO = "periodo";
    /** The reports of the round; each report's own process ({@code quarterly-progress-report}) holds its id. */
    public static final String INFORMES = "informes";
    public static final String INFORME = "informe";
    /** A report's round: the process instance of {@code quarterly-monitoring-round} that started it. */
    public static final String RONDA = "rondaSeguimiento";
    public static final String PROYECTOS_POR_REPORTAR = "proyectosPorReportar";
    /** How many batches "Pedir un reporte por proyecto" starts the reports in (one transaction each). */
    public static final String LOTES_DE_REPORTES = "lotesDeReportes";
    public static final String FECHA_CIERRE_REPORTES = "fechaCierreReportes";
    /** "Reportar avance trimestral", task-local: whom it is routed to and what it is about. */
    public static final String GRUPO_UNIDAD = "grupoUnidad";
    public static final String CUI = "cui";
    public static final String PROYECTO = "proyecto";
    public static final String AMBITO = "ambito";
    public static final String UNIDAD = "unidad";
    public static final String ANIO_CICLO = "anioCiclo";
    public static final String TRIMESTRE_ANTERIOR = "trimestreAnterior";
    public static final String AVANCE_ANTERIOR = "avanceAnterior";
    public static final String EJECUCION_ANTERIOR = "ejecucionAnterior";
    /** The unit's figures. */
    public static final String AVANCE_FISICO = "avanceFisico";
    /** Accrued to date since the project began. */
    public static final String EJECUCION_FINANCIERA = "ejecucionFinanciera";
    /** Accrued this year. */
    public static final String DEVENGADO_ANIO = "devengadoAnio";
    public static final String PIM = "pim";
    public static final String COSTO_ACTUALIZADO = "costoActualizado";
    public static final String ESTADO_EJECUCION = "estadoEjecucion";
    public static final String DIFICULTADES = "dificultades";
    /** Why figures differ from the national system's. */
    public static final String MOTIVO_DIFERENCIA_MEF = "motivoDiferenciaMef";
    /** What the national system says, shown on the form. */
    public static final String MEF_FUENTE = "mefFuente";
    public static final String MEF_CIFRAS = "mefCifras";
    /** The optional evidence files of the report's form. */
    public static final List<String> EVIDENCIAS = List.of("evidencia1", "evidencia2", "evidencia3");
    /** "Cerrar reportes y evaluar alertas". */
    public static final String PROYECTOS_RONDA = "proyectosRonda";
    public static final String PROYECTOS_NO_REPORTADOS = "proyectosNoReportados";
    public static final String PROYECTOS_REPORTADOS = "proyectosReportados";
    public static final String ALERTAS_RONDA = "alertasRonda";
    /** "Consolidar informe de seguimiento". */
    public static final String CONCLUSIONES = "conclusiones";

    private MonitoringRoundVariables() {
    }
}
