package pe.gob.regioncajamarca.participa.demo;

import pe.gob.regioncajamarca.participa.monitoring.MonitoringService;

import pe.gob.regioncajamarca.participa.projects.Territory;

import pe.gob.regioncajamarca.participa.projects.Projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.accountability.HistoryImport;
import pe.gob.regioncajamarca.participa.accreditation.AccreditationService;
import pe.gob.regioncajamarca.participa.accreditation.AgentApplication;
import pe.gob.regioncajamarca.participa.calendar.DueDates;
import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.cycle.CycleStarter;
import pe.gob.regioncajamarca.participa.cycle.OpenCycleCommand;
import pe.gob.regioncajamarca.participa.cycle.Prioritisation;
import pe.gob.regioncajamarca.participa.cycle.RegionalImpact;
import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;
import pe.gob.regioncajamarca.participa.complaints.ComplaintService;
import pe.gob.regioncajamarca.participa.ideas.IdeaService;
import pe.gob.regioncajamarca.participa.investments.NationalImports;
import pe.gob.regioncajamarca.participa.oversight.OversightReports;
import pe.gob.regioncajamarca.participa.ideas.IdeaSubmission;
import pe.gob.regioncajamarca.participa.monitoring.MonitoringRounds;
import pe.gob.regioncajamarca.participa.monitoring.Quarter;
import pe.gob.regioncajamarca.participa.news.News;

/**
 * Profile demo: data to click through, loaded once (each part checks whether it exists): three hand-made formalised
 * cycles (2023-2025) with projects and their prioritisation, the other earlier cycles of the last ten years and the
 * quarterly execution of all ten loaded through the planning office's history import, the current cycle started through
 * {@code participatory-budget-cycle}, the demo citizen accredited in it, pending registrations, ideas, a
 * monitoring round, complaints, an oversight report and a training programme, so that every demo user finds
 * tasks in Tasklist. docs/demo-data.md describes it.
 */
