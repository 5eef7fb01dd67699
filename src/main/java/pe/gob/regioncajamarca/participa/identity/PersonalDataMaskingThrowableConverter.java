package pe.gob.regioncajamarca.participa.identity;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * {@code %maskEx} in logback-spring.xml, in place of Spring Boot's {@code %wEx}: the stack trace of a logged
 * exception, written like {@code %wEx} (with packaging data and surrounding blank lines), with personal data masked
 * as in the message ({@link PersonalDataMaskingConverter#mask}): an SMTP server's «550 5.1.1 &lt;vecina@example.pe&gt;:
 * Recipient address rejected» in an exception's message, or in one of its causes, comes out as
 * {@code ***@example.pe}; a DNI in a library's exception text as {@code ********}.
 */
public class PersonalDataMaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return PersonalDataMaskingConverter.mask(super.throwableProxyToString(tp));
    }
}
