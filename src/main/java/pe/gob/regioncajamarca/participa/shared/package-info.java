/**
 * The shared kernel: the few types every module may use (a refusal with its Spanish messages, which database is
 * in use). Holds no application state, no
 * beans and depends on no module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package pe.gob.regioncajamarca.participa.shared;
