package pe.gob.regioncajamarca.participa.notification;

/** The names of the variables of {@code mail-delivery}, in one place (the start in {@link OutboxSender}, the glue). */
public final class MailDeliveryVariables {

    /** The id of the mail in {@code mail_outbox}. */
    public static final String CORREO_ID = "correoId";

    private MailDeliveryVariables() {
    }
}
