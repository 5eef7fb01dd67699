package pe.gob.regioncajamarca.participa.accountability;

import pe.gob.regioncajamarca.participa.monitoring.MonitoringService;

import pe.gob.regioncajamarca.participa.projects.ExecutingUnits;

import pe.gob.regioncajamarca.participa.projects.Territory;

import pe.gob.regioncajamarca.participa.projects.Projects;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.gob.regioncajamarca.participa.accountability.HistoryRules.Context;
import pe.gob.regioncajamarca.participa.accountability.HistoryRules.ProgressRow;
import pe.gob.regioncajamarca.participa.accountability.HistoryRules.ProjectRow;
import pe.gob.regioncajamarca.participa.accountability.HistoryRules.RowProblem;
import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.cycle.OpenCycleCommand;
import pe.gob.regioncajamarca.participa.cycle.ProgrammeImport;
import pe.gob.regioncajamarca.participa.cycle.RegionalImpact;
import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.documents.TabularFile;
import pe.gob.regioncajamarca.participa.monitoring.Quarter;

/**
 * Loads the history of the last ten cycles from two files (CSV or XLSX, header row, any order): the prioritised
 * projects of earlier cycles ({@link #PROJECT_COLUMNS}) and their quarterly execution ({@link #PROGRESS_COLUMNS}).
 * Like the PMI, every row of both files is validated first and a file with any bad row is rejected whole with one
 * line per problem and nothing stored; what is already stored with the same data is left alone, so loading the same
 * files again changes nothing. A cycle that does not exist is created formalised, without a process, its scopes'
 * envelopes the sum of their projects' costs; a cycle run in the system (with a process) gets no projects from a file.
 * Execution goes into {@code monitoring_report} (reported by {@value #REPORTED_BY}) in rounds with status
 * {@code HISTORICA}; a quarter whose round ran in the system is not written over. The files are read twice as
 * streams (check, then store) and stored in batches, so 100,000 rows fit in little memory.
 */
@Service
public class HistoryImport {

    public static final List<String> PROJECT_COLUMNS = List.of("ciclo", "cui", "nombre", "ambito", "distritos", "costo",
            "funcion", "unidad_ejecutora");
    public static final List<String> PROGRESS_COLUMNS = List.of("ciclo", "cui", "trimestre", "avance_fisico",
            "devengado", "pim", "estado");
    public static final String REPORTED_BY = "historial";
    public static final String HISTORICAL_ROUND = "HISTORICA";
    static final String REASON = "Priorizado (historial cargado desde archivo)";
    static final int MAX_LISTED = 300;
    private static final int BATCH = 1000;
    private static final long NOT_COMPARABLE = Long.MIN_VALUE;

    private final CycleService cycles;
    private final DueDates plazos;
    private final RegionalImpact regionalImpact;

    private final Projects projectList;

    private final Territory territory;

    private final ExecutingUnits executingUnits;

    private final MonitoringService monitoring;

    public HistoryImport(CycleService cycles, DueDates plazos, RegionalImpact regionalImpact, Projects projectList,
                         Territory territory, ExecutingUnits executingUnits, MonitoringService monitoring) {
        this.monitoring = monitoring;
        this.executingUnits = executingUnits;
        this.territory = territory;
        this.projectList = projectList;
        this.regionalImpact = regionalImpact;
        this.cycles = cycles;
        this.plazos = plazos;
    }

    /** Opens the file's content again each time it is read (the file is read twice: check, then store). */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** An uploaded file: its name (which says CSV or XLSX) and its content. */
    public record Upload(String fileName, Opener opener) {

        public static Upload of(String fileName, byte[] content) {
            return new Upload(fileName, () -> new ByteArrayInputStream(content));
        }
    }

    /** One problem: the file, the row as the planner sees it in the spreadsheet (header = row 1), the column. */
    public record Problem(String file, int row, String column, String reason) {
        @Override
        public String toString() {
            return (file == null ? "" : file + ", ") + "fila " + row + (column == null ? "" : ", columna " + column)
                    + ": " + reason;
        }
    }

