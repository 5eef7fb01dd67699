package pe.gob.regioncajamarca.participa.notification;

import jakarta.mail.util.StreamProvider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jakarta Mail 2.1 looks its {@link StreamProvider} up again for every body part, multipart and encoded header it
 * builds or parses, through {@link java.util.ServiceLoader}: a scan of every jar of the class path for
 * {@code META-INF/services/jakarta.mail.util.StreamProvider} (jakartaee/mail-api#699 and #861; the lookup is cached
 * only from 2.2). Sending a batch of mails spent most of its CPU there. The library reads the system property
 * {@code jakarta.mail.util.StreamProvider} before the scan; naming in it the provider that the library's own lookup
 * finds makes every later lookup a {@code Class.forName} of a loaded class.
 *
 * <p>The property is set only if the provider class is visible to the system class loader (a flat class path, as
 * the tests and a run from the classes): the library loads the named class with the calling thread's context class
 * loader and fails, instead of falling back to the scan, if that loader cannot see it. In Spring Boot's executable
 * jar the provider lives in a nested jar that a thread with the system class loader (e.g. the common fork-join
 * pool) would not see, so there the property is left unset and the library scans as before. A property set by the
 * operator ({@code -Djakarta.mail.util.StreamProvider=...}) is kept.
 */
final class MailStreams {

    private static final Logger log = LoggerFactory.getLogger(MailStreams.class);
    static final String PROPERTY = StreamProvider.class.getName();

    private MailStreams() {
    }

    /** Names the found provider in the library's system property, where that is safe; returns whether it is set. */
    static synchronized boolean pinProvider() {
        if (System.getProperty(PROPERTY) != null) {
            return true;
        }
        String provider = StreamProvider.provider().getClass().getName();
        try {
            Class.forName(provider, false, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException e) {
            log.debug("{} no es visible para el cargador del sistema: Jakarta Mail lo buscará cada vez", provider);
            return false;
        }
        System.setProperty(PROPERTY, provider);
        return true;
    }
}
