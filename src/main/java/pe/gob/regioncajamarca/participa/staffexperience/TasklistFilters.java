package pe.gob.regioncajamarca.participa.staffexperience;

import pe.gob.regioncajamarca.participa.projects.ExecutingUnits;

import static org.camunda.bpm.engine.authorization.Permissions.READ;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.identity.StaffGroups;

/**
 * The Tasklist filters of the staff, created (and brought up to date) at every start, idempotently:
 * <ul>
 * <li>"Mis tareas" (tasks assigned to the current user): one filter, readable by every staff group;</li>
 * <li>per staff group (the contract's offices and every {@code unit-*} group of {@code executing_unit}):
 * "Tareas de mi oficina" / "Tareas de mi unidad" (the group is a candidate), "Por vencer (3 días hábiles)"
 * (due between now and the end of the third business day, from the {@code plazos} bean, so weekends and
 * holidays count as in the due dates themselves) and "Vencidas" (due before now), each readable by its group
 * only (a {@code FILTER} grant with READ for the group).</li>
 * </ul>
 * Every filter is sorted by due date and shows the variables that matter (cycle, quarter, scope, CUI, project,
 * tracking code). A filter is recognised by the property {@value #KEY} (not by its name, which repeats per
 * group): a definition changed in code replaces the stored one at the next start, duplicates left by two nodes
 * starting together are deleted (the smallest id stays), filters of groups that no longer exist are deleted,
 * and so are the flat filters that earlier versions shared with everybody.
 */
@Component
class TasklistFilters {

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    /** The filter property that identifies a filter managed here: {@code <group>:<kind>} or {@code *:mis-tareas}. */
    public static final String KEY = "participaFiltro";

    public static final String MY_TASKS = "Mis tareas";
    public static final String OFFICE_TASKS = "Tareas de mi oficina";
    public static final String UNIT_TASKS = "Tareas de mi unidad";
    public static final String DUE_SOON = "Por vencer (3 días hábiles)";
    public static final String OVERDUE = "Vencidas";

    /** Due within three business days: the end of the working day (17:30 Lima) of the third business day. */
    static final String DUE_SOON_LIMIT = "${plazos.habiles(3)}";

    /** Filters shared with everybody by earlier versions of the application; removed at start. */
    static final Set<String> LEGACY_SHARED = Set.of("Tareas de mis grupos", "Mis tareas", "Tareas vencidas",
            "Todas mis tareas visibles");

    /** The offices of the contract that work in Tasklist (in this order). */
    static final List<String> OFFICES = List.of(StaffGroups.PLANNING, StaffGroups.TECHNICAL_TEAM,
            StaffGroups.REGIONAL_MANAGEMENT, StaffGroups.OVERSIGHT_COMMITTEE, StaffGroups.INTEGRITY_OFFICE,
            StaffGroups.COMMUNICATIONS, StaffGroups.ADMINS);

    /** Process variables shown in the task list, when a task has them: name and label (Tasklist shows the first two
     * a task has and folds the others: what the task is about comes first). */
    static final List<Map<String, String>> VARIABLES = List.of(
            variable("proyecto", "Proyecto"),
            variable("cui", "CUI"),
            variable("codigo", "Código de seguimiento"),
            variable("anio", "Ciclo"),
            variable("trimestre", "Trimestre"),
            variable("ambito", "Ámbito"));

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;
    private final JdbcClient jdbc;

    private final ExecutingUnits executingUnits;

