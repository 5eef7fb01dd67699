package pe.gob.regioncajamarca.participa.staffexperience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.identity.StaffGroups;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/** The Tasklist filters per office and executing unit: created once, visible to their group only, and they work. */
class FilterSetupIT extends ProcessTest {

    @Autowired TasklistFilters setup;
    @Autowired FilterService filters;
    @Autowired IdentityService identity;
    @Autowired AuthorizationService authorizations;

    @BeforeEach
    void filtersOfTheTestUnit() {
        identity.clearAuthentication();
        setup.run(); // the test unit is inserted by ProcessTest after the start: the next run gives it its filters
    }

    @AfterEach
    void noAuthentication() {
        identity.clearAuthentication();
    }

    private static String keyOf(Filter f) {
        Object key = f.getProperties() == null ? null : f.getProperties().get(TasklistFilters.KEY);
        return key == null ? null : key.toString();
    }

    private Map<String, List<Filter>> managedFilters() {
        return filters.createFilterQuery().list().stream().filter(f -> keyOf(f) != null)
                .collect(Collectors.groupingBy(FilterSetupIT::keyOf));
    }

    @Test
    void eachGroupHasItsFourFiltersOnceEvenAfterRunningAgain() {
        Map<String, List<Filter>> before = managedFilters();
        List<String> groups = new java.util.ArrayList<>(TasklistFilters.OFFICES);
        groups.addAll(jdbc.sql("SELECT group_id FROM executing_unit").query(String.class).list());
        assertThat(groups).contains("unit-sede-central", TEST_UNIT_GROUP, "planning", "camunda-admin");
        assertThat(before.get("*:mis-tareas")).hasSize(1);
        for (String g : groups) {
            for (String kind : List.of("grupo", "por-vencer", "vencidas")) {
                assertThat(before.get(g + ":" + kind)).as(g + ":" + kind).hasSize(1);
            }
        }
        Filter unitFilter = before.get("unit-sede-central:grupo").get(0);
        assertThat(unitFilter.getName()).isEqualTo("Tareas de mi unidad");
        assertThat(before.get("planning:grupo").get(0).getName()).isEqualTo("Tareas de mi oficina");
        assertThat(before.get("planning:por-vencer").get(0).getName()).isEqualTo("Por vencer (3 días hábiles)");
        assertThat(before.get("planning:vencidas").get(0).getName()).isEqualTo("Vencidas");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> variables = (List<Map<String, Object>>) unitFilter.getProperties().get("variables");
        assertThat(variables).extracting(v -> v.get("name"))
                .containsExactly("proyecto", "cui", "codigo", "anio", "trimestre", "ambito");

        setup.run();
        setup.run();

        Map<String, List<Filter>> after = managedFilters();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        after.forEach((key, list) -> {
            assertThat(list).as(key).hasSize(1);
            assertThat(list.get(0).getId()).as(key).isEqualTo(before.get(key).get(0).getId());
        });
        // one READ grant per reader, not one per run
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
                .resourceId(unitFilter.getId()).list()).singleElement().satisfies(a -> {
                    assertThat(a.getGroupId()).isEqualTo("unit-sede-central");
                    assertThat(a.getAuthorizationType()).isEqualTo(Authorization.AUTH_TYPE_GRANT);
                });
    }

    @Test
    void duplicatesLeftByTwoNodesAndTheOldSharedFiltersAreRemoved() {
        Filter original = managedFilters().get("planning:vencidas").get(0);
        Filter duplicate = filters.newTaskFilter("Vencidas");
        duplicate.setProperties(Map.of(TasklistFilters.KEY, "planning:vencidas"));
        duplicate.setQuery(tasks.createTaskQuery());
        filters.saveFilter(duplicate);
        Filter legacy = filters.newTaskFilter("Tareas de mis grupos");
        legacy.setQuery(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"));
        filters.saveFilter(legacy);

        setup.run();

        assertThat(managedFilters().get("planning:vencidas")).singleElement().extracting(Filter::getId)
                .isEqualTo(original.getId().compareTo(duplicate.getId()) < 0 ? original.getId() : duplicate.getId());
        assertThat(filters.createFilterQuery().filterName("Tareas de mis grupos").count()).isZero();
        assertThat(filters.createFilterQuery().filterName("Todas mis tareas visibles").count()).isZero();
        assertThat(filters.createFilterQuery().filterName("Mis tareas").count()).isEqualTo(1);
    }

    @Test
    void aUnitUserSeesOnlyItsUnitsFiltersAndTheyReturnItsTasks() {
        String user = staffUser(TEST_UNIT_GROUP);
        String planner = staffUser(StaffGroups.PLANNING);
        // a Wednesday: three business days end on Monday 17:30 (Lima)
        LocalDate wednesday = LocalDate.of(2030, 1, 9);
        clockAt(wednesday);
        Task dueMonday = task("Reportar avance (vence el lunes)", at(wednesday.plusDays(5), 12, 0));
        Task dueNextWeek = task("Reportar avance (vence la otra semana)", at(wednesday.plusDays(8), 12, 0));
        Task overdue = task("Reportar avance (vencida)", at(wednesday.minusDays(1), 17, 30));
        try {
            identity.setAuthentication(user, List.of(TEST_UNIT_GROUP));
            Map<String, Filter> visible = filters.createFilterQuery().list().stream()
                    .collect(Collectors.toMap(f -> String.valueOf(keyOf(f)), Function.identity()));
            assertThat(visible.keySet()).containsExactlyInAnyOrder("*:mis-tareas", TEST_UNIT_GROUP + ":grupo",
                    TEST_UNIT_GROUP + ":por-vencer", TEST_UNIT_GROUP + ":vencidas");

            assertThat(ids(visible.get(TEST_UNIT_GROUP + ":grupo")))
                    .contains(dueMonday.getId(), dueNextWeek.getId(), overdue.getId());
            assertThat(ids(visible.get(TEST_UNIT_GROUP + ":por-vencer")))
                    .contains(dueMonday.getId()).doesNotContain(dueNextWeek.getId(), overdue.getId());
            assertThat(ids(visible.get(TEST_UNIT_GROUP + ":vencidas")))
                    .contains(overdue.getId()).doesNotContain(dueMonday.getId(), dueNextWeek.getId());
            // sorted by due date
            List<Task> mine = filters.list(visible.get(TEST_UNIT_GROUP + ":grupo").getId());
            assertThat(mine).extracting(Task::getDueDate).isSortedAccordingTo(Date::compareTo);
            assertThat(ids(visible.get("*:mis-tareas"))).doesNotContain(dueMonday.getId());
            tasks.claim(dueMonday.getId(), user);
            assertThat(ids(visible.get("*:mis-tareas"))).containsExactly(dueMonday.getId());
            // claimed, it stays in the unit's list
            assertThat(ids(visible.get(TEST_UNIT_GROUP + ":grupo"))).contains(dueMonday.getId());

            identity.setAuthentication(planner, List.of(StaffGroups.PLANNING));
            assertThat(filters.createFilterQuery().list()).extracting(FilterSetupIT::keyOf)
                    .contains("planning:grupo", "planning:vencidas").noneMatch(k -> k != null && k.startsWith("unit-"));
            assertThat(filters.createFilterQuery().filterId(visible.get(TEST_UNIT_GROUP + ":grupo").getId())
                    .count()).isZero();
        } finally {
            identity.clearAuthentication();
            for (Task t : List.of(dueMonday, dueNextWeek, overdue)) {
                tasks.deleteTask(t.getId(), true);
            }
        }
    }

    private List<String> ids(Filter f) {
        List<Task> found = filters.list(f.getId());
        return found.stream().map(Task::getId).toList();
    }

    private Task task(String name, Date due) {
        Task t = tasks.newTask();
        t.setName(name);
        t.setDueDate(due);
        tasks.saveTask(t);
        tasks.addCandidateGroup(t.getId(), TEST_UNIT_GROUP);
        return t;
    }

    private static Date at(LocalDate day, int hour, int minute) {
        return Date.from(day.atTime(LocalTime.of(hour, minute)).atZone(DueDates.LIMA).toInstant());
    }
}
