/**
 * The staff's daily work in Camunda's webapps: Tasklist filters per office and executing unit
 * ({@link pe.gob.regioncajamarca.participa.staffexperience.TasklistFilters}); the Spanish translation of
 * Tasklist, Cockpit, Admin and the welcome page lives in
 * {@code src/main/resources/META-INF/resources/webjars/camunda/app/<app>/} (see docs/staff-guide.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar", "identity", "projects"})
package pe.gob.regioncajamarca.participa.staffexperience;
