package pe.gob.regioncajamarca.participa.staffexperience;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Brings the Tasklist filters up to date when the application is ready (after the staff identity, order 0). */
@Component
class TasklistFiltersStartup {

    private final TasklistFilters filters;

    TasklistFiltersStartup(TasklistFilters filters) {
        this.filters = filters;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(5)
    void onReady() {
        filters.run();
    }
}
