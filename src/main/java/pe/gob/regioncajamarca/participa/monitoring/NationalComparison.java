package pe.gob.regioncajamarca.participa.monitoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.investments.NationalFigures;
import pe.gob.regioncajamarca.participa.investments.NationalFigures.National;

/**
 * The unit's report beside the national investment system's figures of the same project (issue 23): the progress
 * form shows them and starts from them (PIM and accrued this year when they speak of the reported quarter's year,
 * accrued to date and the updated cost always); a unit that reports other figures says why.
 */
@Component
class NationalComparison {

    /** The form's field for the unit's reason. */
    static final String REASON = MonitoringRoundVariables.MOTIVO_DIFERENCIA_MEF;
    /** Differences under a sol are rounding, not a difference. */
    private static final BigDecimal TOLERANCE = BigDecimal.ONE;

    private final NationalFigures national;
    private final MonitoringService monitoring;
    private final pe.gob.regioncajamarca.participa.documents.Fechas fechas;
    private final pe.gob.regioncajamarca.participa.documents.Soles soles;

    NationalComparison(NationalFigures national, MonitoringService monitoring,
                       pe.gob.regioncajamarca.participa.documents.Fechas fechas,
                       pe.gob.regioncajamarca.participa.documents.Soles soles) {
        this.national = national;
        this.monitoring = monitoring;
        this.fechas = fechas;
        this.soles = soles;
    }

    private static boolean sameYear(National n, String quarter) {
        return quarter != null && quarter.startsWith(n.figuresYear() + "-");
    }

    void prefill(MonitoringService.Report r, DelegateExecution execution) {
        prefill(r, national.of(r.cui()), execution);
    }

    /** The national figures of several projects in one query, by CUI (a round's tasks). */
    java.util.Map<String, National> of(java.util.Collection<String> cuis) {
        return national.of(cuis);
    }

    /** {@link #prefill(MonitoringService.Report, DelegateExecution)} with the project's figures already read. */
    void prefill(MonitoringService.Report r, Optional<National> found, DelegateExecution execution) {
        if (found.isEmpty()) {
            return;
        }
        National n = found.get();
        boolean year = sameYear(n, r.quarter());
        execution.setVariableLocal(MonitoringRoundVariables.MEF_FUENTE, "Banco de Inversiones del MEF, importado el "
                + fechas.larga(n.importedAt()));
        StringBuilder said = new StringBuilder();
        if (year && n.pimCurrentYear() != null) {
            execution.setVariableLocal(MonitoringRoundVariables.PIM, n.pimCurrentYear().doubleValue());
            said.append("PIM ").append(n.figuresYear()).append(": ").append(soles.format(n.pimCurrentYear())).append(" · ");
        }
        if (year && n.accruedCurrentYear() != null) {
            execution.setVariableLocal(MonitoringRoundVariables.DEVENGADO_ANIO, n.accruedCurrentYear().doubleValue());
            said.append("devengado ").append(n.figuresYear()).append(": ").append(soles.format(n.accruedCurrentYear()))
                    .append(" · ");
        }
        if (n.accruedToDate() != null) {
            execution.setVariableLocal(MonitoringRoundVariables.EJECUCION_FINANCIERA, n.accruedToDate().doubleValue());
            said.append("devengado acumulado: ").append(soles.format(n.accruedToDate())).append(" · ");
        }
        if (n.updatedCost() != null) {
            execution.setVariableLocal(MonitoringRoundVariables.COSTO_ACTUALIZADO, n.updatedCost().doubleValue());
            said.append("costo actualizado: ").append(soles.format(n.updatedCost()));
        }
        execution.setVariableLocal(MonitoringRoundVariables.MEF_CIFRAS, said.toString().replaceAll(" · $", ""));
    }

    /**
     * The reason to store with the report: null when the figures agree with the national ones (or there are none),
     * the unit's reason when they differ; refused (Spanish, nothing stored) when they differ without one.
     */
    String reasonFor(long reportId, BigDecimal accruedToDate, BigDecimal accruedYear, BigDecimal pim, String reason) {
        MonitoringService.Report r = monitoring.report(reportId).orElseThrow();
        Optional<National> found = national.of(r.cui());
        if (found.isEmpty()) {
            return null;
        }
        National n = found.get();
        boolean year = sameYear(n, r.quarter());
        List<String> differ = new ArrayList<>();
        if (differs(accruedToDate, n.accruedToDate())) {
            differ.add("devengado acumulado (MEF: " + soles.format(n.accruedToDate()) + ")");
        }
        if (year && differs(accruedYear, n.accruedCurrentYear())) {
            differ.add("devengado del año (MEF: " + soles.format(n.accruedCurrentYear()) + ")");
        }
        if (year && differs(pim, n.pimCurrentYear())) {
            differ.add("PIM (MEF: " + soles.format(n.pimCurrentYear()) + ")");
        }
        if (differ.isEmpty()) {
            return null;
        }
        String text = reason == null ? "" : reason.strip();
        if (text.length() < 10) {
            throw new IllegalArgumentException("Sus cifras difieren de las del Banco de Inversiones del MEF en: "
                    + String.join(", ", differ) + ". Explique el motivo en «Motivo de la diferencia con el MEF»"
                    + " (al menos 10 caracteres) o use las cifras del MEF. No se guardó nada.");
        }
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    private static boolean differs(BigDecimal reported, BigDecimal nationalFigure) {
        return reported != null && nationalFigure != null
                && reported.subtract(nationalFigure).abs().compareTo(TOLERANCE) >= 0;
    }
}
