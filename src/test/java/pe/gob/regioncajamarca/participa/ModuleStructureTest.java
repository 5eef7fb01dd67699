package pe.gob.regioncajamarca.participa;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each capability is a module (a direct sub-package); this test fails when one reaches into another's
 * internals or when modules depend on each other in a cycle. It also writes the module diagrams
 * (PlantUML) to target/spring-modulith-docs.
 */
class ModuleStructureTest {

    private final ApplicationModules modules = ApplicationModules.of(ParticipaApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
