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

    @NotBlank(message = "Escriba el nombre de su idea.")
    @Size(min = 10, max = 300, message = "El nombre de la idea debe tener entre 10 y 300 caracteres.")
    private String title;

    @NotBlank(message = "Elija el distrito donde se haría el proyecto.")
    @Pattern(regexp = "06[0-9]{4}", message = "Elija un distrito de la región Cajamarca.")
    private String districtUbigeo;

    @NotBlank(message = "Elija el tema.")
    private String theme;

    @NotBlank(message = "Elija el eje del Plan de Desarrollo Regional Concertado.")
    private String axis;

    @Min(value = 1, message = "Indique cuántas personas se beneficiarían (al menos 1).")
    @Max(value = 2_000_000, message = "El número de beneficiarios no puede superar la población de la región.")
    private Integer beneficiaries;

    @DecimalMin(value = "0.01", message = "El monto aproximado debe ser mayor que cero.")
    private BigDecimal approximateAmount;

    @Email(message = "El correo electrónico no es válido (ejemplo: nombre@correo.pe).")
    @Size(max = 200, message = "El correo admite hasta 200 caracteres.")
    private String contactEmail;

    public String getTitle() { return title; }
    public void setTitle(String v) { title = v == null ? null : v.trim(); }
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
