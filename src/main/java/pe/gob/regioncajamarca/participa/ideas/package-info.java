/**
 * Citizens' project ideas and their support; owner of the project-idea-review process.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accreditation", "calendar", "cycle", "monitoring", "notification", "projects", "shared", "workflow"})
package pe.gob.regioncajamarca.participa.ideas;
