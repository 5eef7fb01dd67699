/**
 * Agent registration and accreditation; owner of the agent-accreditation process.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar", "cycle", "identity", "ledger", "notification", "projects", "workflow"})
package pe.gob.regioncajamarca.participa.accreditation;
