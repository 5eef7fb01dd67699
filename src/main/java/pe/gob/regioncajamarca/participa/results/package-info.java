/**
 * Public results, records as PDFs and the integrity check.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accreditation", "calendar", "cycle", "documents", "investments", "ledger", "maps", "monitoring", "oversight", "projects", "voting"})
package pe.gob.regioncajamarca.participa.results;
