package pe.gob.regioncajamarca.participa.accreditation;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** The portal's registration form of a participating agent (fields and consent of the domain description). */
public class RegistrationForm {

    @NotBlank(message = "Elija el tipo de documento.")
    @Pattern(regexp = "DNI|LIBRETA_ELECTORAL", message = "Elija DNI o libreta electoral.")
    private String documentType = "DNI";

    @NotBlank(message = "Escriba su número de documento.")
    @Pattern(regexp = "[0-9]{8}", message = "El número de documento debe tener exactamente 8 dígitos, sin espacios ni guiones.")
    private String documentNumber;

    @NotBlank(message = "Escriba su apellido paterno.")
    @Size(max = 80, message = "El apellido paterno admite hasta 80 caracteres.")
    private String firstSurname;

    @Size(max = 80, message = "El apellido materno admite hasta 80 caracteres.")
    private String secondSurname;

    @NotBlank(message = "Escriba sus nombres.")
    @Size(max = 120, message = "Los nombres admiten hasta 120 caracteres.")
    private String givenNames;

    @NotBlank(message = "Escriba su correo electrónico: por él le avisaremos el resultado.")
    @Email(message = "El correo electrónico no es válido (ejemplo: nombre@correo.pe).")
    @Size(max = 200, message = "El correo admite hasta 200 caracteres.")
    private String email;

    @NotBlank(message = "Escriba su número de celular.")
    @Pattern(regexp = "9[0-9]{8}", message = "El celular debe tener 9 dígitos y empezar con 9.")
    private String mobilePhone;

    @NotBlank(message = "Elija su sexo.")
    @Pattern(regexp = "F|M", message = "Elija femenino o masculino.")
    private String sex;

    @NotNull(message = "Escriba su fecha de nacimiento.")
    @Past(message = "La fecha de nacimiento debe ser anterior a hoy.")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate birthDate;

    @NotBlank(message = "Elija su nivel educativo.")
    private String educationLevel;

    @Size(max = 120, message = "La profesión u ocupación admite hasta 120 caracteres.")
    private String profession;

    @Size(max = 200, message = "El nombre de la organización admite hasta 200 caracteres.")
    private String organization;

    @NotBlank(message = "Elija su distrito.")
    @Pattern(regexp = "06[0-9]{4}", message = "Elija un distrito de la región Cajamarca.")
    private String districtUbigeo;

    @NotBlank(message = "Elija una contraseña.")
    @Size(min = 8, max = 100, message = "La contraseña debe tener al menos 8 caracteres.")
    private String password;

    private String passwordConfirmation;

    @AssertTrue(message = "Debe aceptar los términos y condiciones de la convocatoria.")
    private boolean acceptTerms;

    @AssertTrue(message = "Debe aceptar la política de privacidad.")
    private boolean acceptPrivacy;

    @AssertTrue(message = "Debe autorizar el tratamiento de sus datos personales (Ley 29733).")
    private boolean acceptDataProcessing;

    public String getDocumentType() { return documentType; }
    public void setDocumentType(String v) { documentType = v; }
    public String getDocumentNumber() { return documentNumber; }
    public void setDocumentNumber(String v) { documentNumber = v == null ? null : v.trim(); }
    public String getFirstSurname() { return firstSurname; }
    public void setFirstSurname(String v) { firstSurname = trim(v); }
    public String getSecondSurname() { return secondSurname; }
    public void setSecondSurname(String v) { secondSurname = trim(v); }
    public String getGivenNames() { return givenNames; }
    public void setGivenNames(String v) { givenNames = trim(v); }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v == null ? null : v.trim().toLowerCase(java.util.Locale.ROOT); }
    public String getMobilePhone() { return mobilePhone; }
    public void setMobilePhone(String v) { mobilePhone = v == null ? null : v.replaceAll("[\\s-]", ""); }
    public String getSex() { return sex; }
    public void setSex(String v) { sex = v; }
    public LocalDate getBirthDate() { return birthDate; }
    public void setBirthDate(LocalDate v) { birthDate = v; }
    public String getEducationLevel() { return educationLevel; }
    public void setEducationLevel(String v) { educationLevel = v; }
    public String getProfession() { return profession; }
    public void setProfession(String v) { profession = trim(v); }
    public String getOrganization() { return organization; }
    public void setOrganization(String v) { organization = trim(v); }
    public String getDistrictUbigeo() { return districtUbigeo; }
    public void setDistrictUbigeo(String v) { districtUbigeo = v; }
    public String getPassword() { return password; }
    public void setPassword(String v) { password = v; }
    public String getPasswordConfirmation() { return passwordConfirmation; }
    public void setPasswordConfirmation(String v) { passwordConfirmation = v; }
    public boolean isAcceptTerms() { return acceptTerms; }
    public void setAcceptTerms(boolean v) { acceptTerms = v; }
    public boolean isAcceptPrivacy() { return acceptPrivacy; }
    public void setAcceptPrivacy(boolean v) { acceptPrivacy = v; }
    public boolean isAcceptDataProcessing() { return acceptDataProcessing; }
    public void setAcceptDataProcessing(boolean v) { acceptDataProcessing = v; }

    private static String trim(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
