package pe.gob.regioncajamarca.participa.oversight;

import pe.gob.regioncajamarca.participa.calendar.Now;
import pe.gob.regioncajamarca.participa.projects.ExecutingUnits;
import pe.gob.regioncajamarca.participa.projects.Projects;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.documents.UploadedFiles;
import pe.gob.regioncajamarca.participa.notification.Notifications;

/**
 * Oversight reports of the Comité de Vigilancia (and, with the training issue, citizen monitors) about prioritised
 * projects of one executing unit: a site visit with its checklist and photos, or a written report, with an
 * optional alert of non-compliance. Each runs one {@code oversight-report} instance: the planning office reviews
 * it (an alert always needs the unit's statement), the unit answers within 10 business days, the planning office
 * answers the committee. The report, the statement and the answer are public on the project's page; the author's
 * identity and the files stay with staff.
 */
@Service
public class OversightReports {

    public static final String PROCESS_KEY = "oversight-report";
    public static final Map<String, String> CHECKLIST = new java.util.LinkedHashMap<>();

    static {
        CHECKLIST.put("sinResidente", "No hay residente ni supervisor en obra");
        CHECKLIST.put("seguridad", "No se cumplen las normas de seguridad");
        CHECKLIST.put("sinCuaderno", "No hay cuaderno de obra");
        CHECKLIST.put("obraParalizada", "La obra está paralizada");
        CHECKLIST.put("sinCartel", "No hay cartel de obra");
    }

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final CommitteeElection elections;
    private final Notifications notifications;
    private final DueDates dueDates;
    private final SecureRandom random = new SecureRandom();
    private final pe.gob.regioncajamarca.participa.identity.CitizenAccounts citizens;

    /** The author of a report filed by a citizen monitor on the portal: this prefix and the document number. */
    public static final String MONITOR_PREFIX = "monitor:";

    private final Projects projectList;

    private final ExecutingUnits executingUnits;

    public OversightReports(JdbcClient jdbc, RuntimeService runtime, CommitteeElection elections,
                            Notifications notifications, DueDates dueDates,
                            pe.gob.regioncajamarca.participa.identity.CitizenAccounts citizens, Projects projectList, ExecutingUnits executingUnits) {
        this.executingUnits = executingUnits;
        this.projectList = projectList;
        this.citizens = citizens;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.elections = elections;
        this.notifications = notifications;
        this.dueDates = dueDates;
    }

    public record Draft(String kind, LocalDate visitedOn, String summary, List<String> cuis, Set<String> findings,
                        boolean alert) {

        /** A draft from the fields of the report form (the committee's and the citizen monitors'). */
        public static Draft fromForm(String kind, String visitedOn, String summary, List<String> cuis,
                                     List<String> findings, boolean alert, List<String> errors) {
            LocalDate visited = null;
            if (visitedOn != null && !visitedOn.isBlank()) {
                try {
                    visited = LocalDate.parse(visitedOn);
                } catch (java.time.format.DateTimeParseException e) {
                    errors.add("La fecha de la visita no es válida.");
                }
            }
            if (!pe.gob.regioncajamarca.participa.documents.PlainText.allowed(summary)
                    || !pe.gob.regioncajamarca.participa.documents.PlainText.allowed(kind)) {
                errors.add(pe.gob.regioncajamarca.participa.documents.PlainText.REFUSED);
            }
            return new Draft(kind, visited, summary, cuis == null ? List.of() : cuis,
                    new java.util.LinkedHashSet<>(findings == null ? List.of() : findings), alert);
        }
    }

    public record WatchedProject(long id, int year, String cui, String name, String scope, String unitCode,
                                 String unitName) {
    }

    public record Report(String code, String kind, LocalDate visitedOn, String summary, List<String> findings,
                         boolean alert, String unitName, String status, String analysis, String unitStatement,
                         String response, Boolean alertConfirmed, Instant createdAt, Instant answeredAt,
                         List<WatchedProject> projects, int files, String author) {
    }

    public static class Refused extends pe.gob.regioncajamarca.participa.shared.Refused {
        public Refused(List<String> errors) {
            super(errors);
        }
    }

