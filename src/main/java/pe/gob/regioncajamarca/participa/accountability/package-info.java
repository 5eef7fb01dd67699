/**
 * Accountability of the last ten participatory-budget cycles: earlier cycles, their prioritised projects and their
 * quarterly execution loaded from files by the planning office ({@code /personal/historial}, all or nothing, like the
 * PMI), and the public pages {@code /rendicion-de-cuentas} that show every cycle's projects, money agreed and
 * executed, and status (with a CSV of each cycle).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar", "cycle", "documents", "identity", "maps", "monitoring", "projects"})
package pe.gob.regioncajamarca.participa.accountability;
