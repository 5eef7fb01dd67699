package pe.gob.regioncajamarca.participa.training;

import java.util.List;

import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.accreditation.MyParticipation;

/**
 * "Mis cursos" on Mi cuenta: the citizen's enrolments in the training programme, each with its state or, once
 * earned, its certificate (the link goes to the certificate's verification page, which offers the PDF).
 */
@Component
class MyCourses implements MyParticipation {

    private final Enrolments enrolments;

    MyCourses(Enrolments enrolments) {
        this.enrolments = enrolments;
    }

    @Override
    public Section sectionFor(String documentNumber, String email) {
        List<Item> items = enrolments.mine(documentNumber).stream().map(e -> e.certificateCode() != null
                ? new Item(e.editionTitle() + " · " + e.certificateCode(),
                        "/capacitacion/certificados/" + e.certificateCode(), "account.course.certified")
                : new Item(e.editionTitle(), "/capacitacion/" + e.editionId(), "account.course." + switch (e.status()) {
                    case "INSCRITO", "EN_ESPERA" -> e.status();
                    default -> "CANCELADO";
                })).toList();
        return new Section(50, "account.courses", items, "account.courses.none");
    }
}