    public TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations,
                           JdbcClient jdbc, ExecutingUnits executingUnits) {
        this.executingUnits = executingUnits;
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
        this.jdbc = jdbc;
    }

    /** One filter as it should be stored. */
    record Definition(String key, String name, int priority, String description, String color, TaskQuery query,
                      List<String> readers) {
    }

    /**
     * Creates what is missing, updates what changed, deletes duplicates and stale filters. Runs without an
     * authenticated user (at start), so the engine does not check permissions here.
     */
    public void run() {
        List<Definition> wanted = definitions();
        Map<String, Definition> byKey = new LinkedHashMap<>();
        wanted.forEach(d -> byKey.put(d.key(), d));

        Map<String, List<Filter>> stored = new LinkedHashMap<>();
        for (Filter f : filters.createFilterQuery().filterResourceType("Task").list()) {
            Object key = f.getProperties() == null ? null : f.getProperties().get(KEY);
            if (key == null) {
                if (LEGACY_SHARED.contains(f.getName()) && f.getOwner() == null) {
                    filters.deleteFilter(f.getId());
                    log.info("Filtro compartido anterior \"{}\" eliminado", f.getName());
                }
                continue;
            }
            stored.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(f);
        }
        int created = 0;
        for (Definition d : wanted) {
            List<Filter> same = stored.getOrDefault(d.key(), List.of()).stream()
                    .sorted(Comparator.comparing(Filter::getId)).toList();
            // two nodes starting together on a fresh database may both create it: keep the smallest id
            same.stream().skip(1).forEach(duplicate -> filters.deleteFilter(duplicate.getId()));
            Filter f = same.isEmpty() ? null : same.get(0);
            if (f == null) {
                f = filters.newTaskFilter(d.name());
                created++;
            }
            if (f.getId() == null || !sameDefinition(f, d)) {
                f.setName(d.name());
                f.setProperties(properties(d));
                f.setQuery(d.query());
                filters.saveFilter(f);
            }
            readers(f.getId(), d.readers());
        }
        // filters of a group that is gone (an executing unit removed)
        stored.forEach((key, list) -> {
            if (!byKey.containsKey(key)) {
                list.forEach(f -> filters.deleteFilter(f.getId()));
            }
        });
        if (created > 0) {
            log.info("{} filtros de Tasklist creados", created);
        }
    }

    /** What should exist: "Mis tareas" for everybody, then four filters per group. */
    List<Definition> definitions() {
        Map<String, String> groups = new LinkedHashMap<>();
        OFFICES.forEach(g -> groups.put(g, StaffGroups.NAMES.get(g)));
        executingUnits.all().forEach(u -> groups.put(u.groupId(), u.name()));

        List<Definition> list = new ArrayList<>();
        list.add(new Definition("*:mis-tareas", MY_TASKS, -10, "Tareas asignadas a mí (reclamadas)", null,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(),
                List.copyOf(groups.keySet())));
        for (Map.Entry<String, String> g : groups.entrySet()) {
            String group = g.getKey();
            String name = g.getValue();
            boolean unit = group.startsWith(StaffGroups.UNIT_PREFIX);
            list.add(new Definition(group + ":grupo", unit ? UNIT_TASKS : OFFICE_TASKS, 0,
                    "Tareas de " + name + " (sin reclamar y reclamadas)", null,
                    ofGroup(group), List.of(group)));
            list.add(new Definition(group + ":por-vencer", DUE_SOON, 10,
                    "Tareas de " + name + " que vencen antes del fin de la jornada (17:30) del tercer día hábil",
                    "#e6a23c", ofGroup(group).dueAfterExpression("${now()}").dueBeforeExpression(DUE_SOON_LIMIT),
                    List.of(group)));
            list.add(new Definition(group + ":vencidas", OVERDUE, 20,
                    "Tareas de " + name + " cuya fecha límite ya pasó", "#c0392b",
                    ofGroup(group).dueBeforeExpression("${now()}"), List.of(group)));
        }
        return list;
    }

    private TaskQuery ofGroup(String group) {
        return tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().orderByDueDate().asc();
    }

    private static Map<String, Object> properties(Definition d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(KEY, d.key());
        p.put("priority", d.priority());
        p.put("description", d.description());
        p.put("refresh", true);
        if (d.color() != null) {
            p.put("color", d.color());
        }
        p.put("showUndefinedVariable", false);
        p.put("variables", VARIABLES);
        return p;
    }

    /** Compares through the engine's own JSON forms of the query and of the properties. */
    private boolean sameDefinition(Filter stored, Definition d) {
        FilterEntity probe = (FilterEntity) filters.newTaskFilter(d.name());
        probe.setQuery(d.query());
        probe.setProperties(properties(d));
        FilterEntity current = (FilterEntity) stored;
        return d.name().equals(stored.getName())
                && Objects.equals(current.getQueryInternal(), probe.getQueryInternal())
                && Objects.equals(current.getPropertiesInternal(), probe.getPropertiesInternal());
    }

    private void readers(String filterId, List<String> groups) {
        for (String group : groups) {
            Authorization a = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                    .resourceType(Resources.FILTER).resourceId(filterId).groupIdIn(group).singleResult();
            if (a == null) {
                a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                a.setGroupId(group);
                a.setResource(Resources.FILTER);
                a.setResourceId(filterId);
            } else if (a.isPermissionGranted(READ)) {
                continue;
            }
            a.addPermission(READ);
            authorizations.saveAuthorization(a);
        }
    }

    private static Map<String, String> variable(String name, String label) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", name);
        v.put("label", label);
        return v;
    }
}
