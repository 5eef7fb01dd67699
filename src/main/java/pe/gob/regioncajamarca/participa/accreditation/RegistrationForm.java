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

    @NotBlank(message = "{registration.error.documentType.NotBlank}")
    @Pattern(regexp = "DNI|LIBRETA_ELECTORAL", message = "{registration.error.documentType.Pattern}")
    private String documentType = "DNI";

    @NotBlank(message = "{registration.error.documentNumber.NotBlank}")
    @Pattern(regexp = "[0-9]{8}", message = "{registration.error.documentNumber.Pattern}")
    private String documentNumber;

    @NotBlank(message = "{registration.error.firstSurname.NotBlank}")
    @Size(max = 80, message = "{registration.error.firstSurname.Size}")
    private String firstSurname;

    @Size(max = 80, message = "{registration.error.secondSurname.Size}")
    private String secondSurname;

    @NotBlank(message = "{registration.error.givenNames.NotBlank}")
    @Size(max = 120, message = "{registration.error.givenNames.Size}")
    private String givenNames;

    @NotBlank(message = "{registration.error.email.NotBlank}")
    @Email(message = "{registration.error.email.Email}")
    @Size(max = 200, message = "{registration.error.email.Size}")
    private String email;

    @NotBlank(message = "{registration.error.mobilePhone.NotBlank}")
    @Pattern(regexp = "9[0-9]{8}", message = "{registration.error.mobilePhone.Pattern}")
    private String mobilePhone;

    @NotBlank(message = "{registration.error.sex.NotBlank}")
    @Pattern(regexp = "F|M", message = "{registration.error.sex.Pattern}")
    private String sex;

    @NotNull(message = "{registration.error.birthDate.NotNull}")
    @Past(message = "{registration.error.birthDate.Past}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate birthDate;

    @NotBlank(message = "{registration.error.educationLevel.NotBlank}")
    private String educationLevel;

    @Size(max = 120, message = "{registration.error.profession.Size}")
    private String profession;

    @Size(max = 200, message = "{registration.error.organization.Size}")
    private String organization;

    @NotBlank(message = "{registration.error.districtUbigeo.NotBlank}")
    @Pattern(regexp = "06[0-9]{4}", message = "{registration.error.districtUbigeo.Pattern}")
    private String districtUbigeo;

    @NotBlank(message = "{registration.error.password.NotBlank}")
    @Size(min = 8, max = 100, message = "{registration.error.password.Size}")
    private String password;

    private String passwordConfirmation;

    @AssertTrue(message = "{registration.error.acceptTerms.AssertTrue}")
    private boolean acceptTerms;

    @AssertTrue(message = "{registration.error.acceptPrivacy.AssertTrue}")
    private boolean acceptPrivacy;

    @AssertTrue(message = "{registration.error.acceptDataProcessing.AssertTrue}")
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
