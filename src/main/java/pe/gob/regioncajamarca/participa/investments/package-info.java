/**
 * The Ministry's national investment figures: import, schedule, threshold, open data.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar", "documents", "identity", "projects"})
package pe.gob.regioncajamarca.participa.investments;
