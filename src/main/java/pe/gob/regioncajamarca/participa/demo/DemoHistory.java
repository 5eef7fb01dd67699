package pe.gob.regioncajamarca.participa.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.monitoring.Quarter;

/**
 * Generates, deterministically (a {@link Random} seeded with the cycle's year), the content of the two history files
 * the planning office loads through {@code accountability.HistoryImport} (docs/ejemplos/historial-*.csv): an earlier
 * cycle's prioritised projects, spread over the 13 provinces and MULTIPROVINCIAL (of regional impact: S/ 3,000,000 or
 * more, at least 3 districts of at least 2 provinces), and their quarterly execution from the first quarter after the
 * cycle up to a given quarter: works completed, in execution, paralysed, never started, and reports missing for some
 * quarters. Also the rows of a Multiannual Investment Programme file (docs/ejemplos/pmi-demo-100.csv). No database:
 * the territory comes in as {@link District}s. Illustrative figures, not real projects.
 */
final class DemoHistory {

    /** A district of the region: INEI ubigeo, its scope (province) and its name. */
    record District(String ubigeo, String scope, String name) {
    }

    /** A project row of the projects file (also a PMI row, without the cycle). */
    record Project(int year, String cui, String name, String scope, List<String> districts, BigDecimal cost,
                   String sector, String unit) {
    }

    /** What the execution of a project ends in, for projects whose ending is known (the hand-made cycles). */
    enum Fate { COMPLETED, IN_EXECUTION, PARALYSED, NEVER_STARTED }

    static final String PROJECTS_HEADER = "ciclo,cui,nombre,ambito,distritos,costo,funcion,unidad_ejecutora";
    static final String PROGRESS_HEADER = "ciclo,cui,trimestre,avance_fisico,devengado,pim,estado";
    static final String PMI_HEADER = "cui;nombre;ambito;distritos;costo;funcion;unidad_ejecutora";

    private static final BigDecimal LARGE_WORKS = new BigDecimal("4000000");

    private final Map<String, List<District>> byScope = new LinkedHashMap<>();

    DemoHistory(List<District> districts) {
        for (String p : Scopes.PROVINCES) {
            byScope.put(p, new ArrayList<>());
        }
        districts.stream().sorted((a, b) -> a.ubigeo().compareTo(b.ubigeo()))
                .forEach(d -> byScope.computeIfAbsent(d.scope(), s -> new ArrayList<>()).add(d));
    }

    // ------------------------------------------------------------------ projects

