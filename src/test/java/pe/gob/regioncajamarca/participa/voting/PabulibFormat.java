package pe.gob.regioncajamarca.participa.voting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of the pabulib {@code .pb} format as published, written down to check our files: "The .pb File Format",
 * https://pabulib.org/format (source: {@code app/templates/format.html} of github.com/pabulib/pabulib_front), and the
 * format's checker github.com/pabulib/checker, whose rules are mirrored here:
 * <ul>
 * <li>{@code pabulib_helpers/load_pb_file.py}: sections META, PROJECTS, VOTES, each once and in that order; META's
 * header {@code key;value}; PROJECTS starts with {@code project_id}, VOTES with {@code voter_id}; no duplicated
 * columns, keys, project ids or voter ids; no whitespace around a value; a row with more values than its header is
 * reported. The CSV is Python's ({@code csv.reader}, delimiter {@code ;}, quote {@code "}, a quote in a quoted value
 * doubled); pabutools ({@code pabutools/election/pabulib.py}) splits the text into lines before, so a value may not
 * hold a line break.</li>
 * <li>{@code pabulib_helpers/fields.py} and {@code fields_validations.py}: the known fields of each section in their
 * order, the obligatory ones, types, and allowed values ({@code vote_type}, {@code rule} from the format page,
 * dates {@code dd.mm.yyyy} or {@code yyyy}, country, ISO 4217 currency, ISO 639-1 language, {@code fully_funded} and
 * {@code experimental} 1, {@code comment} starting {@code #1: }, {@code selected} 0-3, {@code voting_method}
 * internet or paper, {@code sex} M, F or O).</li>
 * <li>{@code pabulib/checker.py}: no empty lines; no comma in numbers; num_projects and num_votes equal the rows;
 * a vote's length within min_length and max_length (defaults 1 and num_projects, format page), no project twice in
 * a vote; a project's {@code votes} equals the votes counted from VOTES and its {@code score} the points; at least
 * one of {@code votes} or {@code score}; a project's cost above zero; the selected projects within the budget; the
 * dates in order; {@code fully_funded} exactly when the budget exceeds the cost of all projects. Besides, a vote
 * may only name projects of the file (format page: "ids of the approved projects").</li>
 * </ul>
 * Not mirrored, because they judge the data rather than the format: the checker's notes on a project with no votes
 * ("possibly not approved for voting"), a project dearer than the whole budget, a project left out though it
 * would fit, and {@code verify_greedy_selected}, which re-runs greedy ordered by votes (ours orders by the total
 * score, as the file's comment says).
 */
final class PabulibFormat {

    static final List<String> VOTE_TYPES = List.of("approval", "ordinal", "cumulative", "scoring", "choose-1");
    static final List<String> RULES = List.of("greedy", "equalshares", "equalshares/add1", "unknown");

    static final List<String> META_FIELDS = List.of("description", "country", "unit", "district", "subunit",
            "instance", "num_projects", "num_votes", "budget", "vote_type", "rule", "date_begin", "date_end",
            "min_length", "max_length", "min_sum_cost", "max_sum_cost", "scoring_fn", "min_points", "max_points",
            "min_sum_points", "max_sum_points", "default_score", "min_project_cost", "max_project_cost",
            "min_project_score_threshold", "neighborhoods", "subdistricts", "categories", "edition", "language",
            "currency", "fully_funded", "experimental", "comment", "acknowledgments", "leftover_budget",
            "budget_per_category", "budget_per_neighborhood", "min_length_per_category", "max_length_per_category",
            "min_sum_cost_per_category", "max_sum_cost_per_category");
    static final List<String> META_OBLIGATORY = List.of("description", "country", "unit", "instance",
            "num_projects", "num_votes", "budget", "vote_type", "rule", "date_begin", "date_end");
    static final Set<String> META_INTEGERS = Set.of("num_projects", "num_votes", "min_length", "max_length",
            "min_points", "max_points", "min_sum_points", "max_sum_points", "default_score", "min_project_cost",
            "max_project_cost", "min_project_score_threshold", "fully_funded", "experimental",
            "min_length_per_category", "max_length_per_category");
    static final Set<String> META_NUMBERS = Set.of("budget", "min_sum_cost", "max_sum_cost");

    static final List<String> PROJECT_FIELDS = List.of("project_id", "cost", "votes", "score", "name", "category",
            "target", "beneficiaries", "selected", "neighborhood", "subunit", "district", "description", "proposer",
            "public_id", "latitude", "longitude");
    static final List<String> VOTE_FIELDS = List.of("voter_id", "vote", "points", "age", "sex", "voting_method",
            "district", "neighborhood", "education", "topic_preference_transport", "topic_preference_culture",
            "topic_preference_nature", "district_preference", "time_taken_seconds", "format_easiness",
            "format_expressiveness", "format_rank");

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern DATE_OR_YEAR = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{4}|\\d{4}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** A file read section by section; rows are maps from column to value, in the file's order. */
    record Parsed(Map<String, String> meta, List<String> projectColumns, List<Map<String, String>> projects,
                  List<String> voteColumns, List<Map<String, String>> votes) {

        Map<String, String> project(String id) {
            return projects.stream().filter(p -> id.equals(p.get("project_id"))).findFirst().orElse(null);
        }
    }

    private PabulibFormat() {
    }

    /** Every way in which {@code file} breaks the format's rules; empty when the format accepts it. */
    static List<String> problems(String file) {
        List<String> problems = new ArrayList<>();
        Parsed pb = read(file, problems);
        if (pb == null) {
            return problems;
        }
        checkMeta(pb.meta(), problems);
        checkProjects(pb, problems);
        checkVotes(pb, problems);
        checkTotals(pb, problems);
        return problems;
    }

    /** The file read as the format's readers read it; throws if the format does not accept it. */
    static Parsed parse(String file) {
        List<String> problems = problems(file);
        if (!problems.isEmpty()) {
            throw new AssertionError("not a valid .pb file: " + problems);
        }
        return read(file, new ArrayList<>());
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    private static Parsed read(String file, List<String> problems) {
        if (file.indexOf('\r') >= 0) {
            problems.add("carriage return in the file (lines end with \\n)");
        }
        List<String> lines = new ArrayList<>(Arrays.asList(file.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1); // the final line break
        }
        Map<String, String> meta = new LinkedHashMap<>();
        List<String> projectColumns = null;
        List<String> voteColumns = null;
        List<Map<String, String>> projects = new ArrayList<>();
        List<Map<String, String>> votes = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        String section = null;
        List<String> header = null;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            int lineNo = n + 1;
            if (line.isBlank()) {
                problems.add("empty line " + lineNo);
                continue;
            }
            List<String> row = cells(line, lineNo, problems);
            for (String cell : row) {
                if (!cell.equals(cell.strip())) {
                    problems.add("line " + lineNo + ": whitespace around value '" + cell + "'");
                }
            }
            String first = row.get(0).strip();
            String title = first.toLowerCase(Locale.ROOT);
            if (row.size() == 1 && List.of("meta", "projects", "votes").contains(title)) {
                if (!first.equals(first.toUpperCase(Locale.ROOT))) {
                    problems.add("line " + lineNo + ": section title '" + first + "' not in capitals");
                }
                if (sections.contains(title)) {
                    problems.add("line " + lineNo + ": section " + first + " twice");
                }
                sections.add(title);
                section = title;
                n++;
                if (n >= lines.size()) {
                    problems.add(first + ": no header line");
                    break;
                }
                header = cells(lines.get(n), n + 1, problems).stream().map(String::strip).toList();
                if (new HashSet<>(header).size() != header.size()) {
                    problems.add(first + ": duplicated columns " + header);
                }
                switch (title) {
                    case "meta" -> {
                        if (!header.equals(List.of("key", "value"))) {
                            problems.add("META: header must be 'key;value', is " + header);
                        }
                    }
                    case "projects" -> {
                        projectColumns = header;
                        if (!"project_id".equals(header.get(0))) {
                            problems.add("PROJECTS: first column must be project_id, is " + header.get(0));
                        }
                    }
                    default -> {
                        voteColumns = header;
                        if (!"voter_id".equals(header.get(0))) {
                            problems.add("VOTES: first column must be voter_id, is " + header.get(0));
                        }
                    }
                }
                continue;
            }
            if (section == null) {
                problems.add("line " + lineNo + ": data before any section");
                continue;
            }
            if (!section.equals("meta") && row.size() != header.size()) {
                problems.add("line " + lineNo + ": " + row.size() + " values for " + header.size() + " columns");
            }
            switch (section) {
                case "meta" -> {
                    if (row.size() != 2) {
                        problems.add("line " + lineNo + ": META row '" + first + "' has " + row.size()
                                + " values, not 2");
                    }
                    if (meta.containsKey(first)) {
                        problems.add("META: key " + first + " twice");
                    }
                    meta.put(first, row.size() > 1 ? row.get(1).strip() : "");
                }
                case "projects" -> {
                    if (projects.stream().anyMatch(p -> first.equals(p.get("project_id")))) {
                        problems.add("PROJECTS: project_id " + first + " twice");
                    }
                    projects.add(rowOf(header, row));
                }
                default -> {
                    if (votes.stream().anyMatch(v -> first.equals(v.get("voter_id")))) {
                        problems.add("VOTES: voter_id " + first + " twice");
                    }
                    votes.add(rowOf(header, row));
                }
            }
        }
        List<String> expected = List.of("meta", "projects", "votes");
        if (!new HashSet<>(sections).containsAll(expected)) {
            problems.add("sections missing: found " + sections + ", need META, PROJECTS, VOTES");
            return null;
        }
        if (!sections.stream().distinct().toList().equals(expected)) {
            problems.add("sections must come in the order META, PROJECTS, VOTES; found " + sections);
        }
        return new Parsed(meta, projectColumns, projects, voteColumns, votes);
    }

    private static Map<String, String> rowOf(List<String> header, List<String> row) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            values.put(header.get(i), i < row.size() ? row.get(i).strip() : "");
        }
        return values;
    }

    /**
     * One line as Python's {@code csv.reader} reads it with delimiter {@code ;}: a value in double quotes may hold
     * {@code ;}, and {@code ""} stands for one quote. A quote inside an unquoted value is not the format's escaping,
     * and a quoted value must end on its line.
     */
    static List<String> cells(String line, int lineNo, List<String> problems) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        boolean inQuotes = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        value.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    value.append(c);
                }
            } else if (c == ';') {
                values.add(value.toString());
                value.setLength(0);
                quoted = false;
            } else if (c == '"') {
                if (value.length() == 0 && !quoted) {
                    inQuotes = true;
                    quoted = true;
                } else {
                    problems.add("line " + lineNo + ": quote inside a value not escaped by quoting the value");
                    value.append(c);
                }
            } else {
                if (quoted) {
                    problems.add("line " + lineNo + ": text after the closing quote of a value");
                }
                value.append(c);
            }
        }
        if (inQuotes) {
            problems.add("line " + lineNo + ": quoted value not closed on its line");
        }
        values.add(value.toString());
        return values;
    }

    // ---- META ------------------------------------------------------------------------------------------------

    private static void checkMeta(Map<String, String> meta, List<String> problems) {
        META_OBLIGATORY.stream().filter(k -> !meta.containsKey(k))
                .forEach(k -> problems.add("META: obligatory key " + k + " missing"));
        meta.keySet().stream().filter(k -> !META_FIELDS.contains(k))
                .forEach(k -> problems.add("META: key " + k + " not known to the format"));
        checkOrder("META", List.copyOf(meta.keySet()), META_FIELDS, problems);
        meta.forEach((key, value) -> {
            if (value.isEmpty()) {
                problems.add("META: " + key + " empty");
            } else if (META_INTEGERS.contains(key) && !INTEGER.matcher(value).matches()) {
                problems.add("META: " + key + " must be an integer, is '" + value + "'");
            } else if (META_NUMBERS.contains(key) && !NUMBER.matcher(value).matches()) {
                problems.add("META: " + key + " must be a number with a dot for decimals, is '" + value + "'");
            }
        });
        String voteType = meta.get("vote_type");
        if (voteType != null && !VOTE_TYPES.contains(voteType)) {
            problems.add("META: vote_type '" + voteType + "' not one of " + VOTE_TYPES);
        }
        String rule = meta.get("rule");
        if (rule != null && !RULES.contains(rule)) {
            problems.add("META: rule '" + rule + "' not one of " + RULES);
        }
        if ("cumulative".equals(voteType) && !meta.containsKey("max_sum_points")) {
            problems.add("META: cumulative votes need max_sum_points");
        }
        LocalDate begin = date(meta, "date_begin", problems);
        LocalDate end = date(meta, "date_end", problems);
        if (begin != null && end != null && begin.isAfter(end)) {
            problems.add("META: date_end " + meta.get("date_end") + " before date_begin " + meta.get("date_begin"));
        }
        String country = meta.get("country");
        if (country != null && !isCountry(country)) {
            problems.add("META: country '" + country + "' is not a country name");
        }
        String currency = meta.get("currency");
        if (currency != null && !isCurrency(currency)) {
            problems.add("META: currency '" + currency + "' is not an ISO 4217 code");
        }
        String language = meta.get("language");
        if (language != null && !(language.length() == 2
                && Arrays.asList(Locale.getISOLanguages()).contains(language))) {
            problems.add("META: language '" + language + "' is not an ISO 639-1 code");
        }
        for (String flag : List.of("fully_funded", "experimental")) {
            if (meta.containsKey(flag) && !"1".equals(meta.get(flag))) {
                problems.add("META: " + flag + " may only be 1, is '" + meta.get(flag) + "'");
            }
        }
        String comment = meta.get("comment");
        if (comment != null && !comment.startsWith("#1: ")) {
            problems.add("META: comment must start with '#1: '");
        }
    }

    private static LocalDate date(Map<String, String> meta, String key, List<String> problems) {
        String value = meta.get(key);
        if (value == null) {
            return null;
        }
        if (!DATE_OR_YEAR.matcher(value).matches()) {
            problems.add("META: " + key + " must be dd.mm.yyyy or yyyy, is '" + value + "'");
            return null;
        }
        if (value.length() == 4) {
            return LocalDate.of(Integer.parseInt(value), 1, 1);
        }
        try {
            return LocalDate.parse(value, DATE);
        } catch (DateTimeParseException e) {
            problems.add("META: " + key + " '" + value + "' is not a date of the calendar");
            return null;
        }
    }

    private static boolean isCountry(String name) {
        if (name.equals("Worldwide")) {
            return true;
        }
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale.Builder().setRegion(code).build();
            if (name.equalsIgnoreCase(country.getDisplayCountry(Locale.ENGLISH)) || name.equalsIgnoreCase(code)
                    || name.equalsIgnoreCase(country.getISO3Country())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCurrency(String code) {
        try {
            return code.length() == 3 && code.equals(Currency.getInstance(code).getCurrencyCode());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void checkOrder(String section, List<String> fields, List<String> order, List<String> problems) {
        List<String> known = fields.stream().filter(order::contains).toList();
        List<String> sorted = known.stream().sorted((a, b) -> order.indexOf(a) - order.indexOf(b)).toList();
        if (!known.equals(sorted)) {
            problems.add(section + ": fields in wrong order " + known + ", the format's order is " + sorted);
        }
    }

    // ---- PROJECTS and VOTES ----------------------------------------------------------------------------------

    private static void checkProjects(Parsed pb, List<String> problems) {
        List<String> columns = pb.projectColumns();
        columns.stream().filter(c -> !PROJECT_FIELDS.contains(c))
                .forEach(c -> problems.add("PROJECTS: column " + c + " not known to the format"));
        if (!columns.contains("cost")) {
            problems.add("PROJECTS: obligatory column cost missing");
        }
        if (!columns.contains("votes") && !columns.contains("score")) {
            problems.add("PROJECTS: neither votes nor score");
        }
        checkOrder("PROJECTS", columns, PROJECT_FIELDS, problems);
        for (Map<String, String> p : pb.projects()) {
            String id = p.get("project_id");
            if (id.isEmpty()) {
                problems.add("PROJECTS: empty project_id");
            }
            if (id.contains(",")) {
                problems.add("PROJECTS: project_id " + id + " has a comma (votes list ids with commas)");
            }
            String cost = p.get("cost");
            if (cost != null) {
                if (!NUMBER.matcher(cost).matches()) {
                    problems.add("PROJECTS: cost of " + id + " must be a number with a dot for decimals, is '"
                            + cost + "'");
                } else if (new BigDecimal(cost).signum() <= 0) {
                    problems.add("PROJECTS: project " + id + " has no cost");
                }
            }
            for (String integer : List.of("votes", "score")) {
                String value = p.get(integer);
                if (value != null && !(INTEGER.matcher(value).matches() && !value.startsWith("-"))) {
                    problems.add("PROJECTS: " + integer + " of " + id + " must be a whole number, is '" + value + "'");
                }
            }
            String selected = p.get("selected");
            if (selected != null && !List.of("0", "1", "2", "3").contains(selected)) {
                problems.add("PROJECTS: selected of " + id + " must be 0, 1, 2 or 3, is '" + selected + "'");
            }
        }
    }

    private static void checkVotes(Parsed pb, List<String> problems) {
        List<String> columns = pb.voteColumns();
        columns.stream().filter(c -> !VOTE_FIELDS.contains(c))
                .forEach(c -> problems.add("VOTES: column " + c + " not known to the format"));
        if (!columns.contains("vote")) {
            problems.add("VOTES: obligatory column vote missing");
        }
        String voteType = pb.meta().getOrDefault("vote_type", "");
        if (List.of("cumulative", "scoring").contains(voteType) && !columns.contains("points")) {
            problems.add("VOTES: " + voteType + " votes need points");
        }
        checkOrder("VOTES", columns, VOTE_FIELDS, problems);
        int numProjects = pb.projects().size();
        int min = intOr(pb.meta().get("min_length"), 1);
        int max = intOr(pb.meta().get("max_length"), numProjects);
        if ("choose-1".equals(voteType)) {
            max = 1;
        }
        Set<String> ids = new HashSet<>();
        pb.projects().forEach(p -> ids.add(p.get("project_id")));
        for (Map<String, String> v : pb.votes()) {
            String voter = v.get("voter_id");
            if (voter.isEmpty()) {
                problems.add("VOTES: empty voter_id");
            }
            List<String> vote = ballot(v.get("vote"));
            if (vote.size() != new HashSet<>(vote).size()) {
                problems.add("VOTES: voter " + voter + " names a project twice: " + vote);
            }
            if (vote.size() < min) {
                problems.add("VOTES: voter " + voter + " has " + vote.size() + " votes, min_length " + min);
            }
            if (vote.size() > max) {
                problems.add("VOTES: voter " + voter + " has " + vote.size() + " votes, max_length " + max);
            }
            vote.stream().filter(id -> !ids.contains(id))
                    .forEach(id -> problems.add("VOTES: voter " + voter + " votes for " + id + ", not in PROJECTS"));
            if (v.containsKey("points") && ballot(v.get("points")).size() != vote.size()) {
                problems.add("VOTES: voter " + voter + " has not one point per project");
            }
            String method = v.get("voting_method");
            if (method != null && !method.isEmpty() && !List.of("internet", "paper").contains(method)) {
                problems.add("VOTES: voting_method of " + voter + " must be internet or paper, is '" + method + "'");
            }
            String sex = v.get("sex");
            if (sex != null && !sex.isEmpty() && !List.of("M", "F", "O").contains(sex)) {
                problems.add("VOTES: sex of " + voter + " must be M, F or O, is '" + sex + "'");
            }
        }
    }

    private static void checkTotals(Parsed pb, List<String> problems) {
        Map<String, String> meta = pb.meta();
        if (meta.containsKey("num_projects") && INTEGER.matcher(meta.get("num_projects")).matches()
                && Integer.parseInt(meta.get("num_projects")) != pb.projects().size()) {
            problems.add("META: num_projects " + meta.get("num_projects") + " but " + pb.projects().size()
                    + " projects");
        }
        if (meta.containsKey("num_votes") && INTEGER.matcher(meta.get("num_votes")).matches()
                && Integer.parseInt(meta.get("num_votes")) != pb.votes().size()) {
            problems.add("META: num_votes " + meta.get("num_votes") + " but " + pb.votes().size() + " votes");
        }
        Map<String, Integer> counted = new HashMap<>();
        Map<String, BigDecimal> points = new HashMap<>();
        for (Map<String, String> v : pb.votes()) {
            List<String> vote = ballot(v.get("vote"));
            List<String> given = v.containsKey("points") ? ballot(v.get("points")) : List.of();
            for (int i = 0; i < vote.size(); i++) {
                counted.merge(vote.get(i), 1, Integer::sum);
                if (i < given.size() && NUMBER.matcher(given.get(i)).matches()) {
                    points.merge(vote.get(i), new BigDecimal(given.get(i)), BigDecimal::add);
                }
            }
        }
        for (Map<String, String> p : pb.projects()) {
            String id = p.get("project_id");
            String votes = p.get("votes");
            if (votes != null && INTEGER.matcher(votes).matches()
                    && Integer.parseInt(votes) != counted.getOrDefault(id, 0)) {
                problems.add("PROJECTS: votes of " + id + " is " + votes + " but VOTES count "
                        + counted.getOrDefault(id, 0));
            }
            String score = p.get("score");
            if (score != null && NUMBER.matcher(score).matches()
                    && new BigDecimal(score).compareTo(points.getOrDefault(id, BigDecimal.ZERO)) != 0) {
                problems.add("PROJECTS: score of " + id + " is " + score + " but the points in VOTES sum "
                        + points.getOrDefault(id, BigDecimal.ZERO));
            }
        }
        String budgetText = meta.get("budget");
        if (budgetText != null && NUMBER.matcher(budgetText).matches()) {
            BigDecimal budget = new BigDecimal(budgetText);
            BigDecimal selected = BigDecimal.ZERO;
            BigDecimal all = BigDecimal.ZERO;
            for (Map<String, String> p : pb.projects()) {
                String cost = p.get("cost");
                if (cost == null || !NUMBER.matcher(cost).matches()) {
                    continue;
                }
                all = all.add(new BigDecimal(cost));
                if ("1".equals(p.get("selected"))) {
                    selected = selected.add(new BigDecimal(cost));
                }
            }
            if (selected.compareTo(budget) > 0) {
                problems.add("budget exceeded: selected projects cost " + selected + ", budget " + budget);
            }
            boolean fullyFunded = budget.compareTo(all) > 0;
            if (fullyFunded && !meta.containsKey("fully_funded")) {
                problems.add("META: budget " + budget + " exceeds the cost of all projects (" + all
                        + ") but fully_funded is missing");
            }
            if (!fullyFunded && meta.containsKey("fully_funded")) {
                problems.add("META: fully_funded but the budget " + budget + " does not exceed the cost of all "
                        + "projects (" + all + ")");
            }
        }
    }

    private static List<String> ballot(String list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(list.split(",", -1)).map(String::strip).toList();
    }

    private static int intOr(String value, int otherwise) {
        return value != null && INTEGER.matcher(value).matches() ? Integer.parseInt(value) : otherwise;
    }
}
