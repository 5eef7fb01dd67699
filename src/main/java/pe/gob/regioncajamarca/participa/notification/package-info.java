/**
 * Mail through the outbox, preferences, reminders and task digests; owner of the mail-delivery process.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar", "workflow"})
package pe.gob.regioncajamarca.participa.notification;
