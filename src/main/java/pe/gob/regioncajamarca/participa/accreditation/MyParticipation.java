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

    /**
     * A section; its title and the text shown when it is empty are message keys (the page is in two languages). An
     * optional action (a link and the message key of its text) is what the citizen can do next there, e.g. a citizen
     * monitor's «Presentar un reporte de visita de obra».
     */
    record Section(int order, String titleKey, List<Item> items, String emptyKey, String actionLink, String actionKey) {

        public Section(int order, String titleKey, List<Item> items, String emptyKey) {
            this(order, titleKey, items, emptyKey, null, null);
        }
    }

    /** The citizen's section, or null when it does not concern them (e.g. citizen monitoring for a non-monitor). */
    Section sectionFor(String documentNumber, String email);
}
