package pe.gob.regioncajamarca.participa.results;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import pe.gob.regioncajamarca.participa.ledger.LedgerKinds;

/**
 * The public page of the integrity ledger: how many entries, the last hash, whether the chain is whole (or where
 * it breaks) and whether each cycle's published votes and results follow from the ledger. No personal data: the
 * page lists kinds, subjects (CUIs, scopes, file numbers) and hashes, never an entry's content.
 */
@Controller
class IntegrityController {

    private final IntegrityCheck check;

    IntegrityController(IntegrityCheck check) {
        this.check = check;
    }

    @GetMapping("/registro-de-integridad")
    String page(Model model) {
        model.addAttribute("report", check.latest());
        model.addAttribute("labels", LedgerKinds.LABELS);
        return "results/integridad";
    }
}
