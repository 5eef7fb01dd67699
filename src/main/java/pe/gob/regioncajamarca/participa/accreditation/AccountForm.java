package pe.gob.regioncajamarca.participa.accreditation;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The portal's «Crear cuenta» form (issue 19): a citizen account of its own, without an agent registration, e.g.
 * to enrol in a course outside the registration window. The fields are declared in the form's order (the errors
 * are listed in it).
 */
public class AccountForm {

    @NotBlank(message = "{registration.error.documentNumber.NotBlank}")
    @Pattern(regexp = "[0-9]{8}", message = "{account.new.error.documentNumber.Pattern}")
    private String documentNumber;

    @NotBlank(message = "{registration.error.firstSurname.NotBlank}")
    @Size(max = 80, message = "{registration.error.firstSurname.Size}")
    private String firstSurname;

    @Size(max = 80, message = "{registration.error.secondSurname.Size}")
    private String secondSurname;

    @NotBlank(message = "{registration.error.givenNames.NotBlank}")
    @Size(max = 120, message = "{registration.error.givenNames.Size}")
    private String givenNames;

    @NotBlank(message = "{account.new.error.email.NotBlank}")
    @Email(message = "{registration.error.email.Email}")
    @Size(max = 200, message = "{registration.error.email.Size}")
    private String email;

    @NotBlank(message = "{registration.error.password.NotBlank}")
    @Size(min = 8, max = 100, message = "{registration.error.password.Size}")
    private String password;

    private String passwordConfirmation;

    @AssertTrue(message = "{registration.error.acceptPrivacy.AssertTrue}")
    private boolean acceptPrivacy;

    @AssertTrue(message = "{account.new.error.acceptDataProcessing.AssertTrue}")
    private boolean acceptDataProcessing;

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
    public String getPassword() { return password; }
    public void setPassword(String v) { password = v; }
    public String getPasswordConfirmation() { return passwordConfirmation; }
    public void setPasswordConfirmation(String v) { passwordConfirmation = v; }
    public boolean isAcceptPrivacy() { return acceptPrivacy; }
    public void setAcceptPrivacy(boolean v) { acceptPrivacy = v; }
    public boolean isAcceptDataProcessing() { return acceptDataProcessing; }
    public void setAcceptDataProcessing(boolean v) { acceptDataProcessing = v; }

    private static String trim(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
