package pe.gob.regioncajamarca.participa.accreditation;

import java.util.List;

/**
 * A section of the citizen's "Mi cuenta" page ("mi participación"): each capability (votes, ideas, complaints,
 * courses ...) contributes its own as a Spring bean, so that this module does not reach into the others. Only the
 * citizen's own items, found by the document number or the e-mail of the logged-in account.
 */
public interface MyParticipation {

    /** One line of a section: what it is, where to see it, and its state in plain Spanish. */
    record Item(String text, String link, String status) {
    }

    record Section(int order, String title, List<Item> items, String emptyText) {
    }

    Section sectionFor(String documentNumber, String email);
}
