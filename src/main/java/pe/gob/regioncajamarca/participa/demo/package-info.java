/**
 * The demo profile's data and mail sink (never active in production).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accountability", "accreditation", "calendar", "complaints", "cycle", "ideas", "identity", "investments", "monitoring", "news", "notification", "oversight", "projects"})
package pe.gob.regioncajamarca.participa.demo;
