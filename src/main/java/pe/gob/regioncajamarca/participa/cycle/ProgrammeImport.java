package pe.gob.regioncajamarca.participa.cycle;

import pe.gob.regioncajamarca.participa.documents.TabularFile;
import pe.gob.regioncajamarca.participa.documents.TabularFile.Line;
import pe.gob.regioncajamarca.participa.documents.TabularFile.Problem;
import pe.gob.regioncajamarca.participa.documents.TabularFile.RejectedFile;
import pe.gob.regioncajamarca.participa.projects.Scopes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import pe.gob.regioncajamarca.participa.ledger.LedgerPayload;
import org.apache.poi.ss.usermodel.Row;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the investment programme (PMI) of a cycle from a CSV or XLSX file. Columns (header row, any order):
 * {@code cui, nombre, ambito, distritos, costo, funcion, unidad_ejecutora}. Every row is validated; a file with
 * any bad row is rejected whole with one line per problem (row, column, reason) and nothing is stored. A project
 * already loaded with the same data is left as it is, so loading the same file again changes nothing.
 * MULTIPROVINCIAL projects get their regional-impact eligibility from the DMN decision {@code impacto-regional}
 * ({@link RegionalImpact}); the decision, its reason and the version of the table are stored and logged.
 */
@Service
public class ProgrammeImport {

    public static final List<String> COLUMNS = List.of("cui", "nombre", "ambito", "distritos", "costo", "funcion",
            "unidad_ejecutora");
    /** Far above any project of a regional government, and within the column (NUMERIC(15,2)). */
    static final BigDecimal MAX_COST = new BigDecimal("10000000000");
    static final Set<CyclePhase> OPEN_PHASES = Set.of(CyclePhase.PREPARACION, CyclePhase.INSCRIPCION, CyclePhase.IDEAS);

    private final pe.gob.regioncajamarca.participa.projects.Projects projectList;
    private final pe.gob.regioncajamarca.participa.projects.Territory territory;
    private final pe.gob.regioncajamarca.participa.projects.ExecutingUnits executingUnits;
    private final CycleService cycles;
    private final RegionalImpact regionalImpact;

    private final pe.gob.regioncajamarca.participa.ledger.Ledger ledger;

    public ProgrammeImport(pe.gob.regioncajamarca.participa.projects.Projects projectList,
                           pe.gob.regioncajamarca.participa.projects.Territory territory,
                           pe.gob.regioncajamarca.participa.projects.ExecutingUnits executingUnits,
                           CycleService cycles, RegionalImpact regionalImpact,
                           pe.gob.regioncajamarca.participa.ledger.Ledger ledger) {
        this.ledger = ledger;
        this.projectList = projectList;
        this.territory = territory;
        this.executingUnits = executingUnits;
        this.cycles = cycles;
        this.regionalImpact = regionalImpact;
    }

    public record Result(int inserted, int unchanged, List<Problem> problems) {
        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    record Parsed(String cui, String name, String scope, Set<String> districts, BigDecimal cost, String sector,
                  String unit) {
    }