    public record Result(int projectsInserted, int projectsUnchanged, int reportsInserted, int reportsUnchanged,
                         List<Integer> cyclesCreated, List<String> roundsCreated) {

        public boolean changedNothing() {
            return projectsInserted == 0 && reportsInserted == 0;
        }
    }

    /** The files were rejected and nothing was stored; the first {@value #MAX_LISTED} problems are listed. */
    public static class RejectedFile extends RuntimeException {
        private final List<Problem> problems;
        private final int total;

        public RejectedFile(List<Problem> problems, int total) {
            super("El archivo fue rechazado y no se guardó nada. Corrija estas filas y vuelva a cargarlo:\n"
                    + String.join("\n", problems.stream().map(Problem::toString).toList())
                    + (total > problems.size() ? "\n… y " + (total - problems.size()) + " problemas más" : ""));
            this.problems = List.copyOf(problems);
            this.total = total;
        }

        public List<Problem> problems() {
            return problems;
        }

        /** Every problem found, also those not listed. */
        public int total() {
            return total;
        }
    }

    /** Validates both files (either may be null) and stores them; throws {@link RejectedFile} when any row is bad. */
    @Transactional
    public Result load(Upload projects, Upload progress) {
        Problems problems = new Problems();
        if (projects == null && progress == null) {
            problems.add(null, 1, null, "elija el archivo de proyectos, el de avance o ambos");
            throw problems.rejection();
        }
        Context ctx = context();
        Stored stored = stored(ctx);

        // 1. check every row of both files, storing nothing
        RegionalImpact.Rule impactRule = regionalImpact.current();
        Set<String> projectKeysInFile = new HashSet<>();
        Map<String, BigDecimal> costsInFile = new HashMap<>();
        Map<Integer, Map<String, BigDecimal>> newCosts = new TreeMap<>();
        int[] counts = new int[4]; // projects new, unchanged; reports new, unchanged
        if (projects != null) {
            Set<String> seen = new HashSet<>();
            int rows = read(projects, HistoryImport.PROJECT_COLUMNS, problems, line -> {
                projectKeysInFile.add(line.values().get("ciclo").trim() + ":" + line.values().get("cui").trim());
                List<RowProblem> rp = new ArrayList<>();
                ProjectRow p = HistoryRules.project(line, ctx, rp);
                rp.forEach(x -> problems.add(projects.fileName(), line.row(), x.column(), x.reason()));
                if (p == null) {
                    return;
                }
                String notOfRegionalImpact = notOfRegionalImpact(p, impactRule);
                if (notOfRegionalImpact != null) {
                    problems.add(projects.fileName(), line.row(), "ambito", notOfRegionalImpact);
                    return;
                }
                costsInFile.putIfAbsent(p.key(), p.cost());
                String problem = seen.add(p.key()) ? judge(p, stored) : "el CUI " + p.cui() + " del ciclo " + p.year()
                        + " se repite en el archivo";
                if (problem != null) {
                    problems.add(projects.fileName(), line.row(), "cui", problem);
                } else if (stored.projects.containsKey(p.key())) {
                    counts[1]++;
                } else {
                    counts[0]++;
                    newCosts.computeIfAbsent(p.year(), y -> new HashMap<>()).merge(p.scope(), p.cost(), BigDecimal::add);
                }
            });
            if (rows == 0) {
                problems.add(projects.fileName(), 2, null, "el archivo no tiene proyectos");
            }
        }
        Set<String> newQuarters = new TreeSet<>();
        if (progress != null) {
            Set<String> seen = new HashSet<>();
            int rows = read(progress, HistoryImport.PROGRESS_COLUMNS, problems, line -> {
                List<RowProblem> rp = new ArrayList<>();
                ProgressRow g = HistoryRules.progress(line, ctx, rp);
                rp.forEach(x -> problems.add(progress.fileName(), line.row(), x.column(), x.reason()));
                if (g == null) {
                    return;
                }
                StoredProject project = stored.projects.get(g.projectKey());
                BigDecimal cost = costsInFile.getOrDefault(g.projectKey(), project == null ? null : project.cost());
                Long report = stored.reports.get(g.key());
                String round = stored.rounds.get(g.quarter());
                if (!seen.add(g.key())) {
                    problems.add(progress.fileName(), line.row(), "trimestre", "el avance del CUI " + g.cui()
                            + " del ciclo " + g.year() + " en el trimestre " + g.quarter() + " se repite en el archivo");
                } else if (!projectKeysInFile.contains(g.projectKey()) && (project == null || !project.prioritized())) {
                    problems.add(progress.fileName(), line.row(), "cui", "el CUI " + g.cui()
                            + " no es un proyecto priorizado del ciclo " + g.year()
                            + ": inclúyalo en el archivo de proyectos");
                } else if (cost != null && g.financial().compareTo(cost) > 0) {
                    // accrued to date (since the project began) may exceed one year's PIM, never the project's cost
                    problems.add(progress.fileName(), line.row(), "devengado", "el devengado acumulado ("
                            + g.financial().toPlainString() + ") no puede superar el costo del proyecto ("
                            + cost.toPlainString() + "): el devengado es lo devengado desde el inicio del proyecto");
                } else if (report != null && report == HistoryRules.digest(g.canonical())) {
                    counts[3]++;
                } else if (report != null) {
                    problems.add(progress.fileName(), line.row(), "trimestre", "el CUI " + g.cui() + " ya tiene otro "
                            + "avance registrado en el trimestre " + g.quarter() + ": no se reemplaza desde un archivo");
                } else if (round != null && !HISTORICAL_ROUND.equals(round)) {
                    problems.add(progress.fileName(), line.row(), "trimestre", "el trimestre " + g.quarter()
                            + " tuvo su ronda de seguimiento en el sistema: el avance de ese trimestre se reporta allí");
                } else {
                    counts[2]++;
                    if (round == null) {
                        newQuarters.add(g.quarter());
                    }
                }
            });
            if (rows == 0) {
                problems.add(progress.fileName(), 2, null, "el archivo no tiene filas de avance");
            }
        }
        if (problems.total > 0) {
            throw problems.rejection();
        }

        // 2. store what is new, reading the files again
        List<Integer> created = new ArrayList<>();
        newCosts.forEach((year, costs) -> {
            if (stored.cycles.containsKey(year)) {
                return;
            }
            Map<String, BigDecimal> split = new HashMap<>();
            Scopes.ALL.forEach(s -> split.put(s, costs.getOrDefault(s, BigDecimal.ZERO).setScale(2)));
            BigDecimal total = split.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            cycles.importFormalised(new OpenCycleCommand(year, total, 1, split, List.of()));
            created.add(year);
        });
        for (String q : newQuarters) {
            // a historical round is dated as the quarter it reports
            LocalDate start = Quarter.parse(q).firstDay();
            monitoring.recordHistoricalRound(q, HISTORICAL_ROUND, start.atStartOfDay(),
                    start.plusMonths(3).minusDays(1).atTime(23, 59));
        }
        if (projects != null && counts[0] > 0) {
            storeProjects(projects, ctx, stored, impactRule);
            newCosts.keySet().stream().filter(stored.cycles::containsKey).forEach(this::widenEnvelopes);
        }
        if (progress != null && counts[2] > 0) {
            Set<Integer> years = storeReports(progress, ctx, stored);
            for (int year : years) {
                // each prioritised project that has a report takes the status of its latest one
                Map<Long, MonitoringService.Latest> latest = monitoring.latestReported(projectList.prioritised(year)
                        .stream().map(Projects.Project::id).toList());
                Map<Long, String> statuses = new HashMap<>();
                latest.forEach((id, l) -> statuses.put(id, l.executionStatus()));
                projectList.setExecutionStatuses(statuses);
            }
        }
        return new Result(counts[0], counts[1], counts[2], counts[3], created, List.copyOf(newQuarters));
    }

