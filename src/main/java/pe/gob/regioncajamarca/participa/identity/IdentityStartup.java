package pe.gob.regioncajamarca.participa.identity;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Runs {@link StaffIdentitySetup} when the application is ready (before demo data, which needs the groups). */
@Component
class IdentityStartup {

    public static final int ORDER = 0;

    private final StaffIdentitySetup setup;

    IdentityStartup(StaffIdentitySetup setup) {
        this.setup = setup;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(ORDER)
    void onReady() {
        setup.run();
    }
}
