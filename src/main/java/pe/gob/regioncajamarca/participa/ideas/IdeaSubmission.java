package pe.gob.regioncajamarca.participa.ideas;

import java.math.BigDecimal;

/** A citizen's project idea as submitted on the portal during the cycle's idea window. */
public record IdeaSubmission(int cycleYear, String title, String provinceCode, String districtUbigeo, String theme,
                             String pdrcAxis, Integer beneficiaries, BigDecimal approximateAmount,
                             String contactEmail, String description) {

    /** An idea without a description (the form's description is optional). */
    public IdeaSubmission(int cycleYear, String title, String provinceCode, String districtUbigeo, String theme,
                          String pdrcAxis, Integer beneficiaries, BigDecimal approximateAmount, String contactEmail) {
        this(cycleYear, title, provinceCode, districtUbigeo, theme, pdrcAxis, beneficiaries, approximateAmount,
                contactEmail, null);
    }
}