    /**
     * Why a MULTIPROVINCIAL row cannot be a prioritised project (it is not of regional impact, so it was not eligible),
     * in the words of the decision {@code impacto-regional}; null when it is of regional impact or not MULTIPROVINCIAL.
     */
    private static String notOfRegionalImpact(ProjectRow p, RegionalImpact.Rule rule) {
        if (!Scopes.MULTIPROVINCIAL.equals(p.scope())) {
            return null;
        }
        RegionalImpact.Decision d = rule.decide(p.cost(), p.districts());
        return d.eligible() ? null : "el proyecto MULTIPROVINCIAL " + d.reason() + " (uno priorizado debe costar "
                + "S/ 3,000,000 o más y beneficiar a al menos 3 distritos de al menos 2 provincias): corrija el costo, "
                + "los distritos o el ámbito";
    }

    /** Why a valid project row cannot be stored as it is, or null when it is new or already stored the same. */
    private static String judge(ProjectRow p, Stored stored) {
        StoredProject s = stored.projects.get(p.key());
        Boolean historical = stored.cycles.get(p.year());
        if (s != null && s.digest() == HistoryRules.digest(p.canonical()) && s.prioritized()) {
            return null;
        }
        if (Boolean.FALSE.equals(historical)) {
            return "el ciclo " + p.year() + " se llevó en el sistema: sus proyectos y su priorización no se cargan "
                    + "desde un archivo";
        }
        if (s != null && !s.prioritized()) {
            return "el CUI " + p.cui() + " está en el ciclo " + p.year() + " pero no fue priorizado";
        }
        if (s != null) {
            return "el CUI " + p.cui() + " ya está cargado en el ciclo " + p.year() + " con otros datos (nombre, ámbito, "
                    + "distritos, costo, función o unidad): corrija el archivo para que coincida";
        }
        return null;
    }

