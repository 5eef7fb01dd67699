/**
 * Ballots and votes on every channel, workshops and paper ballots, the pabulib export.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accreditation", "calendar", "cycle", "identity", "ledger", "monitoring", "notification", "projects", "shared"})
package pe.gob.regioncajamarca.participa.voting;