    /** The prioritised projects a member may report on: of the provinces they watch (all, if not elected). */
    public List<WatchedProject> watchedBy(String staffUser) {
        List<String> scopes = elections.scopesWatchedBy(staffUser);
        java.text.Collator collator = java.text.Collator.getInstance(new java.util.Locale("es", "PE"));
        return projectList.monitored().stream()
                .filter(p -> scopes.isEmpty() || scopes.contains(p.scope()))
                .sorted(java.util.Comparator.comparing(Projects.Project::year, java.util.Comparator.reverseOrder())
                        .thenComparing(Projects.Project::scope).thenComparing(Projects.Project::name, collator::compare))
                .map(OversightReports::watched).toList();
    }

    private static WatchedProject watched(Projects.Project p) {
        return new WatchedProject(p.id(), p.year(), p.cui(), p.name(), p.scope(), p.unit(), p.unitName());
    }

    @Transactional
    public String file(Draft d, List<UploadedFiles.Checked> files, String staffUser) {
        List<String> errors = new ArrayList<>();
        if (!"VISITA".equals(d.kind()) && !"INFORME".equals(d.kind())) {
            errors.add("Indique si es una visita de obra o un informe.");
        }
        if ("VISITA".equals(d.kind()) && (d.visitedOn() == null || d.visitedOn().isAfter(dueDates.today()))) {
            errors.add("Indique la fecha de la visita (no posterior a hoy).");
        }
        if (d.summary() == null || d.summary().strip().length() < 20 || d.summary().length() > 4000) {
            errors.add("Describa lo que encontró con al menos 20 caracteres (máximo 4000).");
        }
        if (!CHECKLIST.keySet().containsAll(d.findings())) {
            errors.add("La lista de verificación tiene un valor desconocido.");
        }
        Map<String, WatchedProject> watched = new HashMap<>();
        watchedBy(staffUser).forEach(p -> watched.put(p.cui(), p));
        List<WatchedProject> projects = new ArrayList<>();
        for (String cui : new LinkedHashSet<>(d.cuis())) {
            WatchedProject p = watched.get(cui.strip());
            if (p == null) {
                errors.add("El CUI " + cui + " no es un proyecto priorizado que usted vigile.");
            } else {
                projects.add(p);
            }
        }
        if (d.cuis().isEmpty()) {
            errors.add("Elija al menos un proyecto.");
        }
        if (projects.stream().map(WatchedProject::unitCode).distinct().count() > 1) {
            errors.add("Los proyectos de un reporte deben ser de la misma unidad ejecutora: presente un reporte por unidad.");
        }
        if (files.size() > 10) {
            errors.add("Adjunte como máximo 10 archivos.");
        }
        if (!errors.isEmpty()) {
            throw new Refused(errors);
        }
        String code = newCode();
        boolean visit = "VISITA".equals(d.kind());
        jdbc.sql("""
                INSERT INTO oversight_report (tracking_code, author_user, kind, visited_on, summary, no_resident,
                    safety_broken, no_logbook, works_stopped, no_signboard, alert, unit_code, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECIBIDO', ?)""")
                .params(code, staffUser, d.kind(), visit ? d.visitedOn() : null, d.summary().strip(),
                        visit && d.findings().contains("sinResidente"), visit && d.findings().contains("seguridad"),
                        visit && d.findings().contains("sinCuaderno"), visit && d.findings().contains("obraParalizada"),
                        visit && d.findings().contains("sinCartel"), d.alert(), projects.get(0).unitCode(),
                        Now.timestamp())
                .update();
        long id = jdbc.sql("SELECT id FROM oversight_report WHERE tracking_code = ?").param(code).query(Long.class).single();
        projects.forEach(p -> jdbc.sql("INSERT INTO oversight_report_project (report_id, project_id) VALUES (?, ?)")
                .params(id, p.id()).update());
        for (UploadedFiles.Checked f : files) {
            jdbc.sql("INSERT INTO oversight_report_file (report_id, file_name, content_type, size_bytes, content) "
                    + "VALUES (?, ?, ?, ?, ?)").params(id, f.fileName(), f.contentType(), f.content().length,
                    f.content()).update();
        }
        Report r = find(code).orElseThrow();
        Map<String, Object> vars = new HashMap<>();
        vars.put(OversightReportVariables.CODIGO, code);
        vars.put(OversightReportVariables.CUI, String.join(", ", projects.stream().map(WatchedProject::cui).toList()));
        vars.put(OversightReportVariables.UNIDAD, projects.get(0).unitName());
        vars.put(OversightReportVariables.GRUPO_UNIDAD, executingUnits.find(projects.get(0).unitCode()).orElseThrow().groupId());
        vars.put(OversightReportVariables.RESUMEN, d.summary().strip());
        vars.put(OversightReportVariables.VERIFICACION, visit ? (r.findings().isEmpty() ? "sin observaciones" : String.join("; ", r.findings()))
                : "no aplica (informe)");
        vars.put(OversightReportVariables.ALERTA, d.alert());
        vars.put(OversightReportVariables.ALERTA_TEXTO, d.alert() ? "SÍ" : "no");
        vars.put(OversightReportVariables.ARCHIVOS, files.size());
        String pid = runtime.startProcessInstanceByKey(PROCESS_KEY, code, vars).getId();
        jdbc.sql("UPDATE oversight_report SET process_instance_id = ? WHERE id = ?").params(pid, id).update();
        return code;
    }

