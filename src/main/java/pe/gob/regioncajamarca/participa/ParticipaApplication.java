package pe.gob.regioncajamarca.participa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Caxamarca Participa: the participatory budget of the Regional Government of Cajamarca run as
 * BPMN processes on Camunda 7. Each direct sub-package is one capability (a Spring Modulith module).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ParticipaApplication {

    public static void main(String[] args) {
        SpringApplication.run(ParticipaApplication.class, args);
    }
}
