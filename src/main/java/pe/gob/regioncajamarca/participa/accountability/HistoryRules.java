package pe.gob.regioncajamarca.participa.accountability;

import pe.gob.regioncajamarca.participa.documents.TabularFile;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import pe.gob.regioncajamarca.participa.documents.TabularFile.Line;
import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.monitoring.Quarter;

/**
 * The rules of one row of the history files, without the database: what the planning office may load about an
 * earlier cycle's prioritised project and about its execution in a quarter. Every problem is a Spanish line that says
 * what to fix; a row with problems gives no value.
 */
final class HistoryRules {

    /** No single investment of the regional government comes near this (S/ 1,000 millones). */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
    static final List<String> STATUSES = List.of("NO_INICIADO", "EN_EJECUCION", "PARALIZADO", "CONCLUIDO");
    private static final Pattern QUARTER = Pattern.compile("^([0-9]{4})-?[Qq]([1-4])$");

    /**
     * What a row is checked against: the year of today, the last quarter that has ended (the one the current round
     * reports, {@link Quarter#reportedBy}), the territory and the executing units.
     */
    record Context(int currentYear, String lastEndedQuarter, Map<String, String> districtProvince,
                   Map<String, String> scopeProvince, Set<String> units) {

        int firstYear() {
            return currentYear - 10;
        }

        int lastYear() {
            return currentYear - 1;
        }
    }

    /** A problem of a row: its column (null for the whole row) and what to fix. */
    record RowProblem(String column, String reason) {
    }

    /** An earlier cycle's prioritised project as the file gives it (districts sorted, cost with 2 decimals). */
    record ProjectRow(int year, String cui, String name, String scope, Set<String> districts, BigDecimal cost,
                      String sector, String unit) {

        String key() {
            return year + ":" + cui;
        }

        String canonical() {
            return year + "|" + cui + "|" + name + "|" + scope + "|" + String.join(",", districts) + "|"
                    + cost.setScale(2).toPlainString() + "|" + sector + "|" + unit;
        }
    }

    /** One quarter's execution of a project as the file gives it. */
    record ProgressRow(int year, String cui, String quarter, BigDecimal physical, BigDecimal financial,
                       BigDecimal budget, String status) {

        String projectKey() {
            return year + ":" + cui;
        }

        String key() {
            return year + ":" + cui + ":" + quarter;
        }

        String canonical() {
            return physical.setScale(2).toPlainString() + "|" + financial.setScale(2).toPlainString() + "|"
                    + budget.setScale(2).toPlainString() + "|" + status;
        }
    }

    private HistoryRules() {
    }

