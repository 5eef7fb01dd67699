package pe.gob.regioncajamarca.participa.training;

import java.math.BigDecimal;

/**
 * Who completes an edition: attendance to at least {@code minAttendancePct} percent of its sessions and, when the
 * edition has an evaluation, a mark of at least {@code passMark} (vigesimal scale, 0 to 20). Pure rule.
 */
public record CompletionRule(int minAttendancePct, boolean evaluationRequired, BigDecimal passMark) {

    public CompletionRule {
        if (minAttendancePct < 0 || minAttendancePct > 100) {
            throw new TrainingInvalid("La asistencia mínima es un porcentaje de 0 a 100.");
        }
        if (evaluationRequired && passMark == null) {
            throw new TrainingInvalid("Indique la nota mínima de la evaluación (de 0 a 20) o quite la evaluación.");
        }
        if (passMark != null && (passMark.signum() < 0 || passMark.compareTo(BigDecimal.valueOf(20)) > 0)) {
            throw new TrainingInvalid("La nota mínima de la evaluación va de 0 a 20.");
        }
    }

    /** True when {@code attended} of {@code sessions} reaches the minimum (compared exactly, no rounding). */
    public boolean attendanceMet(int sessions, int attended) {
        if (sessions <= 0) {
            return false;
        }
        return attended * 100L >= (long) minAttendancePct * sessions;
    }

    public boolean evaluationMet(BigDecimal score) {
        return !evaluationRequired || (score != null && score.compareTo(passMark) >= 0);
    }

    public boolean met(int sessions, int attended, BigDecimal score) {
        return attendanceMet(sessions, attended) && evaluationMet(score);
    }

    /** The attendance as a whole percentage (rounded down), for certificates and reports. */
    public static int percent(int sessions, int attended) {
        return sessions <= 0 ? 0 : (int) (attended * 100L / sessions);
    }

    /** In words, for forms and pages. */
    public String text() {
        String s = "asistir al menos al " + minAttendancePct + " % de las sesiones";
        if (evaluationRequired) {
            s += " y aprobar la evaluación con " + passMark.stripTrailingZeros().toPlainString() + " o más (de 20)";
        }
        return s.substring(0, 1).toUpperCase() + s.substring(1) + ".";
    }
}
