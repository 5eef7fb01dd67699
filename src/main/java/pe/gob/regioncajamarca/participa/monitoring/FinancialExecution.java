package pe.gob.regioncajamarca.participa.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one formula of financial execution (%): the money accrued to date since the project began (devengado
 * acumulado) over the project's updated total cost, times 100, with one decimal (half up). Where the unit reported no
 * updated cost (reports made before the figure was asked, files of earlier cycles) the project's cost in the cycle
 * stands in for it. Never the PIM: the PIM is one year's budget, and a multi-year project accrues more than one
 * year's PIM. Alerts (the DMN input {@code brecha}), the public pages, the round's PDF, the roll-ups and open data
 * ({@code financialExecution}) all call {@link #percent}; none computes it otherwise (FinancialExecutionAgreementIT).
 */
public final class FinancialExecution {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private FinancialExecution() {
    }

    /** What the accrued money is measured against: the updated total cost, or the project's cost without one. */
    public static BigDecimal base(BigDecimal updatedCost, BigDecimal projectCost) {
        return updatedCost != null && updatedCost.signum() > 0 ? updatedCost : projectCost;
    }

    /** Financial execution (%) of one report; null when the accrued money or the cost is unknown. */
    public static BigDecimal percent(BigDecimal accruedToDate, BigDecimal updatedCost, BigDecimal projectCost) {
        return percentOf(accruedToDate, base(updatedCost, projectCost));
    }

    /**
     * Accrued money over a base (a cost, or the sum of the bases of a group of projects), in per cent with one
     * decimal; null when either is unknown or the base is not positive.
     */
    public static BigDecimal percentOf(BigDecimal accrued, BigDecimal base) {
        if (accrued == null || base == null || base.signum() <= 0) {
            return null;
        }
        return accrued.multiply(HUNDRED).divide(base, 1, RoundingMode.HALF_UP);
    }
}
