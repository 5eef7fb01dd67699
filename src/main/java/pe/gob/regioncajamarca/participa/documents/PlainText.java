package pe.gob.regioncajamarca.participa.documents;

/**
 * What a typed text may contain (issue #9): letters, digits, punctuation, line breaks and tabs, but no control
 * characters (NUL, escape sequences, ...: PostgreSQL refuses NUL in text, terminals and logs obey the others) and no
 * Unicode bidirectional overrides or isolates (U+202A-U+202E, U+2066-U+2069), which make "fdp.exe" look like
 * "exe.pdf" or reorder a name shown to staff. Such a text is refused, never silently cleaned.
 */
public final class PlainText {

    /** The citizen's message for a refused text (the portal's forms have it in messages_es/en too). */
    public static final String REFUSED = "El texto tiene caracteres no permitidos (caracteres de control o que "
            + "cambian la dirección del texto): escríbalo de nuevo sin copiarlo de otro programa.";

    private PlainText() {
    }

    public static boolean allowed(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            if (forbidden(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean forbidden(char ch) {
        if (ch == '\n' || ch == '\r' || ch == '\t') {
            return false;
        }
        return Character.isISOControl(ch) || ch >= 0x202A && ch <= 0x202E || ch >= 0x2066 && ch <= 0x2069;
    }
}
