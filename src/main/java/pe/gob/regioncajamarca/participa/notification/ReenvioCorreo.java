package pe.gob.regioncajamarca.participa.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Enviar correo pendiente" of {@code mail-delivery}: the incident staff retry from Cockpit. What this step throws
 * becomes the incident's message, the job log's exception message and the stack trace stored in the engine's
 * history, which planning reads in Cockpit: it must not name the recipient. {@link OutboxSender.MailNotSent} is
 * built that way; any other failure is logged here (masked, logback-spring.xml) and replaced by a message without
 * its text and without a cause.
 */
@Component("reenvioCorreo")
class ReenvioCorreo implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(ReenvioCorreo.class);

    private final OutboxSender sender;

    ReenvioCorreo(OutboxSender sender) {
        this.sender = sender;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(MailDeliveryVariables.CORREO_ID)).longValue();
        try {
            sender.deliver(id);
        } catch (OutboxSender.MailNotSent e) {
            throw e; // messages of our own, without addresses
        } catch (RuntimeException e) {
            log.error("Envío del correo {} falló", id, e);
            throw new OutboxSender.MailNotSent("Envío del correo N° " + id + " falló ("
                    + e.getClass().getSimpleName() + "); detalle en el registro de la aplicación");
        }
    }
}
