/**
 * Citizen-participation training editions; owner of the training-programme process.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accreditation", "calendar", "documents", "identity", "notification", "projects", "shared", "workflow"})
package pe.gob.regioncajamarca.participa.training;
