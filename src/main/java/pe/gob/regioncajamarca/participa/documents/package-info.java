/**
 * PDFs from templates, CSV rows, uploaded files judged by content, the soles and dates formatters.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package pe.gob.regioncajamarca.participa.documents;
