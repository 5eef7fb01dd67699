package pe.gob.regioncajamarca.participa.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one configuration of every integration test (`*IT`), so that Spring caches a single context:
 * the whole application on a random port, profile {@code test}, on H2, or on an embedded PostgreSQL
 * when the system property {@code participa.test.db=postgres} is set (the failsafe execution
 * {@code postgres} does that, so every integration test runs once on each database).
 * Do not add {@code @MockBean}s or extra properties to a test: that would start another context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
public @interface ParticipaIntegrationTest {
}
