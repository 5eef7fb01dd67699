/**
 * The portal's news ("Noticias"): the Oficina de Comunicaciones writes, corrects, publishes and withdraws news on
 * {@code /personal/noticias}; the portal shows the published ones on Inicio (the latest three), {@code /noticias}
 * (ten per page), {@code /noticias/{id}} and the Atom feed {@code /noticias/feed.xml}. Plain text only, always shown
 * escaped. Publishing and withdrawing go to the integrity ledger. See docs/portal.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar", "identity", "ledger"})
package pe.gob.regioncajamarca.participa.news;
