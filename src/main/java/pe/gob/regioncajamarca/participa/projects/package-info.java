/**
 * The one list of projects, their districts, provinces and executing units (tables project, project_district, district, province, executing_unit): the API that routing, forms and pages read and write through.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package pe.gob.regioncajamarca.participa.projects;
