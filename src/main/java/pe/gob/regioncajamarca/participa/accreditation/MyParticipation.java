package pe.gob.regioncajamarca.participa.accreditation;

import java.util.List;

/**
 * A section of the citizen's "Mi cuenta" page ("mi participación"): each capability (votes, ideas, complaints,
 * courses ...) contributes its own as a Spring bean, so that this module does not reach into the others. Only the
 * citizen's own items, found by the document number or the e-mail of the logged-in account.
 */
public interface MyParticipation {

    /**
     * One line of a section: what it is (the citizen's own data, shown as is), where to see it, and the message key
     * of its state (in messages_es/en.properties, e.g. {@code account.vote.PRIORIZADO}).
     */
    record Item(String text, String link, String statusKey) {
    }

    /** A section; its title and the text shown when it is empty are message keys (the page is in two languages). */
    record Section(int order, String titleKey, List<Item> items, String emptyKey) {
    }

    Section sectionFor(String documentNumber, String email);
}