    public Optional<Report> find(String code) {
        // the report row first, its projects after: no query inside the row mapper (two pooled connections)
        record Found(long id, Report report) {
        }
        Map<String, String> unitNames = executingUnits.names();
        return jdbc.sql("""
                SELECT r.*, (SELECT COUNT(*) FROM oversight_report_file f WHERE f.report_id = r.id) AS files
                FROM oversight_report r WHERE r.tracking_code = ?""")
                .param(code)
                .query((rs, i) -> {
                    List<String> findings = new ArrayList<>();
                    if (rs.getBoolean("no_resident")) findings.add(CHECKLIST.get("sinResidente"));
                    if (rs.getBoolean("safety_broken")) findings.add(CHECKLIST.get("seguridad"));
                    if (rs.getBoolean("no_logbook")) findings.add(CHECKLIST.get("sinCuaderno"));
                    if (rs.getBoolean("works_stopped")) findings.add(CHECKLIST.get("obraParalizada"));
                    if (rs.getBoolean("no_signboard")) findings.add(CHECKLIST.get("sinCartel"));
                    long id = rs.getLong("id");
                    return new Found(id, new Report(code, rs.getString("kind"), rs.getObject("visited_on", LocalDate.class),
                            rs.getString("summary"), findings, rs.getBoolean("alert"), unitNames.get(rs.getString("unit_code")),
                            rs.getString("status"), rs.getString("analysis"), rs.getString("unit_statement"),
                            rs.getString("response"), (Boolean) rs.getObject("alert_confirmed", Boolean.class),
                            rs.getTimestamp("created_at").toInstant(),
                            rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant(),
                            List.of(), rs.getInt("files"), rs.getString("author_user")));
                })
                .optional()
                .map(f -> {
                    Report r = f.report();
                    return new Report(r.code(), r.kind(), r.visitedOn(), r.summary(), r.findings(), r.alert(),
                            r.unitName(), r.status(), r.analysis(), r.unitStatement(), r.response(), r.alertConfirmed(),
                            r.createdAt(), r.answeredAt(), projectsOf(f.id()), r.files(), r.author());
                });
    }

    private List<WatchedProject> projectsOf(long reportId) {
        List<Long> ids = jdbc.sql("SELECT project_id FROM oversight_report_project WHERE report_id = ?")
                .param(reportId).query(Long.class).list();
        return projectList.byIds(ids).values().stream().sorted(java.util.Comparator.comparing(Projects.Project::cui))
                .map(OversightReports::watched).toList();
    }

