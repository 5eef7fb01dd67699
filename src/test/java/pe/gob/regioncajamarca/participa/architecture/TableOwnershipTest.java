package pe.gob.regioncajamarca.participa.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every table has one owner module, and only the owner names it in SQL (docs/adr/0014). Other modules read and write
 * it through the owner's public API (a class in the owner's base package) or events.
 *
 * <p>{@link #OWNERS} is the one declaration of who owns what. The test fails when a table created by a migration has
 * no owner, and when a main source file names, in a string literal or text block, a table that its module does not
 * own after FROM, JOIN, INTO, UPDATE, DELETE FROM or TABLE. Java migrations (db.migration) belong to the schema and
 * are exempt.
 */
class TableOwnershipTest {

    /** The owner module of every table. */
    static final Map<String, Set<String>> OWNERS = Map.ofEntries(
            Map.entry("projects", Set.of("project", "project_district", "district", "province", "executing_unit")),
            Map.entry("cycle", Set.of("cycle", "cycle_scope", "cycle_window")),
            Map.entry("identity", Set.of("citizen_account")),
            Map.entry("accreditation", Set.of("agent_registration", "password_reset")),
            Map.entry("ideas", Set.of("project_idea", "idea_support")),
            Map.entry("voting", Set.of("ballot", "vote", "workshop", "workshop_tally", "workshop_tally_entry",
                    "workshop_tally_line", "paper_ballot_entry", "paper_ballot_choice")),
            Map.entry("monitoring", Set.of("monitoring_round", "monitoring_report", "monitoring_alert",
                    "monitoring_evidence")),
            Map.entry("oversight", Set.of("committee_election", "committee_member", "committee_member_scope",
                    "oversight_report", "oversight_report_file", "oversight_report_project")),
            Map.entry("complaints", Set.of("complaint", "complaint_attachment")),
            Map.entry("training", Set.of("training_edition", "training_session", "training_material",
                    "training_enrolment", "training_attendance", "training_certificate", "citizen_monitor")),
            Map.entry("notification", Set.of("mail_outbox", "mail_preference", "task_digest", "task_notice")),
            Map.entry("workflow", Set.of("task_escalation", "task_record")),
            Map.entry("ledger", Set.of("ledger_entry", "ledger_head")),
            Map.entry("news", Set.of("news_item")),
            Map.entry("investments", Set.of("national_investment", "national_investment_import",
                    "national_investment_lock", "national_investment_setting")));

    static final Path MAIN = Path.of("src/main/java/pe/gob/regioncajamarca/participa");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    private static final Pattern CREATE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    private static final Pattern NAMED = Pattern.compile(
            "(?i)\\b(?:from|join|into|update|table|delete\\s+from)\\s+(?:if\\s+(?:not\\s+)?exists\\s+)?(\\w+)");

    @Test
    void everyTableCreatedByAMigrationHasOneOwner() throws IOException {
        Map<String, String> owner = ownerOf();
        Set<String> orphans = new TreeSet<>();
        for (String table : createdTables()) {
            if (!owner.containsKey(table)) {
                orphans.add(table);
            }
        }
        assertThat(orphans).as("tables without an owner: add them to TableOwnershipTest.OWNERS").isEmpty();
    }

    @Test
    void aModuleNamesInSqlOnlyTheTablesItOwns() throws IOException {
        Map<String, String> owner = ownerOf();
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (isMigration(file)) {
                    continue;
                }
                String module = MAIN.relativize(file).getName(0).toString();
                for (String table : tablesNamedIn(Files.readString(file, StandardCharsets.UTF_8), owner.keySet())) {
                    if (!module.equals(owner.get(table))) {
                        violations.add(MAIN.relativize(file) + " (module " + module + ") names table " + table
                                + ", owned by " + owner.get(table));
                    }
                }
            }
        }
        assertThat(violations).as("SQL on another module's table: call the owner's API instead").isEmpty();
    }

    @Test
    void theScannerSeesTablesInLiteralsAndTextBlocksOnly() {
        Set<String> known = Set.of("project", "cycle", "vote");
        String source = """
                // SELECT * FROM vote (a comment)
                String a = "SELECT id FROM " + "project p JOIN cycle c ON c.cycle_year = p.cycle_year";
                String b = \"""
                        UPDATE vote SET x = 1\""";
                """;
        assertThat(tablesNamedIn(source, known)).containsExactlyInAnyOrder("project", "cycle", "vote");
        assertThat(tablesNamedIn("/* DELETE FROM project */ String s = \"una consulta\";", known)).isEmpty();
    }

    static Map<String, String> ownerOf() {
        Map<String, String> owner = new TreeMap<>();
        OWNERS.forEach((module, tables) -> tables.forEach(t -> {
            String previous = owner.put(t, module);
            assertThat(previous).as("table " + t + " has two owners").isNull();
        }));
        return owner;
    }

    static Set<String> createdTables() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.toList()) {
                Matcher m = CREATE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    private static boolean isMigration(Path file) {
        return file.getFileName().toString().matches("V\\d+__.*\\.java");
    }

    /** The known tables that the SQL in the string literals and text blocks of a Java source names. */
    static Set<String> tablesNamedIn(String source, Set<String> known) {
        Set<String> named = new TreeSet<>();
        for (String sql : literals(source)) {
            Matcher m = NAMED.matcher(sql);
            while (m.find()) {
                String t = m.group(1).toLowerCase(Locale.ROOT);
                if (known.contains(t)) {
                    named.add(t);
                }
            }
        }
        return named;
    }

    /**
     * The string literals and text blocks of a Java source, comments skipped; literals joined by {@code +} are one
     * (so {@code "FROM " + "project"} is read as it runs).
     */
    static List<String> literals(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                int end = s.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i = s.charAt(i + 1) == '\\' ? s.indexOf('\'', i + 3) + 1 : i + 3;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = i + 3;
                while (end < n && !(s.startsWith("\"\"\"", end) && s.charAt(end - 1) != '\\')) {
                    end++;
                }
                current = append(current, s.substring(i + 3, Math.min(end, n)));
                i = end + 3;
            } else if (c == '"') {
                StringBuilder lit = new StringBuilder();
                int j = i + 1;
                while (j < n && s.charAt(j) != '"') {
                    if (s.charAt(j) == '\\') {
                        j++;
                    }
                    lit.append(s.charAt(j));
                    j++;
                }
                current = append(current, lit.toString());
                i = j + 1;
            } else if (Character.isWhitespace(c) || c == '+') {
                i++;
            } else {
                if (current != null) {
                    out.add(current.toString());
                    current = null;
                }
                i++;
            }
        }
        if (current != null) {
            out.add(current.toString());
        }
        return out;
    }

    private static StringBuilder append(StringBuilder current, String literal) {
        return current == null ? new StringBuilder(literal) : current.append(' ').append(literal);
    }
}
