package pe.gob.regioncajamarca.participa.cycle;

import pe.gob.regioncajamarca.participa.projects.Scopes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of the start form {@code abrir-ciclo} (forms/abrir-ciclo.form) and the
 * {@link OpenCycleCommand} they describe. Tasklist's start form and {@link CycleStarter} use the same
 * variables, so a cycle opened either way goes through the same process path.
 */
public final class CycleForm {

    public static final String YEAR = CycleVariables.ANIO;
    public static final String ENVELOPE = CycleVariables.ASIGNACION;
    public static final String VOTES = CycleVariables.VOTOS_POR_AGENTE;
    public static final String SCOPE_PREFIX = CycleVariables.ASIGNACION_AMBITO;

    /** Form variable prefix of each phase window ("inscripcionDesde", "inscripcionHasta", ...). */
    static final Map<CyclePhase, String> WINDOWS = new LinkedHashMap<>();

    static {
        WINDOWS.put(CyclePhase.INSCRIPCION, "inscripcion");
        WINDOWS.put(CyclePhase.IDEAS, "ideas");
        WINDOWS.put(CyclePhase.EVALUACION, "evaluacion");
        WINDOWS.put(CyclePhase.VOTACION, "votacion");
        WINDOWS.put(CyclePhase.FORMALIZACION, "formalizacion");
    }

    private CycleForm() {
    }

    public static Map<String, Object> variablesOf(OpenCycleCommand cmd) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(YEAR, (long) cmd.year());
        vars.put(ENVELOPE, cmd.envelope().doubleValue());
        vars.put(VOTES, (long) cmd.votesPerAgent());
        cmd.scopeEnvelopes().forEach((scope, amount) -> vars.put(SCOPE_PREFIX + scope, amount.doubleValue()));
        for (Cycle.PhaseWindow w : cmd.calendar()) {
            String prefix = WINDOWS.get(w.phase());
            vars.put(prefix + CycleVariables.DESDE, w.opensOn().toString());
            vars.put(prefix + CycleVariables.HASTA, w.closesOn().toString());
        }
        return vars;
    }

    /** The command described by the form variables; missing values become validation errors of the command. */
    public static OpenCycleCommand commandOf(Map<String, Object> vars) {
        List<String> errors = new ArrayList<>();
        int year = number(vars.get(YEAR)) == null ? 0 : number(vars.get(YEAR)).intValue();
        BigDecimal envelope = number(vars.get(ENVELOPE));
        BigDecimal votes = number(vars.get(VOTES));
        Map<String, BigDecimal> scopes = new LinkedHashMap<>();
        for (String scope : Scopes.ALL) {
            BigDecimal v = number(vars.get(SCOPE_PREFIX + scope));
            if (v != null) {
                scopes.put(scope, v);
            }
        }
        List<Cycle.PhaseWindow> calendar = new ArrayList<>();
        WINDOWS.forEach((phase, prefix) -> {
            LocalDate from = date(vars.get(prefix + CycleVariables.DESDE));
            LocalDate to = date(vars.get(prefix + CycleVariables.HASTA));
            if (from == null || to == null) {
                errors.add("Falta la fecha de " + phase.label() + ".");
            } else {
                calendar.add(new Cycle.PhaseWindow(phase, from, to));
            }
        });
        if (!errors.isEmpty()) {
            throw new CycleValidationException(errors);
        }
        return new OpenCycleCommand(year, envelope, votes == null ? 0 : votes.intValue(), scopes, calendar);
    }

    private static BigDecimal number(Object value) {
        if (value == null || String.valueOf(value).isBlank()) {
            return null;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        try {
            return new BigDecimal(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(Object value) {
        if (value == null || String.valueOf(value).isBlank()) {
            return null;
        }
        String s = String.valueOf(value).trim();
        return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    }
}
