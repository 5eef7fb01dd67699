package pe.gob.regioncajamarca.participa.monitoring;

/** A quarterly report changed a project's execution status (published in the report's transaction). */
public record ExecutionStatusChanged(long projectId, String quarter, String from, String to) {
}