    /** Validates and stores the file; throws {@link RejectedFile} (nothing stored) when any row is bad. */
    @Transactional
    public Result load(int year, String fileName, byte[] content) {
        Cycle cycle = cycles.find(year).orElseThrow(() -> new IllegalArgumentException("No existe el ciclo " + year));
        if (!OPEN_PHASES.contains(cycle.phase())) {
            throw new RejectedFile(List.of(new Problem(1, null, "el programa ya no puede cambiar: el ciclo está en "
                    + cycle.phase().label())));
        }
        List<Problem> problems = new ArrayList<>();
        List<Line> lines = TabularFile.read(fileName, content, COLUMNS, problems);
        Map<String, String> districtProvince = territory.districtProvinces();
        Map<String, String> scopeProvince = territory.scopeCodes();
        Set<String> units = new HashSet<>(executingUnits.names().keySet());
        List<Parsed> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Line line : lines) {
            Parsed p = validate(line, districtProvince, scopeProvince, units, problems);
            if (p != null && !seen.add(p.cui())) {
                problems.add(new Problem(line.row(), "cui", "el CUI " + p.cui() + " se repite en el archivo"));
            } else if (p != null) {
                valid.add(p);
            }
        }
        if (lines.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(2, null, "el archivo no tiene proyectos"));
        }
        int inserted = 0;
        int unchanged = 0;
        List<Parsed> toInsert = new ArrayList<>();
        Map<String, Parsed> storedByCui = storedProjects(year);
        for (int i = 0; i < valid.size(); i++) {
            Parsed p = valid.get(i);
            Parsed stored = storedByCui.get(p.cui());
            if (stored == null) {
                toInsert.add(p);
            } else if (stored.equals(p)) {
                unchanged++;
            } else {
                problems.add(new Problem(rowOf(lines, p.cui()), "cui", "el CUI " + p.cui()
                        + " ya está cargado en el ciclo con otros datos"));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(Problem::row));
            throw new RejectedFile(problems);
        }
        insert(year, toInsert);
        inserted = toInsert.size();
        return new Result(inserted, unchanged, List.of());
    }

    private static int rowOf(List<Line> lines, String cui) {
        return lines.stream().filter(l -> cui.equals(normaliseCui(l.values().get("cui")))).mapToInt(Line::row)
                .findFirst().orElse(0);
    }

    static String normaliseCui(String v) {
        return v == null ? "" : v.trim();
    }

    private Parsed validate(Line line, Map<String, String> districtProvince, Map<String, String> scopeProvince,
                            Set<String> units, List<Problem> problems) {
        int before = problems.size();
        int row = line.row();
        Map<String, String> v = line.values();
        String cui = normaliseCui(v.get("cui"));
        if (!cui.matches("[0-9]{1,7}")) {
            problems.add(new Problem(row, "cui", "el CUI debe tener de 1 a 7 dígitos (se leyó \"" + cui + "\")"));
        }
        String name = v.get("nombre");
        if (name.isBlank()) {
            problems.add(new Problem(row, "nombre", "falta el nombre del proyecto"));
        } else if (name.length() > 500) {
            problems.add(new Problem(row, "nombre", "el nombre tiene más de 500 caracteres"));
        }
        String sectorText = v.get("funcion");
        if (sectorText.length() > 120) {
            problems.add(new Problem(row, "funcion", "la función tiene más de 120 caracteres"));
        }
        for (String column : COLUMNS) {
            String text = v.get(column);
            if (!text.isEmpty() && "=+@".indexOf(text.charAt(0)) >= 0) {
                problems.add(new Problem(row, column, "la celda empieza con «" + text.charAt(0) + "» como una fórmula "
                        + "de hoja de cálculo: escriba solo el valor, sin fórmulas"));
            } else if (text.chars().anyMatch(ch -> Character.isISOControl(ch) || ch >= 0x202A && ch <= 0x202E
                    || ch >= 0x2066 && ch <= 0x2069)) {
                problems.add(new Problem(row, column, "la celda tiene caracteres de control o que cambian la dirección "
                        + "del texto: escriba solo el valor"));
            }
        }
        String scope = v.get("ambito").toUpperCase(Locale.ROOT).replace(' ', '_')
                .replace("É", "E").replace("Á", "A").replace("Í", "I").replace("Ó", "O").replace("Ú", "U");
        if (!Scopes.isValid(scope)) {
            problems.add(new Problem(row, "ambito", "ámbito desconocido \"" + v.get("ambito")
                    + "\" (una de las 13 provincias o MULTIPROVINCIAL)"));
        }
        Set<String> districts = new LinkedHashSet<>();
        for (String d : v.get("distritos").split("[;|,\\s]+")) {
            if (!d.isBlank()) {
                districts.add(d.trim());
            }
        }
        if (districts.isEmpty()) {
            problems.add(new Problem(row, "distritos", "indique al menos un distrito (código ubigeo, p. ej. 060106)"));
        }
        for (String d : districts) {
            if (!districtProvince.containsKey(d)) {
                problems.add(new Problem(row, "distritos", "\"" + d + "\" no es un ubigeo de un distrito de Cajamarca"));
            } else if (Scopes.isValid(scope) && !Scopes.MULTIPROVINCIAL.equals(scope)
                    && !districtProvince.get(d).equals(scopeProvince.get(scope))) {
                problems.add(new Problem(row, "distritos", "el distrito " + d + " no está en la provincia del ámbito "
                        + scope));
            }
        }
        BigDecimal cost = null;
        try {
            cost = new BigDecimal(v.get("costo").replace("S/", "").replace(",", "").trim());
            if (cost.signum() <= 0) {
                problems.add(new Problem(row, "costo", "el costo debe ser mayor que cero"));
            } else if (cost.compareTo(MAX_COST) > 0) {
                problems.add(new Problem(row, "costo", "el costo no puede pasar de S/ 10,000,000,000 (se leyó "
                        + cost.toPlainString() + ")"));
            } else if (cost.scale() > 2) {
                problems.add(new Problem(row, "costo", "el costo admite como máximo 2 decimales"));
            }
        } catch (NumberFormatException e) {
            problems.add(new Problem(row, "costo", "\"" + v.get("costo") + "\" no es un monto en soles"));
        }
        String sector = v.get("funcion");
        if (sector.isBlank()) {
            problems.add(new Problem(row, "funcion", "falta la función o sector"));
        }
        String unit = v.get("unidad_ejecutora").toLowerCase(Locale.ROOT);
        if (!units.contains(unit)) {
            problems.add(new Problem(row, "unidad_ejecutora", "unidad ejecutora desconocida \""
                    + v.get("unidad_ejecutora") + "\""));
        }
        if (problems.size() > before) {
            return null;
        }
        return new Parsed(cui, name, scope, districts, cost.setScale(2), sector, unit);
    }

    /** The projects already stored in the cycle, by CUI, with their districts: two queries for the whole file. */
    private Map<String, Parsed> storedProjects(int year) {
        Map<String, Parsed> stored = new HashMap<>();
        projectList.ofCycle(year).forEach((cui, p) -> stored.put(cui, new Parsed(p.cui(), p.name(), p.scope(),
                p.districts(), p.cost(), p.sector(), p.unit())));
        return stored;
    }

    /** Inserts the new projects and their districts in JDBC batches (a PMI may hold thousands of rows). */
    private void insert(int year, List<Parsed> projects) {
        if (projects.isEmpty()) {
            return;
        }
        List<pe.gob.regioncajamarca.participa.projects.Projects.NewProject> rows = new ArrayList<>(projects.size());
        List<LedgerPayload.Programmed> logged = new ArrayList<>(projects.size());
        RegionalImpact.Rule rule = regionalImpact.current();
        for (Parsed p : projects) {
            Boolean eligible = null;
            String reason = null;
            Integer version = null;
            if (Scopes.MULTIPROVINCIAL.equals(p.scope())) {
                RegionalImpact.Decision d = rule.decide(p.cost(), p.districts());
                eligible = d.eligible();
                reason = d.reason();
                version = d.version();
            }
            rows.add(new pe.gob.regioncajamarca.participa.projects.Projects.NewProject(p.cui(), p.name(), p.scope(),
                    p.cost(), p.sector(), p.unit(), p.districts(), eligible, reason));
            logged.add(new LedgerPayload.Programmed(p.cui(), p.scope(), p.cost(), p.districts(), eligible, reason,
                    version));
        }
        // what the prioritisation needs of each project, in the integrity ledger (docs/security.md)
        ledger.append(year, "programa " + year, new LedgerPayload.ProgrammeLoaded(logged));
        projectList.insertAll(year, rows);
    }
}
