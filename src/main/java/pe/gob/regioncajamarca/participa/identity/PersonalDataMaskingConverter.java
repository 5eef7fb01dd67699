package pe.gob.regioncajamarca.participa.identity;

import java.util.regex.Pattern;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %mask} in logback-spring.xml: the log message with personal data masked (issue #9), so that a log statement
 * or a library message that carries a citizen's data does not put it in the logs: e-mail addresses become
 * {@code ***@domain}, 8-digit numbers standing alone (a DNI) {@code ********}, Peruvian mobile numbers (9 digits
 * starting with 9) {@code 9********}. Digits inside a word or an identifier (a Camunda UUID) are left alone; other 8-digit numbers standing alone (a date written 20261123)
 * are masked too: a small loss for the logs' reader, never a DNI in the clear. Exceptions' stack traces are masked
 * the same way by {@code %maskEx} ({@link PersonalDataMaskingThrowableConverter}).
 */
public class PersonalDataMaskingConverter extends MessageConverter {

    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+\\-]+@([A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)+)");
    static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z-])9[0-9]{8}(?![0-9A-Za-z-])");
    static final Pattern DNI = Pattern.compile("(?<![0-9A-Za-z-])[0-9]{8}(?![0-9A-Za-z-])");

    @Override
    public String convert(ILoggingEvent event) {
        return mask(super.convert(event));
    }

    public static String mask(String message) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        String m = message;
        if (m.indexOf('@') >= 0) {
            m = EMAIL.matcher(m).replaceAll("***@$1");
        }
        if (hasDigitRun(m)) {
            m = MOBILE.matcher(m).replaceAll("9********");
            m = DNI.matcher(m).replaceAll("********");
        }
        return m;
    }

    /** A cheap test that skips the regular expressions for the many messages without 8 digits in a row. */
    private static boolean hasDigitRun(String s) {
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (++run >= 8) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }
}
