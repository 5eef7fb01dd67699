package pe.gob.regioncajamarca.participa.cycle;

/** The phases of a participatory-budget cycle (domain.md, "The cycle"), in order. */
public enum CyclePhase {
    PREPARACION("Preparación y convocatoria"),
    INSCRIPCION("Inscripción y acreditación de agentes"),
    IDEAS("Presentación de ideas de proyecto"),
    EVALUACION("Evaluación técnica"),
    VOTACION("Votación"),
    PRIORIZACION("Priorización"),
    FORMALIZACION("Formalización de acuerdos"),
    FORMALIZADO("Resultados formalizados");

    private final String label;

    CyclePhase(String label) {
        this.label = label;
    }

    /** Scores, votes, ranks and the reason of each project are public from the prioritisation on. */
    public boolean resultsPublished() {
        return ordinal() >= PRIORIZACION.ordinal();
    }

    /** Spanish name shown on the portal and in Tasklist. */
    public String label() {
        return label;
    }
}
