package pe.gob.regioncajamarca.participa.training;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import pe.gob.regioncajamarca.participa.accreditation.MyParticipation;

/**
 * "Mis cursos" on Mi cuenta: the citizen's enrolments in the training programme, each with its outcome (issue 19):
 * «Certificado» once earned (the link goes to the certificate's verification page, which offers the PDF); after the
 * close without a certificate, «No cumplió la asistencia» or «No aprobó la evaluación» (the edition's
 * {@link CompletionRule} over the attendance and the mark, as {@link Certificates} judged them at the close);
 * «En curso» while the edition runs; «Inscrito», «En lista de espera» or «Inscripción cancelada» before.
 */
@Component
class MyCourses implements MyParticipation {

    private final Enrolments enrolments;
    private final Certificates certificates;
    private final TrainingEditions editions;

    MyCourses(Enrolments enrolments, Certificates certificates, TrainingEditions editions) {
        this.enrolments = enrolments;
        this.certificates = certificates;
        this.editions = editions;
    }

    @Override
    public Section sectionFor(String documentNumber, String email) {
        List<Item> items = enrolments.mine(documentNumber).stream().map(e -> e.certificateCode() != null
                ? new Item(e.editionTitle() + " · " + e.certificateCode(),
                        "/capacitacion/certificados/" + e.certificateCode(), "account.course.certified")
                : new Item(e.editionTitle(), "/capacitacion/" + e.editionId(), "account.course." + outcome(e)))
                .toList();
        return new Section(50, "account.courses", items, "account.courses.none");
    }

    /** The message key of an enrolment's outcome, for the pages that list enrolments (see the class comment). */
    String key(Enrolments.Enrolment e) {
        return e.certificateCode() != null ? "account.course.certified" : "account.course." + outcome(e);
    }

    /** The message keys of the outcomes of {@code list}, by enrolment id. */
    Map<Long, String> keys(List<Enrolments.Enrolment> list) {
        Map<Long, String> keys = new java.util.HashMap<>();
        list.forEach(e -> keys.put(e.id(), key(e)));
        return keys;
    }

    /** The key of an enrolment without a certificate (see the class comment). */
    String outcome(Enrolments.Enrolment e) {
        return switch (e.status()) {
            case "EN_ESPERA" -> "EN_ESPERA";
            case "INSCRITO" -> switch (e.editionStatus()) {
                case "EN_CURSO" -> "EN_CURSO";
                case "CONCLUIDO" -> failed(e).orElse("INSCRITO");
                default -> "INSCRITO";
            };
            default -> "CANCELADO";
        };
    }

    /** Why a person who held a seat at the close got no certificate: the attendance first, then the evaluation. */
    private Optional<String> failed(Enrolments.Enrolment e) {
        Optional<TrainingEditions.Edition> edition = editions.find(e.editionId());
        if (edition.isEmpty()) {
            return Optional.empty();
        }
        int sessions = editions.sessions(e.editionId()).size();
        Map<Long, Certificates.Outcome> byEnrolment = certificates.outcomes(e.editionId()).stream()
                .collect(Collectors.toMap(Certificates.Outcome::enrolmentId, Function.identity()));
        Certificates.Outcome o = byEnrolment.get(e.id());
        if (o == null || o.met()) {
            return Optional.empty();
        }
        CompletionRule rule = edition.get().rule();
        return Optional.of(!rule.attendanceMet(sessions, o.attended()) ? "NO_ASISTENCIA" : "NO_APROBO");
    }
}
