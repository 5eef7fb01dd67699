package pe.gob.regioncajamarca.participa.training;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/open-data/training/indicators} (contract): people enrolled, attended and trained, overall and per
 * edition, by {@code sex}, {@code ageGroup}, {@code province} and {@code organizationType}. Counts only, never a person.
 */
@RestController
@RequestMapping(path = "/api/open-data/training", produces = MediaType.APPLICATION_JSON_VALUE)
class TrainingOpenDataController {

    private final TrainingIndicators indicators;

    TrainingOpenDataController(TrainingIndicators indicators) {
        this.indicators = indicators;
    }

    record SexJson(String sex, String label, int enrolled, int attended, int trained) {
    }

    record AgeGroupJson(String ageGroup, String label, int enrolled, int attended, int trained) {
    }

    record ProvinceJson(String province, String provinceName, int enrolled, int attended, int trained) {
    }

    record OrganizationTypeJson(String organizationType, String label, int enrolled, int attended, int trained) {
    }

    record EditionJson(String code, String title, String status, boolean oversightCourse, int capacity,
                       int enrolled, int attended, int trained, List<SexJson> bySex, List<AgeGroupJson> byAgeGroup,
                       List<ProvinceJson> byProvince, List<OrganizationTypeJson> byOrganizationType) {
    }

    record IndicatorsJson(int enrolled, int attended, int trained, List<SexJson> bySex, List<AgeGroupJson> byAgeGroup,
                          List<ProvinceJson> byProvince, List<OrganizationTypeJson> byOrganizationType,
                          List<EditionJson> editions) {
    }

    @GetMapping("/indicators")
    IndicatorsJson indicators() {
        TrainingIndicators.Figures all = indicators.overall();
        return new IndicatorsJson(all.enrolled(), all.attended(), all.trained(), sex(all), age(all), province(all),
                organization(all), indicators.perEdition().stream().map(ef -> {
                    TrainingIndicators.Figures f = ef.figures();
                    TrainingEditions.Edition e = ef.edition();
                    return new EditionJson(e.code(), e.title(), e.status(), e.oversightCourse(), e.capacity(),
                            f.enrolled(), f.attended(), f.trained(), sex(f), age(f), province(f), organization(f));
                }).toList());
    }

    private static List<SexJson> sex(TrainingIndicators.Figures f) {
        return f.bySex().stream().map(g -> new SexJson(g.key(), g.label(), g.enrolled(), g.attended(), g.trained()))
                .toList();
    }

    private static List<AgeGroupJson> age(TrainingIndicators.Figures f) {
        return f.byAgeGroup().stream().map(g -> new AgeGroupJson(g.key(), g.label(), g.enrolled(), g.attended(),
                g.trained())).toList();
    }

    private static List<ProvinceJson> province(TrainingIndicators.Figures f) {
        return f.byProvince().stream().map(g -> new ProvinceJson(g.key(), g.label(), g.enrolled(), g.attended(),
                g.trained())).toList();
    }

    private static List<OrganizationTypeJson> organization(TrainingIndicators.Figures f) {
        return f.byOrganizationType().stream().map(g -> new OrganizationTypeJson(g.key(), g.label(), g.enrolled(),
                g.attended(), g.trained())).toList();
    }
}
