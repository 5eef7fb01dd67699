/**
 * Queries, complaints, information requests and reports of wrongdoing; owner of complaint-handling and wrongdoing-report.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accreditation", "calendar", "documents", "identity", "notification", "shared", "workflow"})
package pe.gob.regioncajamarca.participa.complaints;
