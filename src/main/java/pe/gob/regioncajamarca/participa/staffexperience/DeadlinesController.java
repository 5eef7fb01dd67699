package pe.gob.regioncajamarca.participa.staffexperience;

import pe.gob.regioncajamarca.participa.calendar.Now;
import pe.gob.regioncajamarca.participa.projects.ExecutingUnits;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.identity.StaffGroups;
import pe.gob.regioncajamarca.participa.identity.StaffUser;

/**
 * "Plazos": for managers, the open tasks per office and executing unit (how many, how many overdue or due within
 * 3 business days), with one click to the list of every open task of an office or unit (its age, who has it, its due
 * date, in Lima time) and from there to each task in Tasklist. Linked from Cockpit's
 * and Tasklist's header through the staff home page. The integrity office's tasks are counted for its members only.
 */
@Controller
class DeadlinesController {

    static final int PAGE = 200;
    static final List<String> SUBJECT = List.of("cui", "proyecto", "codigo", "anio");

    private final TaskService tasks;
    private final DueDates plazos;
    private final JdbcClient jdbc;

    private final String engineName;

    private final ExecutingUnits executingUnits;

    DeadlinesController(TaskService tasks, DueDates plazos, JdbcClient jdbc, org.camunda.bpm.engine.ProcessEngine engine, ExecutingUnits executingUnits) {
        this.executingUnits = executingUnits;
        this.tasks = tasks;
        this.engineName = engine.getName();
        this.plazos = plazos;
        this.jdbc = jdbc;
    }

    record Row(String group, String name, long open, long overdue, long dueSoon) {
    }

    /**
     * An open task: what it is about ({@code subject}: project, tracking code, cycle) when it says, who has it,
     * since when, until when; late or soon due.
     */
    record Line(String id, String name, String businessKey, String subject, String assignee, Date created, Date due,
                boolean overdue, boolean dueSoon) {
    }

    /** What a task is about, from the variables the Tasklist filters show: "CUI 2324969 · project", a code, a cycle. */
    static String subject(Map<String, Object> v) {
        List<String> parts = new ArrayList<>();
        if (v.get("cui") != null) {
            parts.add("CUI " + v.get("cui"));
        }
        if (v.get("proyecto") != null) {
            parts.add(String.valueOf(v.get("proyecto")));
        }
        if (v.get("codigo") != null) {
            parts.add(String.valueOf(v.get("codigo")));
        }
        if (parts.isEmpty() && v.get("anio") != null) {
            parts.add("Ciclo " + v.get("anio"));
        }
        return parts.isEmpty() ? null : String.join(" · ", parts);
    }

    private StaffUser manager(Authentication auth) {
        return StaffUser.of(auth).require(StaffGroups.PLANNING, StaffGroups.REGIONAL_MANAGEMENT, StaffGroups.ADMINS);
    }

    /** The groups shown: the offices, then one per executing unit; the integrity office to its members only. */
    private Map<String, String> groups(StaffUser staff) {
        Map<String, String> groups = new LinkedHashMap<>();
        StaffGroups.NAMES.forEach((id, name) -> {
            if (!id.equals(StaffGroups.ADMINS) && (!id.equals(StaffGroups.INTEGRITY_OFFICE) || staff.inAny(id))) {
                groups.put(id, name);
            }
        });
        executingUnits.byName().forEach(u -> groups.put(u.groupId(), u.name()));
        return groups;
    }

    @GetMapping("/personal/plazos")
    String overview(Authentication auth, Model model) {
        StaffUser staff = manager(auth);
        Date now = Now.date();
        Date soon = plazos.habiles(3);
        List<Row> rows = new ArrayList<>();
        groups(staff).forEach((id, name) -> rows.add(new Row(id, name,
                tasks.createTaskQuery().taskCandidateGroup(id).includeAssignedTasks().count(),
                tasks.createTaskQuery().taskCandidateGroup(id).includeAssignedTasks().dueBefore(now).count(),
                tasks.createTaskQuery().taskCandidateGroup(id).includeAssignedTasks().dueAfter(now).dueBefore(soon).count())));
        model.addAttribute("rows", rows);
        model.addAttribute("soon", soon);
        return "staff/plazos";
    }

    @GetMapping("/personal/plazos/{group}")
    String ofGroup(@PathVariable String group, Authentication auth, Model model) {
        StaffUser staff = manager(auth);
        Map<String, String> groups = groups(staff);
        if (!groups.containsKey(group)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No existe esa oficina o unidad.");
        }
        Date now = Now.date();
        Date soon = plazos.habiles(3);
        // every open task of the office or unit (issue 19: a unit with one task on time showed "no hay tareas"),
        // the most urgent first, tasks without a due date last
        List<Task> open = tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks()
                .orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(0, PAGE);
        Map<String, String> keys = new LinkedHashMap<>();
        List<Line> lines = new ArrayList<>(open.stream().map(t -> new Line(t.getId(), t.getName(),
                keys.computeIfAbsent(t.getProcessInstanceId(), pid -> businessKey(pid)),
                subject(tasks.getVariables(t.getId(), SUBJECT)), t.getAssignee(), t.getCreateTime(), t.getDueDate(),
                t.getDueDate() != null && t.getDueDate().before(now),
                t.getDueDate() != null && !t.getDueDate().before(now) && t.getDueDate().before(soon))).toList());
        lines.sort(java.util.Comparator.comparing(Line::due, java.util.Comparator.nullsLast(
                java.util.Comparator.naturalOrder())));
        model.addAttribute("now", now);
        model.addAttribute("group", group);
        model.addAttribute("groupName", groups.get(group));
        model.addAttribute("lines", lines);
        model.addAttribute("page", PAGE);
        model.addAttribute("tasklist", "/camunda/app/tasklist/" + engineName + "/#/?task=");
        return "staff/plazos-grupo";
    }

    private String businessKey(String processInstanceId) {
        if (processInstanceId == null) {
            return "—";
        }
        return jdbc.sql("SELECT BUSINESS_KEY_ FROM ACT_RU_EXECUTION WHERE ID_ = ?").param(processInstanceId)
                .query(String.class).optional().orElse("—");
    }
}
