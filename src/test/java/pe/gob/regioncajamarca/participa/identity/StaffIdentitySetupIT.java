package pe.gob.regioncajamarca.participa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.gob.regioncajamarca.participa.testsupport.ParticipaIntegrationTest;

/** The staff setup runs again and again (every start, several nodes) without harm. */
@ParticipaIntegrationTest
class StaffIdentitySetupIT {

    @Autowired
    StaffIdentitySetup setup;
    @Autowired
    FilterService filterService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    @Test
    void aSharedFilterCreatedTwiceByTwoNodesIsReducedToOne() {
        identityService.clearAuthentication();
        String name = "Mis tareas";
        Filter original = filterService.createFilterQuery().filterName(name).list().get(0);
        // what a second node starting at the same moment would have left behind
        Filter duplicate = filterService.newTaskFilter(name);
        duplicate.setQuery(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        filterService.saveFilter(duplicate);
        assertThat(filterService.createFilterQuery().filterName(name).count()).isEqualTo(2);

        setup.run();
        setup.run();

        assertThat(filterService.createFilterQuery().filterName(name).list()).hasSize(1);
        assertThat(filterService.createFilterQuery().filterName(name).singleResult().getId())
                .isEqualTo(original.getId().compareTo(duplicate.getId()) < 0 ? original.getId() : duplicate.getId());
    }

    @Test
    void theContractGroupsExistBeforeAnyRequest() {
        // created by StaffIdentityPlugin while the engine was built
        StaffGroups.NAMES.forEach((id, name) ->
                assertThat(identityService.createGroupQuery().groupId(id).singleResult().getName()).isEqualTo(name));
    }
}
