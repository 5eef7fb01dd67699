/**
 * The engine's trust boundary and shared glue: escalation, task variables guard, task subjects and records.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar"})
package pe.gob.regioncajamarca.participa.workflow;
