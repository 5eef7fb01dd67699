/**
 * Citizen accounts, staff users and groups, login, throttles, the engine's identity and security plugins.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar", "projects"})
package pe.gob.regioncajamarca.participa.identity;
