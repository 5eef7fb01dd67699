package pe.gob.regioncajamarca.participa.ideas;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A citizen's project idea as typed on the portal. */
public class IdeaForm {

    @NotBlank(message = "{ideas.error.title.NotBlank}")
    @Size(min = 10, max = 300, message = "{ideas.error.title.Size}")
    private String title;

    @Size(max = 2000, message = "{ideas.error.description.Size}")
    private String description;

    @NotBlank(message = "{ideas.error.districtUbigeo.NotBlank}")
    @Pattern(regexp = "06[0-9]{4}", message = "{ideas.error.districtUbigeo.Pattern}")
    private String districtUbigeo;

    @NotBlank(message = "{ideas.error.theme.NotBlank}")
    private String theme;

    @NotBlank(message = "{ideas.error.axis.NotBlank}")
    private String axis;

    @Min(value = 1, message = "{ideas.error.beneficiaries.Min}")
    @Max(value = 2_000_000, message = "{ideas.error.beneficiaries.Max}")
    private Integer beneficiaries;

    @DecimalMin(value = "0.01", message = "{ideas.error.approximateAmount.DecimalMin}")
    @jakarta.validation.constraints.DecimalMax(value = "10000000000", message = "{ideas.error.approximateAmount.DecimalMax}")
    @jakarta.validation.constraints.Digits(integer = 11, fraction = 2, message = "{ideas.error.approximateAmount.Digits}")
    private BigDecimal approximateAmount;

    @Email(message = "{ideas.error.contactEmail.Email}")
    @Size(max = 200, message = "{ideas.error.contactEmail.Size}")
    private String contactEmail;

    public String getTitle() { return title; }
    public void setTitle(String v) { title = v == null ? null : v.trim(); }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v == null || v.isBlank() ? null : v.strip(); }
    public String getDistrictUbigeo() { return districtUbigeo; }
    public void setDistrictUbigeo(String v) { districtUbigeo = v; }
    public String getTheme() { return theme; }
    public void setTheme(String v) { theme = v; }
    public String getAxis() { return axis; }
    public void setAxis(String v) { axis = v; }
    public Integer getBeneficiaries() { return beneficiaries; }
    public void setBeneficiaries(Integer v) { beneficiaries = v; }
    public BigDecimal getApproximateAmount() { return approximateAmount; }
    public void setApproximateAmount(BigDecimal v) { approximateAmount = v; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String v) { contactEmail = v == null || v.isBlank() ? null : v.trim(); }
}