    /** Reports about a project, newest first (public: without the author). */
    public List<Report> aboutProject(int year, String cui) {
        Optional<Projects.Project> project = projectList.find(year, cui);
        if (project.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT r.tracking_code FROM oversight_report r JOIN oversight_report_project x ON x.report_id = r.id
                WHERE x.project_id = ? ORDER BY r.id DESC""")
                .param(project.get().id()).query(String.class).list().stream().map(c -> find(c).orElseThrow()).toList();
    }

    public List<Report> recent(int limit) {
        return jdbc.sql("SELECT tracking_code FROM oversight_report ORDER BY id DESC").query(String.class).list()
                .stream().limit(limit).map(c -> find(c).orElseThrow()).toList();
    }

    public List<Report> byAuthor(String staffUser) {
        return jdbc.sql("SELECT tracking_code FROM oversight_report WHERE author_user = ? ORDER BY id DESC")
                .param(staffUser).query(String.class).list().stream().map(c -> find(c).orElseThrow()).toList();
    }

    public record StoredFile(long id, String name, String contentType, byte[] content) {
    }

    public List<StoredFile> files(String code) {
        return jdbc.sql("""
                SELECT f.id, f.file_name, f.content_type, f.content FROM oversight_report_file f
                JOIN oversight_report r ON r.id = f.report_id WHERE r.tracking_code = ? ORDER BY f.id""").param(code)
                .query((rs, i) -> new StoredFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                .list();
    }

    /**
     * "Revisar reporte" of the report of a process: the analysis is required, and a report with an alert of
     * non-compliance needs the executing unit's statement.
     */
    void review(String processInstanceId, boolean alert, boolean needsUnit, String analysis) {
        if (alert && !needsUnit) {
            throw new IllegalArgumentException("El reporte trae una alerta de incumplimiento: pida el descargo de "
                    + "la unidad ejecutora.");
        }
        if (analysis == null || analysis.isBlank()) {
            throw new IllegalArgumentException("Escriba el análisis de Planeamiento.");
        }
        reviewed(codeOfProcess(processInstanceId), analysis.strip(), needsUnit);
    }

    /** "Presentar descargo" of the report of a process: the unit's statement is required. */
    void statement(String processInstanceId, String statement) {
        if (statement == null || statement.isBlank()) {
            throw new IllegalArgumentException("Escriba el descargo de la unidad ejecutora.");
        }
        unitStatement(codeOfProcess(processInstanceId), statement.strip());
    }

    /** "Responder al comité" of the report of a process: the answer is required; stored and mailed. */
    void respond(String processInstanceId, String response, boolean alertConfirmed) {
        if (response == null || response.isBlank()) {
            throw new IllegalArgumentException("Escriba la respuesta al comité de vigilancia.");
        }
        answered(codeOfProcess(processInstanceId), response.strip(), alertConfirmed);
    }

    @Transactional
    void reviewed(String code, String analysis, boolean needsUnit) {
        jdbc.sql("UPDATE oversight_report SET analysis = ?, status = ? WHERE tracking_code = ?")
                .params(analysis, needsUnit ? "EN_DESCARGO" : "RECIBIDO", code).update();
    }

    @Transactional
    void unitStatement(String code, String statement) {
        jdbc.sql("UPDATE oversight_report SET unit_statement = ? WHERE tracking_code = ?").params(statement, code).update();
    }

    @Transactional
    void answered(String code, String response, boolean alertConfirmed) {
        jdbc.sql("UPDATE oversight_report SET response = ?, alert_confirmed = ?, status = 'RESPONDIDO', answered_at = ? "
                + "WHERE tracking_code = ?").params(response, alertConfirmed, Now.timestamp(), code).update();
        String author = jdbc.sql("SELECT author_user FROM oversight_report WHERE tracking_code = ?").param(code)
                .query(String.class).single();
        // a committee member is a staff user; a citizen monitor files as "monitor:<document>"
        (author.startsWith(MONITOR_PREFIX) ? citizens.emailOf(author.substring(MONITOR_PREFIX.length()))
                : jdbc.sql("SELECT EMAIL_ FROM ACT_ID_USER WHERE ID_ = ?").param(author).query(String.class).optional())
                .ifPresent(email -> notifications.send("vigilancia-respondida:" + code, email,
                        "Respuesta a su reporte de vigilancia " + code, "vigilancia-respondida",
                        Map.of("code", code, "response", response, "confirmed", alertConfirmed)));
    }

    private String newCode() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder b = new StringBuilder("VIG-");
        for (int i = 0; i < 8; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** The tracking code of the report an {@code oversight-report} instance was started for. */
    String codeOfProcess(String processInstanceId) {
        return jdbc.sql("SELECT tracking_code FROM oversight_report WHERE process_instance_id = ?")
                .param(processInstanceId).query(String.class).optional().orElseThrow(() -> new IllegalStateException(
                        "No oversight report for process instance " + processInstanceId));
    }

    /**
     * Who filed a report, as staff read it: a citizen monitor's name (issue 19: staff saw the monitor's DNI), or the
     * staff user's name.
     */
    public String authorName(String author) {
        if (author == null) {
            return "—";
        }
        if (author.startsWith(MONITOR_PREFIX)) {
            return "Monitor ciudadano " + citizens.fullName(author.substring(MONITOR_PREFIX.length()))
                    .orElse("(cuenta eliminada)");
        }
        return jdbc.sql("SELECT FIRST_, LAST_ FROM ACT_ID_USER WHERE ID_ = ?").param(author)
                .query((rs, n) -> String.join(" ", java.util.stream.Stream.of(rs.getString(1), rs.getString(2))
                        .filter(x -> x != null && !x.isBlank()).toList()) + " (" + author + ")")
                .optional().orElse(author);
    }
}
