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

    /**
     * The same figures as one table: a row per edition (and {@code TOTAL} for the programme), dimension and group;
     * dimension {@code total} holds the edition's own totals.
     */
    @GetMapping(path = "/indicators.csv", produces = "text/csv;charset=UTF-8")
    org.springframework.http.ResponseEntity<String> indicatorsCsv() {
        StringBuilder out = new StringBuilder("edition,dimension,group,label,enrolled,attended,trained\r\n");
        rows(out, "TOTAL", indicators.overall());
        indicators.perEdition().forEach(ef -> rows(out, ef.edition().code(), ef.figures()));
        return org.springframework.http.ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "inline; filename=\"indicadores-capacitacion.csv\"").body(out.toString());
    }

    private static void rows(StringBuilder out, String edition, TrainingIndicators.Figures f) {
        out.append(pe.gob.regioncajamarca.participa.documents.Csv.row(edition, "total", "", "", f.enrolled(),
                f.attended(), f.trained()));
        java.util.Map<String, List<TrainingIndicators.Group>> dims = new java.util.LinkedHashMap<>();
        dims.put("sex", f.bySex());
        dims.put("ageGroup", f.byAgeGroup());
        dims.put("province", f.byProvince());
        dims.put("organizationType", f.byOrganizationType());
        dims.forEach((dimension, groups) -> groups.forEach(g -> out.append(pe.gob.regioncajamarca.participa.documents
                .Csv.row(edition, dimension, g.key(), g.label(), g.enrolled(), g.attended(), g.trained()))));
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
