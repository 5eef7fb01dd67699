/**
 * Quarterly monitoring rounds, reports, evidence, alerts and roll-ups; owner of the quarterly-monitoring-round process.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar", "documents", "identity", "investments", "maps", "notification", "projects", "workflow"})
package pe.gob.regioncajamarca.participa.monitoring;
