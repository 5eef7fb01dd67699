/**
 * The citizen portal's home, login and shared page furniture.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar", "cycle", "identity", "news", "projects"})
package pe.gob.regioncajamarca.participa.portal;
