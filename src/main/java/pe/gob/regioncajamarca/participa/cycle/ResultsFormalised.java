package pe.gob.regioncajamarca.participa.cycle;

/** A cycle's results were formalised and its prioritised projects registered for monitoring. */
public record ResultsFormalised(int year) {
}