@Component
@Profile("demo")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String DEMO_DNI = "40000001";

    private final JdbcClient jdbc;
    private final CycleService cycles;
    private final CycleStarter starter;
    private final CitizenAccounts citizens;
    private final AccreditationService accreditation;
    private final IdeaService ideas;
    private final MonitoringRounds rounds;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final DueDates plazos;

    private final ComplaintService complaints;
    private final OversightReports oversightReports;
    private final News news;
    private final RegionalImpact regionalImpact;
    private final HistoryImport history;
    private final NationalImports nationalImports;

    private final Projects projectList;

    private final Territory territory;

    private final MonitoringService monitoring;

    DemoData(JdbcClient jdbc, CycleService cycles, CycleStarter starter, CitizenAccounts citizens,
             AccreditationService accreditation, IdeaService ideas, MonitoringRounds rounds, RuntimeService runtime,
             TaskService tasks, DueDates plazos, ComplaintService complaints, OversightReports oversightReports,
             News news, RegionalImpact regionalImpact, HistoryImport history, NationalImports nationalImports, Projects projectList, Territory territory, MonitoringService monitoring) {
        this.monitoring = monitoring;
        this.territory = territory;
        this.projectList = projectList;
        this.nationalImports = nationalImports;
        this.history = history;
        this.regionalImpact = regionalImpact;
        this.news = news;
        this.complaints = complaints;
        this.oversightReports = oversightReports;
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.starter = starter;
        this.citizens = citizens;
        this.accreditation = accreditation;
        this.ideas = ideas;
        this.rounds = rounds;
        this.runtime = runtime;
        this.tasks = tasks;
        this.plazos = plazos;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10) // after the staff identity (order 0)
    void load() {
        long started = System.nanoTime();
        boolean handMade = cycles.find(2023).isEmpty();
        if (handMade) {
            earlierCycles();
        }
        // before the current cycle: its monitoring round then asks for the quarter just ended of every project still
        // in works, the earlier cycles' too
        history(handMade);
        nationalFigures();
        long demoCitizen = citizens.create("DNI", DEMO_DNI, "demo", "ciudadano.demo@example.pe", "María Elena",
                "Quispe", "Chávez");
        LocalDate today = plazos.today();
        int year = today.getYear();
        if (cycles.find(year).isEmpty()) {
            currentCycle(year, today, demoCitizen);
            log.info("Datos de demostración cargados: ciclos {}-{} y ciclo en curso {}", year - 10, year - 1, year);
        }
        if (news.all().isEmpty()) {
            demoNews(year);
        }
        log.info("Datos de demostración listos en {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    // ------------------------------------------------------------------ the national investment system's figures
    /**
     * A small "Detalle de inversiones" file of the national investment system (MEF) for a dozen earlier projects still
     * in works or paralysed, imported as the planning office does on /personal/inversiones (in the background), so
     * that their pages show "Lo que dice el sistema nacional de inversiones" and their units' progress forms start
     * from those figures. Illustrative figures, a little ahead of the last report. Only when nothing was ever imported;
     * none of unit.sede's projects (its Tasklist walk starts from the unit's own figures).
     */
    private void nationalFigures() {
        if (!nationalImports.recent(1).isEmpty()) {
            return;
        }
        int year = plazos.today().getYear();
        StringBuilder file = new StringBuilder("CODIGO_UNICO,NOMBRE_INVERSION,ESTADO,SITUACION,NOMBRE_UEI,UBIGEO,"
                + "COSTO_ACTUALIZADO,DEVEN_ACUMUL_ANIO_ANT,PIM_ANIO_ACTUAL,DEV_ANIO_ACTUAL,AVANCE_FISICO\n");
        // earlier cycles' prioritised projects in works or paralysed, not the central office's, with money reported
        List<Projects.Project> candidates = projectList.prioritisedIn(java.util.stream.IntStream.rangeClosed(year - 10,
                year - 1).boxed().toList()).stream()
                .filter(p -> !"sede-central".equals(p.unit())
                        && ("EN_EJECUCION".equals(p.executionStatus()) || "PARALIZADO".equals(p.executionStatus())))
                .toList();
        Map<Long, pe.gob.regioncajamarca.participa.monitoring.MonitoringService.Latest> latest = monitoring
                .latestReported(candidates.stream().map(Projects.Project::id).toList());
        List<Projects.Project> chosen = candidates.stream()
                .filter(p -> latest.containsKey(p.id()) && latest.get(p.id()).financialExecution() != null
                        && latest.get(p.id()).financialExecution().signum() > 0)
                .sorted(java.util.Comparator.comparing(Projects.Project::year, java.util.Comparator.reverseOrder())
                        .thenComparing(Projects.Project::cui))
                .limit(12).toList();
        Map<Long, List<String>> districtsOf = projectList.districtsOf(chosen.stream().map(Projects.Project::id)
                .toList());
        for (int i = 0; i < chosen.size(); i++) {
            Projects.Project p = chosen.get(i);
            var l = latest.get(p.id());
            List<String> ds = districtsOf.getOrDefault(p.id(), List.of());
            String firstDistrict = ds.isEmpty() ? null : ds.get(0);
            BigDecimal cost = p.cost();
            BigDecimal accrued = l.financialExecution();
            BigDecimal before = accrued.multiply(new BigDecimal("0.8")).setScale(2, java.math.RoundingMode.DOWN);
            BigDecimal updated = cost.multiply(i % 3 == 0 ? new BigDecimal("1.08") : BigDecimal.ONE)
                    .setScale(2, java.math.RoundingMode.HALF_UP);
            BigDecimal thisYear = accrued.subtract(before).add(cost.multiply(new BigDecimal("0.02")))
                    .setScale(2, java.math.RoundingMode.DOWN);
            BigDecimal pim = thisYear.multiply(new BigDecimal("1.6")).setScale(2, java.math.RoundingMode.UP);
            BigDecimal physical = l.physicalProgress().add(BigDecimal.valueOf(i % 4 * 2)).min(new BigDecimal("99"));
            file.append(p.cui()).append(",\"")
                    .append(p.name().toUpperCase(java.util.Locale.ROOT).replace("\"", "")).append("\",")
                    .append("ACTIVO,VIABLE,\"GOBIERNO REGIONAL CAJAMARCA - ")
                    .append(p.unitName().toUpperCase(java.util.Locale.ROOT)).append("\",")
                    .append(firstDistrict).append(',').append(updated.toPlainString()).append(',')
                    .append(before.toPlainString()).append(',').append(pim.toPlainString()).append(',')
                    .append(thisYear.toPlainString()).append(',').append(physical.toPlainString()).append('\n');
        }
        int rows = chosen.size();
        if (rows == 0) {
            return;
        }
        try {
            java.nio.file.Path tmp = java.nio.file.Files.createTempFile("detalle-inversiones-demo", ".csv");
            java.nio.file.Files.writeString(tmp, file, java.nio.charset.StandardCharsets.UTF_8);
            nationalImports.start(tmp, "detalle-inversiones-demo.csv", NationalImports.Source.ARCHIVO, "planner");
            log.info("Datos de demostración: cifras del sistema nacional de inversiones de {} proyectos (importación en "
                    + "segundo plano)", rows);
        } catch (java.io.IOException | NationalImports.Busy e) {
            log.warn("Datos de demostración: no se importaron las cifras nacionales: {}", e.getMessage());
        }
    }

    // ------------------------------------------------------------------ the last ten cycles, from history files
    /**
     * The ten cycles before the current year through the planning office's own import ({@link HistoryImport}, the
     * two files of /personal/historial): for each year without a cycle, 15 to 25 prioritised projects generated over
     * every scope and their quarterly execution; and, when the hand-made cycles were just stored
     * ({@code handMade}), the quarterly execution of their prioritised projects, ending in the status each has. The
     * execution goes up to the quarter before the last ended one: that one is reported in the current round, which
     * the current cycle opens. Does nothing when every year exists and the hand-made cycles were there before.
     */
    private void history(boolean handMade) {
        int year = plazos.today().getYear();
        Quarter lastHistory = Quarter.reportedBy(plazos.today()).previous();
        List<Integer> missing = new java.util.ArrayList<>();
        for (int y = year - 10; y <= year - 1; y++) {
            if (cycles.find(y).isEmpty()) {
                missing.add(y);
            }
        }
        if (missing.isEmpty() && !handMade) {
            return;
        }
        long started = System.nanoTime();
        DemoHistory generator = new DemoHistory(territory.scopedDistricts().stream()
                .map(d -> new DemoHistory.District(d.ubigeo(), d.scope(), d.name())).toList());
        java.util.Set<String> taken = projectList.allCuis();
        List<DemoHistory.Project> projects = new java.util.ArrayList<>();
        missing.forEach(y -> projects.addAll(generator.projects(y, taken)));
        List<String> progress = new java.util.ArrayList<>();
        projects.forEach(p -> progress.addAll(DemoHistory.progress(p, lastHistory, null)));
        if (handMade) {
            projectList.prioritisedIn(java.util.stream.IntStream.rangeClosed(year - 10, year - 1).boxed().toList())
                    .stream().filter(x -> x.executionStatus() != null)
                    .sorted(java.util.Comparator.comparing(Projects.Project::year).thenComparing(Projects.Project::cui))
                    .forEach(x -> {
                        DemoHistory.Project p = new DemoHistory.Project(x.year(), x.cui(), null, null,
                                List.of(), x.cost().setScale(2), null, null);
                        DemoHistory.Fate fate = switch (x.executionStatus()) {
                            case "CONCLUIDO" -> DemoHistory.Fate.COMPLETED;
                            case "PARALIZADO" -> DemoHistory.Fate.PARALYSED;
                            case "NO_INICIADO" -> DemoHistory.Fate.NEVER_STARTED;
                            default -> DemoHistory.Fate.IN_EXECUTION;
                        };
                        progress.addAll(DemoHistory.progress(p, lastHistory, fate));
                    });
        }
        if (projects.isEmpty() && progress.isEmpty()) {
            return;
        }
        StringBuilder progressCsv = new StringBuilder(DemoHistory.PROGRESS_HEADER).append('\n');
        progress.forEach(r -> progressCsv.append(r).append('\n'));
        HistoryImport.Result r = history.load(
                projects.isEmpty() ? null : HistoryImport.Upload.of("historial-proyectos-demo.csv",
                        DemoHistory.projectsCsv(projects).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                progress.isEmpty() ? null : HistoryImport.Upload.of("historial-avance-demo.csv",
                        progressCsv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        log.info("Datos de demostración: historial cargado con la importación de la oficina de planeamiento: ciclos {}, "
                        + "{} proyectos y {} reportes trimestrales (hasta {}) en {} ms", r.cyclesCreated(),
                r.projectsInserted(), r.reportsInserted(), lastHistory, (System.nanoTime() - started) / 1_000_000);
    }

    // ------------------------------------------------------------------ news
    /**
     * Three published news items of the Oficina de Comunicaciones (the demo has no user in communications: they are
     * signed by {@code admin}, who may also use /personal/noticias). Illustrative texts, not real announcements.
     */
    private void demoNews(int year) {
        String[][] items = {
                {"Resultados del presupuesto participativo " + (year - 1) + " publicados",
                        "La matriz de priorización y el resumen de votos por ámbito del ciclo " + (year - 1)
                                + " ya pueden consultarse en la sección Resultados.",
                        "El Gobierno Regional de Cajamarca publicó los resultados del presupuesto participativo "
                                + (year - 1) + ": los proyectos priorizados de cada ámbito, su puntaje técnico, los "
                                + "votos recibidos y la razón de cada decisión.\n\nLas actas y la matriz pueden "
                                + "descargarse en PDF y CSV desde la sección Resultados y desde Datos abiertos.",
                        String.valueOf(year - 1)},
                {"Capacitación gratuita para agentes participantes",
                        "Está abierta la inscripción al curso «El presupuesto participativo regional paso a paso», "
                                + "con certificado para quienes lo aprueben.",
                        "La Sub Gerencia de Planeamiento y la Oficina de Comunicaciones invitan a los agentes "
                                + "participantes, dirigentes y vecinos a inscribirse en el curso.\n\nLas sesiones "
                                + "son presenciales en la sede regional y pueden seguirse en línea. La inscripción "
                                + "se hace en la sección Capacitación con su cuenta del portal.",
                        null},
                {"Empieza el presupuesto participativo " + year,
                        "Inscríbase como agente participante y proponga ideas de proyecto para su provincia: "
                                + "las fechas de cada fase están en Inicio.",
                        "El Gobierno Regional de Cajamarca abrió el ciclo " + year + " del presupuesto "
                                + "participativo.\n\nLas organizaciones de la sociedad civil pueden inscribir a sus "
                                + "agentes participantes en el portal; cualquier vecino puede proponer ideas de "
                                + "proyecto y apoyar las de otros.\n\nLos agentes acreditados votarán por los "
                                + "proyectos de su provincia en la fase de votación.",
                        String.valueOf(year)}};
        for (String[] n : items) {
            long id = news.create(new News.Draft(n[0], n[1], n[2], n[3] == null ? null : Integer.valueOf(n[3])), "admin");
            news.publish(id, "admin");
        }
        log.info("Datos de demostración: {} noticias publicadas", items.length);
    }

    // ------------------------------------------------------------------ earlier cycles
    record P(String cui, String name, String scope, String cost, String sector, String unit, int technical, int votes,
             String execution, String... districts) {
    }

    private void earlierCycles() {
        formalised(2023, "30000000", List.of(
                new P("2234235", "Mejoramiento de los servicios de educación inicial escolarizada en las provincias de "
                        + "Chota y Santa Cruz", "MULTIPROVINCIAL", "6100000.00", "Educación", "educacion", 84, 310,
                        "CONCLUIDO", "060401", "060417", "061301"),
                new P("2417734", "Mejoramiento del camino vecinal Bambamarca - Chugur", "HUALGAYOC", "1650000.00",
                        "Transporte", "transportes", 77, 140, "CONCLUIDO", "060701", "060702"),
                new P("2455120", "Mejoramiento del servicio de salud del puesto de salud de Sallique", "JAEN",
                        "1390000.00", "Salud", "sub-region-jaen", 73, 98, "EN_EJECUCION", "060809"),
                new P("2461987", "Instalación del servicio de agua para riego tecnificado en Namballe", "SAN_IGNACIO",
                        "1280000.00", "Agricultura", "agricultura", 69, 77, "EN_EJECUCION", "060905")));
        formalised(2024, "32000000", List.of(
                new P("2500442", "Adquisición de equipamiento de laboratorio en 13 agencias agrarias de la región",
                        "MULTIPROVINCIAL", "456468.55", "Agricultura", "agricultura", 82, 205, null,
                        "060101", "060401", "060801", "060901"),
                new P("2585850", "Construcción de espacio deportivo con cobertura en cinco II.EE. de primaria",
                        "MULTIPROVINCIAL", "3370340.00", "Educación", "educacion", 79, 260, "EN_EJECUCION",
                        "060101", "060108", "060201"),
                new P("240372", "Mejoramiento y ampliación del servicio de agua para riego en los caseríos de Apalin "
                        + "y Bellavista Baja, distrito de Jesús", "CAJAMARCA", "1780000.00", "Agricultura",
                        "sede-central", 81, 190, "PARALIZADO", "060106"),
                new P("2471230", "Mejoramiento de la trocha carrozable Cutervo - Santo Tomás", "CUTERVO", "1450000.00",
                        "Transporte", "sub-region-cutervo", 75, 120, "EN_EJECUCION", "060601", "060613")));
        formalised(2025, "35000000", List.of(
                new P("2324969", "Mejoramiento del servicio educativo en el complejo educativo La Colpa, distrito de "
                        + "Jesús", "CAJAMARCA", "4850000.00", "Educación", "sede-central", 86, 212, "EN_EJECUCION",
                        "060106"),
                new P("242534", "Mejoramiento del servicio educativo de la I.E. Militar Gral. Rafael Hoyos Rubio, "
                        + "Chucopampa, distrito de Jesús", "CAJAMARCA", "2960000.00", "Educación", "ugel-cajamarca",
                        78, 150, "NO_INICIADO", "060106"),
                new P("2590047", "Mejoramiento y ampliación del servicio educativo en Huaraclla, distrito de Jesús",
                        "CAJAMARCA", "3400000.00", "Educación", "educacion", 70, 95, null, "060106"),
                new P("2507448", "Mejoramiento del servicio de agua para uso agrario en la cuenca del río Azufre - "
                        + "Combayo", "CAJAMARCA", "5200000.00", "Agricultura", "sede-central", 74, 120,
                        "EN_EJECUCION", "060105"),
                new P("2601144", "Mejoramiento del servicio de agua potable en Chancay, San Marcos", "SAN_MARCOS",
                        "1880000.00", "Saneamiento", "vivienda", 80, 88, "EN_EJECUCION", "061002")));
    }

    /** Stores a formalised cycle and its projects with the results of the prioritisation rule. */
    private void formalised(int year, String total, List<P> projects) {
        BigDecimal envelope = new BigDecimal(total);
        Map<String, BigDecimal> split = new LinkedHashMap<>();
        BigDecimal cajamarca = envelope.multiply(new BigDecimal("0.30"));
        BigDecimal multi = envelope.multiply(new BigDecimal("0.25"));
        BigDecimal others = envelope.subtract(cajamarca).subtract(multi)
                .divide(BigDecimal.valueOf(Scopes.PROVINCES.size() - 1), 2, java.math.RoundingMode.DOWN);
        for (String p : Scopes.PROVINCES) {
            split.put(p, p.equals("CAJAMARCA") ? cajamarca : others);
        }
        split.put(Scopes.MULTIPROVINCIAL, multi);
        BigDecimal sum = split.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        split.put("CAJAMARCA", cajamarca.add(envelope.subtract(sum))); // rounding rest
        cycles.importFormalised(new OpenCycleCommand(year, envelope, 5, split, List.of()));

        // a MULTIPROVINCIAL project's eligibility comes from the decision impacto-regional, as when a programme is loaded
        RegionalImpact.Rule rule = regionalImpact.current();
        List<RegionalImpact.Decision> impact = projects.stream().map(p -> Scopes.MULTIPROVINCIAL.equals(p.scope())
                ? rule.decide(new BigDecimal(p.cost()), Set.of(p.districts())) : null).toList();
        List<Prioritisation.Candidate> candidates = new java.util.ArrayList<>();
        for (int i = 0; i < projects.size(); i++) {
            P p = projects.get(i);
            candidates.add(new Prioritisation.Candidate(p.cui(), p.scope(), new BigDecimal(p.cost()),
                    BigDecimal.valueOf(p.technical()), p.votes(), Set.of(p.districts()), impact.get(i)));
        }
        List<Prioritisation.Result> results = Prioritisation.apply(candidates, split);
        List<Projects.Formalised> rows = new java.util.ArrayList<>(projects.size());
        for (int i = 0; i < projects.size(); i++) {
            P p = projects.get(i);
            Prioritisation.Result r = results.get(i);
            RegionalImpact.Decision decided = impact.get(i);
            rows.add(new Projects.Formalised(p.cui(), p.name(), p.scope(), new BigDecimal(p.cost()), p.sector(),
                    p.unit(), BigDecimal.valueOf(p.technical()), p.votes(), r.voteScore(), r.totalScore(), r.rank(),
                    r.prioritized(), r.reason(), r.prioritized() ? p.execution() : null,
                    decided == null ? null : decided.eligible(), decided == null ? null : decided.reason(),
                    List.of(p.districts())));
        }
        projectList.insertFormalised(year, rows);
        cycles.registerForMonitoring(year);
    }

    // ------------------------------------------------------------------ the current cycle and its work
    private void currentCycle(int year, LocalDate today, long demoCitizen) {
        Map<String, BigDecimal> split = new LinkedHashMap<>();
        for (String p : Scopes.PROVINCES) {
            split.put(p, new BigDecimal(p.equals("CAJAMARCA") ? "9000000" : "1500000"));
        }
        split.put(Scopes.MULTIPROVINCIAL, new BigDecimal("8000000"));
        BigDecimal envelope = split.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        starter.start(new OpenCycleCommand(year, envelope, 5, split, List.of(
                new Cycle.PhaseWindow(CyclePhase.INSCRIPCION, today.minusDays(10), today.plusDays(20)),
                new Cycle.PhaseWindow(CyclePhase.IDEAS, today.minusDays(5), today.plusDays(25)),
                new Cycle.PhaseWindow(CyclePhase.EVALUACION, today.plusDays(26), today.plusDays(45)),
                new Cycle.PhaseWindow(CyclePhase.VOTACION, today.plusDays(46), today.plusDays(55)),
                new Cycle.PhaseWindow(CyclePhase.FORMALIZACION, today.plusDays(56), today.plusDays(75)))));

        // the demo citizen, accredited through the process (the job executor finishes the last step)
        var mine = accreditation.register(new AgentApplication(year, demoCitizen, "976543210", "F",
                LocalDate.of(1988, 3, 14), "Superior universitaria", "Enfermera",
                "Asociación de Productores Agropecuarios de Jesús", "0601", "060106"));
        Task review = tasks.createTaskQuery().processInstanceId(mine.processInstanceId()).singleResult();
        tasks.complete(review.getId(), Map.of("decision", "aprobar"));

        // registrations waiting for the planning office
        String[][] agents = {
                {"41234567", "José Antonio", "Mendoza", "Vargas", "0604", "060401", "Ronda Campesina de Chota"},
                {"42345678", "Rosa Elvira", "Cubas", "Díaz", "0608", "060801", "Junta de Usuarios de Riego de Jaén"},
                {"43456789", "Wilder", "Tantaleán", "Huamán", "0607", "060701", null}};
        for (String[] a : agents) {
            long id = citizens.create("DNI", a[0], "demo", "agente" + a[0] + "@example.pe", a[1], a[2], a[3]);
            accreditation.register(new AgentApplication(year, id, "9" + a[0], "M", LocalDate.of(1979, 7, 2),
                    "Secundaria completa", null, a[6], a[4], a[5]));
        }

        // ideas waiting for the technical team
        ideas.submit(new IdeaSubmission(year, "Reservorio de agua para riego en el caserío Chim Chim", "0601",
                "060105", "Agricultura", "Eje 3: Desarrollo económico competitivo", 320, new BigDecimal("950000"),
                "ciudadano.demo@example.pe"));
        ideas.submit(new IdeaSubmission(year, "Puesto de salud con sala de partos en Querocoto", "0604", "060415",
                "Salud", "Eje 1: Desarrollo social", 2100, new BigDecimal("2400000"), null));

        // the current monitoring round: executing units (unit.sede) report their projects
        // (it reports the quarter that has just ended)
        String quarter = pe.gob.regioncajamarca.participa.monitoring.Quarter.reportedBy(today).toString();
        if (!monitoring.roundStatuses().containsKey(quarter)) {
            rounds.startByHand(quarter);
        }

        // a complaint, a report of wrongdoing, an oversight report and a training programme
        // one open item of each kind, submitted as the portal does (tracking codes in the demo mails)
        complaints.submit(new ComplaintService.Submission("RECLAMO", "Obra de riego paralizada en Apalin",
                "La obra del canal de riego de Apalin está paralizada hace dos meses y nadie informa cuándo se reanuda.",
                "240372", false, "Teodoro Rojas Huamán", "41112233", "vecino.apalin@example.pe", null), null);
        complaints.submit(new ComplaintService.Submission("CONSULTA", "Fechas de los talleres de votación",
                "¿En qué fechas y lugares serán los talleres provinciales de votación en la provincia de Chota?",
                null, false, "Rosa Vásquez Díaz", null, "rosa.vasquez@example.pe", null), null);
        complaints.submit(new ComplaintService.Submission("ACCESO_INFORMACION", "Expediente técnico del colegio",
                "Solicito copia del expediente técnico del proyecto de mejoramiento del colegio de La Colpa.",
                "2324969", false, "Juan Cerna Llanos", "42223344", "juan.cerna@example.pe", null), null);
        complaints.submit(new ComplaintService.Submission("DENUNCIA", "Cobro indebido en la obra",
                "El residente de obra cobra a los pobladores por contratarlos como peones en la obra del canal.",
                "240372", true, null, null, null, null), null);
        // the demo committee member reports the paralysed irrigation works 240372, with an alert
        oversightReports.file(new OversightReports.Draft("VISITA", plazos.today().minusDays(2),
                "La obra de riego de Apalin está paralizada desde hace dos meses; no hay personal en obra.",
                List.of("240372"), java.util.Set.of("obraParalizada", "sinResidente"), true), List.of(), "overseer");
        // the training programme: the oversight course waits for regional management's approval (manager), and an
        // edition on the participatory budget is open for enrolment on the portal (/capacitacion)
        runtime.startProcessInstanceByKey("training-programme", trainingDesign(
                "Vigilancia ciudadana del presupuesto participativo",
                "1. Presupuesto participativo\n2. Lectura de expedientes técnicos\n3. Visitas de obra y alertas",
                "Agentes participantes y miembros de comités de vigilancia", today.plusDays(40), true));
        String open = runtime.startProcessInstanceByKey("training-programme", trainingDesign(
                "El presupuesto participativo regional paso a paso",
                "1. Ley 28056 y su reglamento\n2. Ideas de proyecto y criterios de priorización\n3. Votación y "
                        + "formalización\n4. Seguimiento y rendición de cuentas",
                "Ciudadanos, dirigentes y agentes participantes", today.plusDays(20), false)).getId();
        tasks.complete(tasks.createTaskQuery().processInstanceId(open).singleResult().getId(),
                Map.of("decisionPrograma", "aprobar"));
        tasks.complete(tasks.createTaskQuery().processInstanceId(open).singleResult().getId(), Map.of(
                "convocatoriaPublicada", true, "enlacePublicacion", "https://www.facebook.com/RegionCajamarca",
                "materiales", "Afiche de la convocatoria | https://www.regioncajamarca.gob.pe/capacitacion/afiche.pdf\n"
                        + "Reel: ¿qué es el presupuesto participativo? | https://www.youtube.com/@RegionCajamarca"));
    }

    /** The start form's variables of a training edition whose sessions begin {@code first} (09:00, a week apart). */
    private static Map<String, Object> trainingDesign(String title, String modules, String audience, LocalDate first,
                                                      boolean oversight) {
        Map<String, Object> v = new HashMap<>();
        v.put("nombrePrograma", title);
        v.put("modulos", modules);
        v.put("publicoObjetivo", audience);
        v.put("modalidad", "MIXTA");
        v.put("sesiones", first + " 09:00 | Auditorio de la Sede Regional, Jr. Santa Teresa de Journet 351 | "
                + "Lic. Ana Vásquez Chávez\n" + first.plusDays(7) + " 18:00 | https://meet.example.pe/capacitacion | "
                + "Mg. Luis Cerna Llanos\n" + first.plusDays(14) + " 09:00 | Auditorio de la Sede Regional | "
                + "Lic. Ana Vásquez Chávez");
        v.put("cupos", 30L);
        v.put("inscripcionHasta", first.minusDays(3).toString());
        v.put("asistenciaMinima", 75L);
        v.put("evaluacionRequerida", oversight);
        v.put("notaMinima", oversight ? 13L : null);
        v.put("cursoVigilancia", oversight);
        // the demo's dates move with the day it starts: a session may fall on a weekend or a holiday, which the
        // planning office confirms (the approval form and the staff page then show it)
        v.put("confirmarDiasNoLaborables", true);
        return v;
    }
}