    private Context context() {
        LocalDate today = plazos.today();
        Map<String, String> districtProvince = territory.districtProvinces();
        Map<String, String> scopeProvince = territory.scopeCodes();
        Set<String> units = new HashSet<>(executingUnits.names().keySet());
        return new Context(today.getYear(), Quarter.reportedBy(today).toString(),
                districtProvince, scopeProvince, units);
    }

    private record StoredProject(long digest, boolean prioritized, BigDecimal cost) {
    }

    /** What the database already holds for the cycles of the window, as digests (little memory). */
    private record Stored(Map<Integer, Boolean> cycles, Map<String, StoredProject> projects, Map<String, Long> reports,
                          Map<String, String> rounds) {
    }

    private Stored stored(Context ctx) {
        Map<Integer, Boolean> cycleMap = cycles.historicalFlags(ctx.firstYear(), ctx.lastYear());
        Map<String, StoredProject> projectMap = new HashMap<>();
        projectList.eachStated(ctx.firstYear(), ctx.lastYear(), x -> {
            ProjectRow p = new ProjectRow(x.year(), x.cui(), x.name(), x.scope(), x.districts(),
                    x.cost().setScale(2), x.sector(), x.unit());
            projectMap.put(p.key(), new StoredProject(HistoryRules.digest(p.canonical()),
                    Boolean.TRUE.equals(x.prioritized()), p.cost()));
        });
        Map<Long, Projects.Key> byId = new HashMap<>();
        projectList.keysIn(ctx.firstYear(), ctx.lastYear()).values().forEach(k -> byId.put(k.id(), k));
        Map<String, Long> reportMap = new HashMap<>();
        monitoring.eachReport(r -> {
            Projects.Key k = byId.get(r.projectId());
            if (k == null) {
                return;
            }
            BigDecimal physical = r.physicalProgress();
            BigDecimal financial = r.financialExecution();
            BigDecimal budget = r.currentBudget();
            String status = r.executionStatus();
            long digest = "REPORTADO".equals(r.status()) && physical != null && financial != null
                    && budget != null && status != null
                    ? HistoryRules.digest(new ProgressRow(0, null, null, physical.setScale(2),
                    financial.setScale(2), budget.setScale(2), status).canonical())
                    : NOT_COMPARABLE;
            reportMap.put(k.year() + ":" + k.cui() + ":" + r.quarter(), digest);
        });
        return new Stored(cycleMap, projectMap, reportMap, monitoring.roundStatuses());
    }

