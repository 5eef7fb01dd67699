/**
 * The participatory-budget cycle: phases and windows, programme, technical evaluation, prioritisation, formalisation; owner of the participatory-budget-cycle process.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar", "documents", "identity", "ledger", "projects", "shared", "workflow"})
package pe.gob.regioncajamarca.participa.cycle;
