/**
 * The oversight committee: its election and its reports; owner of the oversight-report process.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accreditation", "calendar", "cycle", "documents", "identity", "notification", "projects", "shared", "training", "workflow"})
package pe.gob.regioncajamarca.participa.oversight;
