package pe.gob.regioncajamarca.participa.identity;

import pe.gob.regioncajamarca.participa.projects.ExecutingUnits;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Creates, idempotently at every start, the staff side of Camunda's identity: the contract's groups, one group
 * per executing unit, the authorizations of each group (docs/security.md explains each grant), and the first
 * users: the demo users in profile {@code demo}, otherwise the administrator
 * from configuration ({@code participa.admin.*}).
 */
@Component
class StaffIdentitySetup {

    private static final Logger log = LoggerFactory.getLogger(StaffIdentitySetup.class);

    static final String CYCLE = "participatory-budget-cycle";
    static final String ACCREDITATION = "agent-accreditation";
    static final String IDEAS = "project-idea-review";
    static final String MONITORING = "quarterly-monitoring-round";
    /** One project's report in a round, started by the round (its tasks are the units'). */
    static final String MONITORING_REPORT = "quarterly-progress-report";
    static final String TRAINING = "training-programme";
    static final String COMPLAINTS = "complaint-handling";
    static final String OVERSIGHT = "oversight-report";
    /** Reports of wrongdoing: only the integrity office (and camunda-admin) get anything on this key. */
    static final String WRONGDOING = "wrongdoing-report";
    /** The processes the planning office and regional management watch in Cockpit: every one but wrongdoing-report. */
    static final List<String> WATCHED = List.of(CYCLE, ACCREDITATION, IDEAS, MONITORING, MONITORING_REPORT, TRAINING,
            COMPLAINTS, OVERSIGHT);

    /** Demo users of the contract: id, first name, last name, group. */
    static final List<String[]> DEMO_USERS = List.of(
            new String[] {"planner", "Rosa", "Chávez Mendoza", StaffGroups.PLANNING},
            new String[] {"evaluator", "Julio", "Vásquez Terrones", StaffGroups.TECHNICAL_TEAM},
            new String[] {"manager", "Carmen", "Llanos Cabrera", StaffGroups.REGIONAL_MANAGEMENT},
            new String[] {"unit.sede", "Luis", "Tirado Huamán", "unit-sede-central"},
            new String[] {"overseer", "Santos", "Quispe Alcántara", StaffGroups.OVERSIGHT_COMMITTEE},
            new String[] {"integrity", "Elena", "Rojas Cueva", StaffGroups.INTEGRITY_OFFICE},
            new String[] {"admin", "Administrador", "del Sistema", StaffGroups.ADMINS});

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final JdbcClient jdbc;
    private final Environment env;

    private final ExecutingUnits executingUnits;

    public StaffIdentitySetup(IdentityService identity, AuthorizationService authorizations, JdbcClient jdbc,
                              Environment env, ExecutingUnits executingUnits) {
        this.executingUnits = executingUnits;
        this.identity = identity;
        this.authorizations = authorizations;
        this.jdbc = jdbc;
        this.env = env;
    }

    /** Runs everything; safe to run again (and on several nodes: each step checks before it creates). */
    public void run() {
        StaffGroups.NAMES.forEach((id, name) -> group(id, name, "WORKFLOW"));
        // operators read /actuator/prometheus (SecurityConfig) and have no grant in the engine
        group(StaffGroups.OPERATIONS, "Operaciones (métricas)", "SYSTEM");
        Map<String, String> units = new LinkedHashMap<>();
        executingUnits.all().forEach(u -> units.put(u.groupId(), u.name()));
        units.forEach((id, name) -> group(id, name, "UNIDAD_EJECUTORA"));
        grants(units.keySet());
        if (env.acceptsProfiles(Profiles.of("demo"))) {
            for (String[] u : DEMO_USERS) {
                user(u[0], "demo", u[1], u[2], u[0].replace('.', '-') + "@demo.regioncajamarca.gob.pe", u[3]);
            }
        } else {
            String admin = env.getProperty("participa.admin.username");
            String password = env.getProperty("participa.admin.password");
            if (admin != null && !admin.isBlank() && password != null && !password.isBlank()) {
                user(admin.trim(), password, "Administrador", "del Sistema",
                        env.getProperty("participa.admin.email", ""), StaffGroups.ADMINS);
            }
        }
    }

