package pe.gob.regioncajamarca.participa.cycle;

import pe.gob.regioncajamarca.participa.projects.Scopes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the planning office gives to open a cycle: year, envelope, its split per scope, votes per agent
 * and the calendar. {@link #validate()} returns every problem in Spanish (empty when valid).
 */
public record OpenCycleCommand(int year, BigDecimal envelope, int votesPerAgent,
                               Map<String, BigDecimal> scopeEnvelopes, List<Cycle.PhaseWindow> calendar) {

    public List<String> validate() {
        List<String> errors = new ArrayList<>();
        if (year < 1980 || year > 2100) {
            errors.add("El año del ciclo debe estar entre 1980 y 2100.");
        }
        if (envelope == null || envelope.signum() <= 0) {
            errors.add("El monto total (techo presupuestal) debe ser mayor que cero.");
        }
        if (votesPerAgent < 1 || votesPerAgent > 50) {
            errors.add("Los votos por agente deben estar entre 1 y 50.");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (String scope : Scopes.ALL) {
            BigDecimal v = scopeEnvelopes == null ? null : scopeEnvelopes.get(scope);
            if (v == null) {
                errors.add("Falta el monto asignado al ámbito " + scope + ".");
            } else if (v.signum() < 0) {
                errors.add("El monto del ámbito " + scope + " no puede ser negativo.");
            } else {
                sum = sum.add(v);
            }
        }
        if (scopeEnvelopes != null) {
            scopeEnvelopes.keySet().stream().filter(s -> !Scopes.isValid(s))
                    .forEach(s -> errors.add("Ámbito desconocido: " + s + "."));
        }
        if (envelope != null && errors.isEmpty() && sum.compareTo(envelope) != 0) {
            errors.add("La suma de los montos por ámbito (S/ " + sum.toPlainString()
                    + ") debe ser igual al monto total (S/ " + envelope.toPlainString() + ").");
        }
        if (calendar != null) {
            for (Cycle.PhaseWindow w : calendar) {
                if (w.opensOn() == null || w.closesOn() == null || w.closesOn().isBefore(w.opensOn())) {
                    errors.add("La ventana de " + w.phase().label() + " debe terminar después de empezar.");
                }
            }
        }
        return errors;
    }
}
