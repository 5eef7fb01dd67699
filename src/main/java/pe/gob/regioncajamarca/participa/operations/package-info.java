/**
 * Operators' metrics (Prometheus) and, in the bench profile only, the bare-insert baseline.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar", "cycle", "notification", "voting"})
package pe.gob.regioncajamarca.participa.operations;