    static ProjectRow project(Line line, Context ctx, List<RowProblem> problems) {
        int before = problems.size();
        Map<String, String> v = line.values();
        Integer year = year(v.get("ciclo"), ctx, problems);
        String cui = cui(v.get("cui"), problems);
        String name = v.get("nombre");
        if (name.isBlank()) {
            problems.add(new RowProblem("nombre", "falta el nombre del proyecto"));
        } else if (name.length() > 500) {
            problems.add(new RowProblem("nombre", "el nombre tiene más de 500 caracteres"));
        }
        String sector = v.get("funcion");
        if (sector.isBlank()) {
            problems.add(new RowProblem("funcion", "falta la función o sector"));
        } else if (sector.length() > 120) {
            problems.add(new RowProblem("funcion", "la función tiene más de 120 caracteres"));
        }
        for (String column : List.of("nombre", "funcion")) {
            if (formula(v.get(column))) {
                problems.add(new RowProblem(column, "el texto empieza con «" + v.get(column).charAt(0)
                        + "» como una fórmula de hoja de cálculo: escriba solo el texto, sin fórmulas"));
            }
        }
        String scope = scope(v.get("ambito"));
        if (!Scopes.isValid(scope)) {
            problems.add(new RowProblem("ambito", "ámbito desconocido \"" + v.get("ambito")
                    + "\" (una de las 13 provincias o MULTIPROVINCIAL)"));
        }
        Set<String> districts = new TreeSet<>();
        for (String d : v.get("distritos").split("[;|,\\s]+")) {
            if (!d.isBlank()) {
                districts.add(d.trim());
            }
        }
        if (districts.isEmpty()) {
            problems.add(new RowProblem("distritos", "indique al menos un distrito (código ubigeo, p. ej. 060106)"));
        }
        for (String d : districts) {
            if (!ctx.districtProvince().containsKey(d)) {
                problems.add(new RowProblem("distritos", "\"" + d + "\" no es un ubigeo de un distrito de Cajamarca"));
            } else if (Scopes.isValid(scope) && !Scopes.MULTIPROVINCIAL.equals(scope)
                    && !ctx.districtProvince().get(d).equals(ctx.scopeProvince().get(scope))) {
                problems.add(new RowProblem("distritos", "el distrito " + d + " no está en la provincia del ámbito "
                        + scope));
            }
        }
        BigDecimal cost = amount(v.get("costo"), "costo", "el costo", problems);
        if (cost != null && cost.signum() <= 0) {
            problems.add(new RowProblem("costo", "el costo debe ser mayor que cero"));
        }
        String unit = v.get("unidad_ejecutora").trim().toLowerCase(Locale.ROOT);
        if (!ctx.units().contains(unit)) {
            problems.add(new RowProblem("unidad_ejecutora", "unidad ejecutora desconocida \""
                    + v.get("unidad_ejecutora") + "\" (use el código, p. ej. sede-central)"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new ProjectRow(year, cui, name.strip(), scope, districts, cost.setScale(2), sector.strip(), unit);
    }

    static ProgressRow progress(Line line, Context ctx, List<RowProblem> problems) {
        int before = problems.size();
        Map<String, String> v = line.values();
        Integer year = year(v.get("ciclo"), ctx, problems);
        String cui = cui(v.get("cui"), problems);
        String quarter = quarter(v.get("trimestre"));
        if (quarter == null) {
            problems.add(new RowProblem("trimestre", "\"" + v.get("trimestre")
                    + "\" no es un trimestre: escríbalo como AAAA-Qn, p. ej. 2019-Q4"));
        } else if (year != null && Integer.parseInt(quarter.substring(0, 4)) < year) {
            problems.add(new RowProblem("trimestre", "el trimestre " + quarter + " es anterior al ciclo " + year
                    + ": la ejecución empieza en el año del ciclo o después"));
        } else if (Quarter.parse(quarter).compareTo(Quarter.parse(ctx.lastEndedQuarter())) > 0) {
            problems.add(new RowProblem("trimestre", "el trimestre " + quarter + " aún no ha terminado (el último "
                    + "terminado es " + ctx.lastEndedQuarter() + "): su avance se reporta en la ronda de seguimiento "
                    + "que se abre cuando termina"));
        }
        BigDecimal physical = number(v.get("avance_fisico").replace("%", ""), "avance_fisico", "el avance físico",
                problems);
        if (physical != null && (physical.signum() < 0 || physical.compareTo(BigDecimal.valueOf(100)) > 0)) {
            problems.add(new RowProblem("avance_fisico", "el avance físico debe estar entre 0 y 100 (se leyó "
                    + physical.toPlainString() + ")"));
        }
        BigDecimal financial = amount(v.get("devengado"), "devengado", "el devengado", problems);
        if (financial != null && financial.signum() < 0) {
            problems.add(new RowProblem("devengado", "el devengado no puede ser negativo"));
        }
        BigDecimal budget = amount(v.get("pim"), "pim", "el PIM", problems);
        if (budget != null && budget.signum() <= 0) {
            problems.add(new RowProblem("pim", "el PIM (presupuesto institucional modificado) debe ser mayor que cero"));
        }
        // devengado is accrued to date since the project began: a multi-year project's may exceed the year's PIM
        // (it may not exceed the project's cost: HistoryImport checks that, knowing the project)
        String status = v.get("estado").trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace("Ó", "O");
        if (!STATUSES.contains(status)) {
            problems.add(new RowProblem("estado", "estado desconocido \"" + v.get("estado")
                    + "\" (NO_INICIADO, EN_EJECUCION, PARALIZADO o CONCLUIDO)"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new ProgressRow(year, cui, quarter, physical.setScale(2), financial.setScale(2), budget.setScale(2),
                status);
    }

    /** "2019-Q4" (also accepts "2019Q4" and a lower-case q), or null; the label of {@link Quarter}. */
    static String quarter(String text) {
        Matcher m = QUARTER.matcher(text == null ? "" : text.trim());
        return m.matches() ? m.group(1) + "-Q" + m.group(2) : null;
    }

    /** The scope code of a scope as people write it ("San Ignacio", "Celendín"). */
    static String scope(String text) {
        return (text == null ? "" : text.trim()).toUpperCase(Locale.ROOT).replace(' ', '_')
                .replace("É", "E").replace("Á", "A").replace("Í", "I").replace("Ó", "O").replace("Ú", "U");
    }

    /** A text a spreadsheet would take for a formula. */
    static boolean formula(String text) {
        return text != null && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0;
    }

    /** A 64-bit digest of a row's canonical form, to compare with what is stored without keeping it in memory. */
    static long digest(String canonical) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (d[i] & 0xFF);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Integer year(String text, Context ctx, List<RowProblem> problems) {
        String t = text == null ? "" : text.trim();
        if (!t.matches("[0-9]{4}")) {
            problems.add(new RowProblem("ciclo", "\"" + t + "\" no es un año (p. ej. " + ctx.lastYear() + ")"));
            return null;
        }
        int year = Integer.parseInt(t);
        if (year < ctx.firstYear() || year > ctx.lastYear()) {
            problems.add(new RowProblem("ciclo", "el ciclo " + year + " no está entre los diez anteriores a "
                    + ctx.currentYear() + " (" + ctx.firstYear() + " a " + ctx.lastYear() + ")"));
            return null;
        }
        return year;
    }

    private static String cui(String text, List<RowProblem> problems) {
        String cui = text == null ? "" : text.trim();
        if (!cui.matches("[0-9]{1,7}")) {
            problems.add(new RowProblem("cui", "el CUI debe tener de 1 a 7 dígitos (se leyó \"" + cui + "\")"));
            return null;
        }
        return cui;
    }

    private static BigDecimal amount(String text, String column, String what, List<RowProblem> problems) {
        BigDecimal n = number(text == null ? null : text.replace("S/", "").replace(",", ""), column, what, problems);
        if (n == null) {
            return null;
        }
        if (n.scale() > 2) {
            problems.add(new RowProblem(column, what + " admite como máximo 2 decimales"));
            return null;
        }
        if (n.compareTo(MAX_AMOUNT) > 0) {
            problems.add(new RowProblem(column, what + " (S/ " + n.toPlainString()
                    + ") pasa de S/ 1,000,000,000: revise si tiene ceros de más"));
            return null;
        }
        return n;
    }

    private static BigDecimal number(String text, String column, String what, List<RowProblem> problems) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            problems.add(new RowProblem(column, "falta " + what));
            return null;
        }
        if (formula(t) && !t.matches("-[0-9.]+")) {
            problems.add(new RowProblem(column, "\"" + t + "\" parece una fórmula: escriba el valor, sin fórmulas"));
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            problems.add(new RowProblem(column, "\"" + t + "\" no es un número"));
            return null;
        }
    }
}
