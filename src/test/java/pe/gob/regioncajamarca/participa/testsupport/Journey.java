package pe.gob.regioncajamarca.participa.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a browser test that completes a user task through Tasklist's own screens as a person of its group does
 * (log in, open the task, claim, fill in every field, press Completar) and asserts the domain effect.
 * {@code JourneyCoverageTest} fails when a user task of {@code processes/} has no journey.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(Journey.List.class)
public @interface Journey {

    /** The process definition key. */
    String process();

    /** The user task's id in the model, e.g. {@code Task_LoadInvestmentProgramme}. */
    String task();

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface List {
        Journey[] value();
    }
}
