package pe.gob.regioncajamarca.participa.training;

import pe.gob.regioncajamarca.participa.projects.Territory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The programme's indicators: people enrolled (holding a seat), people who attended at least one session and people
 * trained (certified), overall and per edition, by sex, age group, province and organisation type. People are
 * counted once per group even when they took several editions. Only counts leave this class, never a person.
 */
@Service
class TrainingIndicators {

    private final JdbcClient jdbc;
    private final TrainingEditions editions;

    private final Territory territory;

    public TrainingIndicators(JdbcClient jdbc, TrainingEditions editions, Territory territory) {
        this.territory = territory;
        this.jdbc = jdbc;
        this.editions = editions;
    }

    /** One enrolment as the aggregation sees it (internal). */
    record Row(long editionId, long citizenId, String sex, String ageGroup, String province, String organizationType,
               boolean attended, boolean trained) {
    }

    /** One group of a breakdown: its key (a code), its label, and the three counts. */
    public record Group(String key, String label, int enrolled, int attended, int trained) {
        /** Percentage of {@code value} against {@code max}, for the bars (0-100). */
        public int bar(int value, int max) {
            return max <= 0 ? 0 : (int) Math.round(value * 100.0 / max);
        }
    }

    public record Figures(int enrolled, int attended, int trained, List<Group> bySex, List<Group> byAgeGroup,
                          List<Group> byProvince, List<Group> byOrganizationType) {
        /** The largest enrolled count of the breakdowns, the scale of the bars. */
        public int max(List<Group> groups) {
            return groups.stream().mapToInt(Group::enrolled).max().orElse(0);
        }
    }

    public record EditionFigures(TrainingEditions.Edition edition, Figures figures) {
    }

    /** The whole programme. */
    public Figures overall() {
        return aggregate(rows(null), provinceNames());
    }

    public Figures ofEdition(long editionId) {
        return aggregate(rows(editionId), provinceNames());
    }

    /** Every published edition with its figures, newest first. */
    public List<EditionFigures> perEdition() {
        List<Row> all = rows(null);
        Map<String, String> names = provinceNames();
        List<EditionFigures> out = new ArrayList<>();
        for (TrainingEditions.Edition e : editions.published()) {
            out.add(new EditionFigures(e, aggregate(all.stream().filter(r -> r.editionId() == e.id()).toList(), names)));
        }
        return out;
    }

    /** The pure aggregation (tested on its own). */
    static Figures aggregate(List<Row> rows, Map<String, String> provinceNames) {
        return new Figures(people(rows, r -> true), people(rows, Row::attended), people(rows, Row::trained),
                groups(rows, Row::sex, Enrolments.SEXES),
                groups(rows, Row::ageGroup, Enrolments.AGE_GROUPS),
                groups(rows, Row::province, provinceNames),
                groups(rows, Row::organizationType, Enrolments.ORGANIZATION_TYPES));
    }

    private static int people(List<Row> rows, java.util.function.Predicate<Row> which) {
        Set<Long> citizens = new HashSet<>();
        rows.stream().filter(which).forEach(r -> citizens.add(r.citizenId()));
        return citizens.size();
    }

    /** The groups present in the rows, in the order of {@code labels} (unknown keys last). */
    private static List<Group> groups(List<Row> rows, Function<Row, String> key, Map<String, String> labels) {
        Map<String, List<Row>> byKey = new LinkedHashMap<>();
        labels.keySet().forEach(k -> byKey.put(k, new ArrayList<>()));
        rows.forEach(r -> byKey.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        List<Group> out = new ArrayList<>();
        byKey.forEach((k, rs) -> {
            if (!rs.isEmpty()) {
                out.add(new Group(k, labels.getOrDefault(k, k), people(rs, r -> true), people(rs, Row::attended),
                        people(rs, Row::trained)));
            }
        });
        return out;
    }

    private List<Row> rows(Long editionId) {
        String sql = """
                SELECT e.edition_id, e.citizen_id, e.sex, e.age_group, e.province_code, e.organization_type,
                    (SELECT COUNT(*) FROM training_attendance a WHERE a.enrolment_id = e.id AND a.present = TRUE),
                    (SELECT COUNT(*) FROM training_certificate c WHERE c.enrolment_id = e.id)
                FROM training_enrolment e JOIN training_edition d ON d.id = e.edition_id
                WHERE e.status = 'INSCRITO' AND d.status IN ('INSCRIPCION', 'EN_CURSO', 'CONCLUIDO')""";
        var spec = editionId == null ? jdbc.sql(sql) : jdbc.sql(sql + " AND e.edition_id = ?").param(editionId);
        return spec.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5).strip(), rs.getString(6), rs.getInt(7) > 0, rs.getInt(8) > 0)).list();
    }

    private Map<String, String> provinceNames() {
        return territory.provinceNames();
    }
}