    /** Streams the rows of a file to {@code each}; returns how many data rows it has. */
    private static int read(Upload upload, List<String> columns, Problems problems, Consumer<TabularFile.Line> each) {
        List<TabularFile.Problem> fileProblems = new ArrayList<>();
        int[] rows = {0};
        try (InputStream in = upload.opener().open()) {
            TabularFile.forEach(upload.fileName(), in, columns, fileProblems, line -> {
                rows[0]++;
                each.accept(line);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fileProblems.forEach(p -> problems.add(upload.fileName(), p.row(), p.column(), p.reason()));
        return fileProblems.isEmpty() ? rows[0] : -1;
    }

    private void storeProjects(Upload projects, Context ctx, Stored stored, RegionalImpact.Rule impactRule) {
        List<Projects.Historical> projectRows = new ArrayList<>();
        Runnable flush = () -> {
            if (!projectRows.isEmpty()) {
                projectList.insertHistorical(projectRows);
                projectRows.clear();
            }
        };
        read(projects, PROJECT_COLUMNS, new Problems(), line -> {
            ProjectRow p = HistoryRules.project(line, ctx, new ArrayList<>());
            if (p == null || stored.projects.containsKey(p.key())) {
                return;
            }
            stored.projects.put(p.key(), new StoredProject(HistoryRules.digest(p.canonical()), true, p.cost()));
            RegionalImpact.Decision impact = Scopes.MULTIPROVINCIAL.equals(p.scope())
                    ? impactRule.decide(p.cost(), p.districts()) : null; // of regional impact: checked in step 1
            projectRows.add(new Projects.Historical(p.year(), p.cui(), p.name(), p.scope(), p.cost(), p.sector(),
                    p.unit(), REASON, LocalDate.of(p.year() + 1, 1, 1), impact == null ? null : impact.eligible(),
                    impact == null ? null : impact.reason(), p.districts()));
            if (projectRows.size() >= BATCH) {
                flush.run();
            }
        });
        flush.run();
    }

    /** A historical cycle that got more projects: each scope's envelope covers at least its prioritised projects. */
    private void widenEnvelopes(int year) {
        cycles.widenEnvelopes(year, projectList.prioritisedCostByScope(year));
    }

    private Set<Integer> storeReports(Upload progress, Context ctx, Stored stored) {
        Set<Integer> years = new TreeSet<>();
        List<MonitoringService.HistoricalReport> rows = new ArrayList<>();
        // the projects of the window, the ones just stored included: the report's project and its unit's group
        Map<String, Projects.Key> keys = projectList.keysIn(ctx.firstYear(), ctx.lastYear());
        read(progress, PROGRESS_COLUMNS, new Problems(), line -> {
            ProgressRow g = HistoryRules.progress(line, ctx, new ArrayList<>());
            if (g == null || stored.reports.containsKey(g.key())) {
                return;
            }
            stored.reports.put(g.key(), HistoryRules.digest(g.canonical()));
            years.add(g.year());
            Projects.Key project = keys.get(g.year() + ":" + g.cui());
            if (project == null) {
                return;
            }
            rows.add(new MonitoringService.HistoricalReport(g.quarter(), project.id(), project.unitGroup(),
                    g.physical(), g.financial(), g.budget(), g.status(), REPORTED_BY,
                    Quarter.parse(g.quarter()).lastDay().atTime(12, 0)));
            if (rows.size() >= BATCH) {
                monitoring.insertHistorical(rows);
                rows.clear();
            }
        });
        if (!rows.isEmpty()) {
            monitoring.insertHistorical(rows);
        }
        return years;
    }

    /** The problems found, the first {@value #MAX_LISTED} kept. */
    private static final class Problems {
        private final List<Problem> listed = new ArrayList<>();
        private int total;

        void add(String file, int row, String column, String reason) {
            total++;
            if (listed.size() < MAX_LISTED) {
                listed.add(new Problem(file, row, column, reason));
            }
        }

        RejectedFile rejection() {
            return new RejectedFile(listed, total);
        }
    }
}
