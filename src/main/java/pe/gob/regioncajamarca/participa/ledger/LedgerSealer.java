package pe.gob.regioncajamarca.participa.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Seals the ledger's new entries every few seconds ({@code participa.ledger.seal-delay}, 5 s). Every node runs
 * it; the head row's lock lets one seal at a time. Tests turn it off and call {@link Ledger#sealNow()}.
 */
@Component
@ConditionalOnProperty(name = "participa.ledger.sealer-enabled", havingValue = "true", matchIfMissing = true)
class LedgerSealer {

    private static final Logger log = LoggerFactory.getLogger(LedgerSealer.class);

    private final Ledger ledger;

    LedgerSealer(Ledger ledger) {
        this.ledger = ledger;
    }

    @Scheduled(fixedDelayString = "${participa.ledger.seal-delay:5s}", initialDelayString = "${participa.ledger.seal-delay:5s}")
    void seal() {
        try {
            ledger.sealNow();
        } catch (RuntimeException e) {
            // the database is down or restarting: the entries wait, nothing is lost; the next run seals them
            log.warn("Registro de integridad: no se pudo sellar ahora ({})", e.toString());
        }
    }
}
