package pe.gob.regioncajamarca.participa.notification;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** "Enviar correo pendiente" of {@code mail-delivery}: the incident staff retry from Cockpit. */
@Configuration
class DeliveryDelegate {

    @Bean("reenvioCorreo")
    JavaDelegate reenvioCorreo(OutboxSender sender) {
        return execution -> sender.deliver(((Number) execution.getVariable("correoId")).longValue());
    }
}
