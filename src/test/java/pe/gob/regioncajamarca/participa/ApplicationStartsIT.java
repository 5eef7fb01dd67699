package pe.gob.regioncajamarca.participa;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.gob.regioncajamarca.participa.testsupport.ParticipaIntegrationTest;
import pe.gob.regioncajamarca.participa.testsupport.TestDatabaseInitializer;

@ParticipaIntegrationTest
class ApplicationStartsIT {

    @Autowired
    ProcessEngine engine;

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void startsOnTheConfiguredDatabase() throws Exception {
        assertThat(engine.getName()).isEqualTo("default");
        try (var c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            assertThat(product).isEqualTo(TestDatabaseInitializer.usePostgres() ? "PostgreSQL" : "H2");
        }
    }
}