    private void group(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group g = identity.newGroup(id);
            g.setName(name);
            g.setType(type);
            identity.saveGroup(g);
        }
    }

    private void user(String id, String password, String first, String last, String email, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User u = identity.newUser(id);
            u.setFirstName(first);
            u.setLastName(last);
            u.setEmail(email);
            u.setPassword(password);
            identity.saveUser(u);
            log.info("Usuario {} creado", id);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identity.createMembership(id, group);
        }
    }

    private void grants(Iterable<String> unitGroups) {
        // administrators: everything, except reading every group's Tasklist filters (they would see dozens of
        // "Vencidas"): they create their own filters and see those of camunda-admin (staffexperience.TasklistFilters)
        for (Resource r : Resources.values()) {
            if (r != Resources.FILTER) {
                grant(StaffGroups.ADMINS, r, "*", ALL);
            }
        }
        adminFilterGrant();
        // which webapps each group may open
        for (String g : List.of(StaffGroups.PLANNING, StaffGroups.TECHNICAL_TEAM, StaffGroups.REGIONAL_MANAGEMENT,
                StaffGroups.OVERSIGHT_COMMITTEE, StaffGroups.INTEGRITY_OFFICE, StaffGroups.COMMUNICATIONS)) {
            grant(g, Resources.APPLICATION, "tasklist", ACCESS);
        }
        for (String g : unitGroups) {
            grant(g, Resources.APPLICATION, "tasklist", ACCESS);
        }
        grant(StaffGroups.PLANNING, Resources.APPLICATION, "cockpit", ACCESS);
        grant(StaffGroups.REGIONAL_MANAGEMENT, Resources.APPLICATION, "cockpit", ACCESS);

        // the planning office runs and watches its processes; it starts cycles, monitoring rounds and training
        for (String key : WATCHED) {
            grant(StaffGroups.PLANNING, Resources.PROCESS_DEFINITION, key, READ, READ_INSTANCE, READ_HISTORY);
        }
        for (String key : List.of(CYCLE, MONITORING, TRAINING)) {
            grant(StaffGroups.PLANNING, Resources.PROCESS_DEFINITION, key, CREATE_INSTANCE);
        }
        grant(StaffGroups.PLANNING, Resources.PROCESS_INSTANCE, "*", CREATE);
        // mails that could not be delivered are incidents of mail-delivery: the planning office sees and retries them
        grant(StaffGroups.PLANNING, Resources.PROCESS_DEFINITION, "mail-delivery", READ, READ_INSTANCE, READ_HISTORY,
                UPDATE_INSTANCE);
        // every decision, with its history: no decision is ever evaluated for a report of wrongdoing (its due date is
        // computed in wrongdoing-report itself), so this history never reveals one (WrongdoingIsolationIT)
        grant(StaffGroups.PLANNING, Resources.DECISION_DEFINITION, "*", READ, READ_HISTORY);
        // a planner may evaluate the regional-impact decision in Cockpit or through REST; the application evaluates it
        // as itself, whoever is logged in (cycle.RegionalImpact)
        grant(StaffGroups.PLANNING, Resources.DECISION_DEFINITION, "impacto-regional", CREATE_INSTANCE);
        // regional management watches every process in Cockpit (complaints too, issue 19), except reports of
        // wrongdoing, which are a process of their own (wrongdoing-report) that no grant here mentions
        for (String key : WATCHED) {
            grant(StaffGroups.REGIONAL_MANAGEMENT, Resources.PROCESS_DEFINITION, key, READ, READ_INSTANCE,
                    READ_HISTORY);
        }
        grant(StaffGroups.REGIONAL_MANAGEMENT, Resources.DECISION_DEFINITION, "*", READ, READ_HISTORY);
        // Cockpit's "Tareas de usuario" of an instance: every open task of the processes they watch, with its
        // candidate unit, assignee and due date (issue 19: who has not reported)
        for (String key : WATCHED) {
            grant(StaffGroups.PLANNING, Resources.PROCESS_DEFINITION, key, READ_TASK);
            grant(StaffGroups.REGIONAL_MANAGEMENT, Resources.PROCESS_DEFINITION, key, READ_TASK);
        }
        // the others see the definitions of the processes they take part in (names in Tasklist); their tasks
        // come from the per-task grants Camunda creates for each candidate group
        for (String key : List.of(CYCLE, IDEAS)) {
            grant(StaffGroups.TECHNICAL_TEAM, Resources.PROCESS_DEFINITION, key, READ);
        }
        grant(StaffGroups.COMMUNICATIONS, Resources.PROCESS_DEFINITION, TRAINING, READ);
        grant(StaffGroups.OVERSIGHT_COMMITTEE, Resources.PROCESS_DEFINITION, MONITORING, READ);
        grant(StaffGroups.OVERSIGHT_COMMITTEE, Resources.PROCESS_DEFINITION, MONITORING_REPORT, READ);
        grant(StaffGroups.OVERSIGHT_COMMITTEE, Resources.PROCESS_DEFINITION, OVERSIGHT, READ);
        // the integrity office alone reads reports of wrongdoing: the definition (its name in Tasklist), the instances
        // and their history; its tasks come from the per-task grants of its candidate group, like everyone's
        grant(StaffGroups.INTEGRITY_OFFICE, Resources.PROCESS_DEFINITION, WRONGDOING, READ, READ_INSTANCE,
                READ_HISTORY);
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization a = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        if (a == null) {
            a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            a.setGroupId(group);
            a.setResource(resource);
            a.setResourceId(resourceId);
        }
        boolean changed = a.getId() == null;
        for (Permission p : permissions) {
            if (!a.isPermissionGranted(p)) {
                a.addPermission(p);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(a);
        }
    }

    /** camunda-admin may create filters (and owns them), not read every group's: earlier versions granted ALL. */
    private void adminFilterGrant() {
        Authorization a = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(StaffGroups.ADMINS).resourceType(Resources.FILTER).resourceId("*").singleResult();
        if (a != null && a.isPermissionGranted(READ)) {
            authorizations.deleteAuthorization(a.getId());
            a = null;
        }
        if (a == null) {
            a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            a.setGroupId(StaffGroups.ADMINS);
            a.setResource(Resources.FILTER);
            a.setResourceId("*");
            a.addPermission(CREATE);
            authorizations.saveAuthorization(a);
        }
    }
}
