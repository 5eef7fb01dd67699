package pe.gob.regioncajamarca.participa.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Rules for a citizen's new password (registration and password reset), on top of the length (at least 8):
 * not the document number (nor containing it), not one of the passwords attackers try first, not one character
 * repeated. Answers the reason in Spanish, for the form.
 */
public final class PasswordRules {

    /** The passwords tried first in Spanish-speaking and Peruvian lists (at least 8 characters; lower case). */
    static final Set<String> COMMON = Set.of("12345678", "123456789", "1234567890", "87654321", "12341234",
            "11223344", "password", "password1", "password123", "contraseña", "contrasena", "contraseña1",
            "qwertyui", "qwerty123", "qwertyuiop", "asdfghjk", "abc12345", "abcd1234", "abcdefgh", "iloveyou",
            "teamo123", "admin123", "administrador", "cajamarca", "cajamarca1", "cajamarca123", "peru1234",
            "perú1234", "peru2024", "peru2025", "peru2026", "bienvenido", "participa", "caxamarca", "12345678a");

    private PasswordRules() {
    }

    /** Why the password is too weak, or empty if it is acceptable. */
    public static Optional<String> weakness(String password, String documentNumber) {
        if (password == null || password.length() < 8) {
            return Optional.of("La contraseña debe tener al menos 8 caracteres.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (documentNumber != null && !documentNumber.isBlank() && lower.contains(documentNumber.strip()
                .toLowerCase(Locale.ROOT))) {
            return Optional.of("La contraseña no puede contener su número de documento.");
        }
        if (COMMON.contains(lower) || lower.chars().distinct().count() == 1) {
            return Optional.of("Esa contraseña es de las primeras que se prueban al intentar entrar a una cuenta "
                    + "ajena. Elija otra, por ejemplo tres palabras que solo usted relacione.");
        }
        return Optional.empty();
    }
}
