/**
 * Business days, holidays and the one clock (`Now`); the `plazos` bean every model uses for due dates.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package pe.gob.regioncajamarca.participa.calendar;
