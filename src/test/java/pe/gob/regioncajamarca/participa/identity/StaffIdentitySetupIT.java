package pe.gob.regioncajamarca.participa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.gob.regioncajamarca.participa.testsupport.ParticipaIntegrationTest;

/** The staff setup runs while the engine is built (the filters it used to share: staffexperience.FilterSetupIT). */
@ParticipaIntegrationTest
class StaffIdentitySetupIT {

    @Autowired
    IdentityService identityService;

    @Test
    void theContractGroupsExistBeforeAnyRequest() {
        // created by StaffIdentityPlugin while the engine was built
        StaffGroups.NAMES.forEach((id, name) ->
                assertThat(identityService.createGroupQuery().groupId(id).singleResult().getName()).isEqualTo(name));
    }
}
