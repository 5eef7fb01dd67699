/**
 * The integrity ledger: append-only, hash-chained entries with typed payloads.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar"})
package pe.gob.regioncajamarca.participa.ledger;
