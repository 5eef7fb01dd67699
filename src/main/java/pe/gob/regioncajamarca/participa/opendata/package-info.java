/**
 * Open data of cycles and projects (JSON, CSV).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"cycle", "documents", "monitoring", "projects"})
package pe.gob.regioncajamarca.participa.opendata;