    /**
     * The prioritised projects of an earlier cycle: 15 to 25, every province and MULTIPROVINCIAL at least once. CUIs
     * in {@code taken} are not used (and the ones used are added to it).
     */
    List<Project> projects(int year, Set<String> taken) {
        Random rnd = new Random(year * 7919L);
        int count = 15 + rnd.nextInt(11);
        List<String> scopes = new ArrayList<>(Scopes.ALL);
        Collections.shuffle(scopes, rnd);
        while (scopes.size() < count) {
            scopes.add(rnd.nextInt(3) == 0 ? "CAJAMARCA" : rnd.nextInt(5) == 0 ? Scopes.MULTIPROVINCIAL
                    : Scopes.PROVINCES.get(rnd.nextInt(Scopes.PROVINCES.size())));
        }
        // CUIs grow with the years, as the national system's do (2,3xx,xxx around 2016)
        int base = 2_300_000 + Math.max(0, year - 2016) * 35_000 + 8_000;
        List<Project> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String cui = String.valueOf(base + i * 37 + rnd.nextInt(30));
            while (!taken.add(cui)) {
                cui = String.valueOf(Integer.parseInt(cui) + 1);
            }
            out.add(project(year, cui, scopes.get(i), rnd, false));
        }
        return out;
    }

    /** The rows of a programme (PMI) file of about {@code count} projects over every scope, CUIs from {@code firstCui}. */
    List<Project> programme(int count, int firstCui, long seed) {
        Random rnd = new Random(seed);
        List<String> scopes = new ArrayList<>();
        while (scopes.size() < count) {
            scopes.addAll(Scopes.ALL);
            scopes.add("CAJAMARCA");
            scopes.add("CAJAMARCA");
        }
        scopes = new ArrayList<>(scopes.subList(0, count));
        Collections.shuffle(scopes, rnd);
        List<Project> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // one MULTIPROVINCIAL project in six is not of regional impact: the programme lists it, prioritisation
            // will find it not eligible
            boolean smallMulti = Scopes.MULTIPROVINCIAL.equals(scopes.get(i)) && rnd.nextInt(6) == 0;
            out.add(project(0, String.valueOf(firstCui + i), scopes.get(i), rnd, smallMulti));
        }
        return out;
    }

    private record Kind(String sector, String unit, String pattern) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("Educación", "educacion", "Mejoramiento del servicio educativo de la I.E. N° %2$d en %1$s"),
            new Kind("Educación", "educacion", "Mejoramiento del servicio de educación inicial en %1$s"),
            new Kind("Salud", "salud", "Mejoramiento de la capacidad resolutiva del puesto de salud de %1$s"),
            new Kind("Salud", "salud", "Mejoramiento del servicio de salud del centro de salud de %1$s"),
            new Kind("Transporte", "transportes", "Mejoramiento del camino vecinal %1$s - %3$s"),
            new Kind("Transporte", "proregion", "Mejoramiento de la trocha carrozable %1$s - %3$s"),
            new Kind("Agricultura", "agricultura", "Instalación del servicio de agua para riego tecnificado en %1$s"),
            new Kind("Agricultura", "agricultura", "Mejoramiento del servicio de apoyo a la cadena productiva de "
                    + "café y cacao en %1$s"),
            new Kind("Saneamiento", "vivienda", "Mejoramiento y ampliación del servicio de agua potable y "
                    + "saneamiento en %1$s"),
            new Kind("Ambiente", "proregion", "Recuperación del servicio ecosistémico de regulación hídrica en %1$s"),
            new Kind("Deporte", "proregion", "Creación del servicio de práctica deportiva en %1$s"));

    private static final List<Kind> MULTI_KINDS = List.of(
            new Kind("Educación", "educacion", "Mejoramiento del servicio educativo de nivel inicial en las "
                    + "provincias de %1$s y %3$s"),
            new Kind("Salud", "salud", "Mejoramiento de la red de establecimientos de salud de %1$s y %3$s"),
            new Kind("Transporte", "transportes", "Mejoramiento de la carretera departamental %1$s - %3$s"),
            new Kind("Agricultura", "agricultura", "Mejoramiento del servicio de sanidad agraria en las "
                    + "provincias de %1$s y %3$s"),
            new Kind("Saneamiento", "vivienda", "Mejoramiento del servicio de agua potable rural en las "
                    + "provincias de %1$s y %3$s"));

    private Project project(int year, String cui, String scope, Random rnd, boolean notOfRegionalImpact) {
        List<String> districts = new ArrayList<>();
        String name;
        Kind kind;
        BigDecimal cost;
        if (Scopes.MULTIPROVINCIAL.equals(scope)) {
            List<String> provinces = new ArrayList<>(Scopes.PROVINCES);
            Collections.shuffle(provinces, rnd);
            int nProvinces = 2 + rnd.nextInt(3);
            List<District> chosen = new ArrayList<>();
            for (int p = 0; p < nProvinces; p++) {
                List<District> in = new ArrayList<>(byScope.get(provinces.get(p)));
                Collections.shuffle(in, rnd);
                chosen.addAll(in.subList(0, Math.min(in.size(), p == 0 ? 2 : 1 + rnd.nextInt(2))));
            }
            chosen.forEach(d -> districts.add(d.ubigeo()));
            kind = MULTI_KINDS.get(rnd.nextInt(MULTI_KINDS.size()));
            name = String.format(kind.pattern(), provinceName(provinces.get(0)), 0, provinceName(provinces.get(1)));
            cost = notOfRegionalImpact ? money(rnd, 400_000, 2_800_000) : money(rnd, 3_100_000, 9_500_000);
        } else {
            List<District> in = new ArrayList<>(byScope.get(scope));
            Collections.shuffle(in, rnd);
            int n = Math.min(in.size(), 1 + (rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(2) : 0));
            in.subList(0, n).forEach(d -> districts.add(d.ubigeo()));
            kind = KINDS.get(rnd.nextInt(KINDS.size()));
            District first = in.get(0);
            String other = n > 1 ? in.get(1).name() : in.size() > 1 ? in.get(1).name() : provinceName(scope);
            name = String.format(kind.pattern(), first.name(), 82001 + rnd.nextInt(999), other);
            cost = money(rnd, 650_000, 6_200_000);
        }
        Collections.sort(districts);
        return new Project(year, cui, name, scope, List.copyOf(districts), cost, kind.sector(), unit(kind, scope));
    }

    /** The unit that executes a kind of project in a scope (the sub-regions execute health and roads in theirs). */
    private static String unit(Kind kind, String scope) {
        if (("Salud".equals(kind.sector()) || "Transporte".equals(kind.sector()))) {
            switch (scope) {
                case "CHOTA": return "sub-region-chota";
                case "CUTERVO": return "sub-region-cutervo";
                case "JAEN": return "sub-region-jaen";
                default: break;
            }
        }
        if ("Educación".equals(kind.sector()) && "CAJAMARCA".equals(scope)) {
            return "ugel-cajamarca";
        }
        if ("Salud".equals(kind.sector()) && "CAJAMARCA".equals(scope)) {
            return "hospital-regional";
        }
        return kind.unit();
    }

    private String provinceName(String scope) {
        // the district that shares the province's name is its capital (ubigeo ..01)
        return byScope.get(scope).get(0).name();
    }

    private static BigDecimal money(Random rnd, int from, int to) {
        long cents = (long) from * 100 + (long) (rnd.nextDouble() * (to - from) * 100);
        return BigDecimal.valueOf(cents, 2);
    }

    // ------------------------------------------------------------------ execution

    /**
     * The quarterly rows of a project, from the first quarter of the year after its cycle up to {@code last}. Without a
     * {@code fate} one is drawn (most complete, some are paralysed, a few never start); some quarters have no report.
     */
    static List<String> progress(Project p, Quarter last, Fate fate) {
        Random rnd = new Random(Long.parseLong(p.cui()) * 31 + p.year());
        Quarter start = new Quarter(p.year() + 1, 1);
        List<Quarter> quarters = new ArrayList<>();
        for (Quarter q = start; q.compareTo(last) <= 0; q = q.next()) {
            quarters.add(q);
        }
        List<String> rows = new ArrayList<>();
        if (quarters.isEmpty()) {
            return rows;
        }
        int available = quarters.size();
        boolean drawn = fate == null;
        if (drawn) {
            int draw = rnd.nextInt(100);
            fate = draw < 7 ? Fate.NEVER_STARTED : draw < 18 ? Fate.PARALYSED : Fate.COMPLETED;
        }
        int delay = rnd.nextInt(5); // quarters of preparation (expediente técnico, tender) before works begin
        // quarters of works: the larger works take years
        int duration = 3 + rnd.nextInt(8) + (p.cost().compareTo(LARGE_WORKS) > 0 ? 4 + rnd.nextInt(6) : 0);
        if (!drawn) {
            delay = Math.min(delay, Math.max(0, available - (fate == Fate.PARALYSED ? 2 : 1)));
        }
        if (fate == Fate.COMPLETED && !drawn) {
            // a completion it had (hand-made cycles): it fits into the quarters available
            if (delay + duration > available - 1) {
                delay = Math.max(0, Math.min(delay, available - 2));
                duration = Math.max(1, available - 1 - delay);
            }
        } else if (fate == Fate.IN_EXECUTION) {
            duration = Math.max(duration, available - delay + 2 + rnd.nextInt(3));
        }
        int stopAt = fate == Fate.PARALYSED ? Math.max(1, duration * (2 + rnd.nextInt(5)) / 10) : -1;
        if (fate == Fate.PARALYSED && !drawn) {
            stopAt = Math.max(1, Math.min(stopAt, available - delay - 1)); // paralysed by the last quarter
        }
        // a unit that stopped reporting a project still in works: its last quarters have no report
        int silentTail = drawn && fate == Fate.COMPLETED && rnd.nextInt(8) == 0 ? 1 + rnd.nextInt(2) : 0;
        double spending = 0.86 + rnd.nextInt(10) / 100.0; // accrued to date against physical progress
        boolean gappy = rnd.nextInt(4) == 0; // a unit that skips some reports
        Map<Integer, BigDecimal> pimOfYear = new HashMap<>();
        BigDecimal physical = BigDecimal.ZERO;
        for (int i = 0; i < available; i++) {
            Quarter q = quarters.get(i);
            int works = i - delay + 1; // quarters of works done at the end of this one
            String status;
            double done;
            if (fate == Fate.NEVER_STARTED) {
                status = "NO_INICIADO";
                done = 0;
            } else if (works <= 0) {
                status = "NO_INICIADO";
                done = 0;
            } else if (fate == Fate.PARALYSED && works > stopAt) {
                status = "PARALIZADO";
                done = Math.min(95, 100.0 * stopAt / duration);
            } else if (works >= duration) {
                status = "CONCLUIDO";
                done = 100;
            } else {
                status = "EN_EJECUCION";
                done = Math.min(97, 100.0 * works / duration - rnd.nextInt(4));
            }
            BigDecimal now = BigDecimal.valueOf(Math.max(0, Math.round(done)));
            if (now.compareTo(physical) < 0) {
                now = physical; // progress does not go back
            }
            physical = now;
            boolean lastRow = i == available - 1 || "CONCLUIDO".equals(status);
            // missing reports: a unit that skips a quarter now and then (never its final report)
            boolean skipped = (!lastRow && i > 0 && gappy && rnd.nextInt(3) == 0)
                    || (!"CONCLUIDO".equals(status) && i > 0 && i >= available - silentTail);
            if (!skipped) {
                BigDecimal pim = pimOfYear.computeIfAbsent(q.year(), y -> p.cost()
                        .multiply(BigDecimal.valueOf(25 + rnd.nextInt(40))).divide(BigDecimal.valueOf(100), 2,
                                RoundingMode.HALF_UP));
                double factor = "CONCLUIDO".equals(status) ? 0.97 + rnd.nextInt(3) / 100.0 : spending;
                BigDecimal accrued = p.cost().multiply(now).multiply(BigDecimal.valueOf(factor))
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
                if (now.signum() == 0 && works > -1 && fate != Fate.NEVER_STARTED) {
                    accrued = p.cost().multiply(new BigDecimal("0.03")).setScale(2, RoundingMode.DOWN); // expediente
                }
                rows.add(p.year() + "," + p.cui() + "," + q + "," + now.toPlainString() + "," + accrued.toPlainString()
                        + "," + pim.toPlainString() + "," + status);
            }
            if ("CONCLUIDO".equals(status)) {
                break; // a completed project leaves monitoring
            }
        }
        return rows;
    }

    // ------------------------------------------------------------------ CSV

    static String projectsCsv(List<Project> projects) {
        StringBuilder out = new StringBuilder(PROJECTS_HEADER).append('\n');
        for (Project p : projects) {
            out.append(p.year()).append(',').append(p.cui()).append(',').append(quoted(p.name())).append(',')
                    .append(p.scope()).append(',').append(String.join("|", p.districts())).append(',')
                    .append(p.cost().toPlainString()).append(',').append(quoted(p.sector())).append(',')
                    .append(p.unit()).append('\n');
        }
        return out.toString();
    }

    static String programmeCsv(List<Project> projects) {
        StringBuilder out = new StringBuilder(PMI_HEADER).append('\n');
        for (Project p : projects) {
            out.append(p.cui()).append(';').append(p.name().replace(';', ',')).append(';').append(p.scope())
                    .append(';').append(String.join("|", p.districts())).append(';')
                    .append(p.cost().toPlainString()).append(';').append(p.sector()).append(';').append(p.unit())
                    .append('\n');
        }
        return out.toString();
    }

    private static String quoted(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    /** The distinct districts of a list of projects (for checks). */
    static Set<String> districtsOf(List<Project> projects) {
        Set<String> all = new TreeSet<>();
        projects.forEach(p -> all.addAll(p.districts()));
        return all;
    }
}
