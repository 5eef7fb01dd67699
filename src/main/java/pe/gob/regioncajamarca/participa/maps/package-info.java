/**
 * The region's province and district outlines, drawn as SVG for the portal.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package pe.gob.regioncajamarca.participa.maps;
