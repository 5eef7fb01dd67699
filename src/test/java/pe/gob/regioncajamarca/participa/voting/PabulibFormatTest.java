package pe.gob.regioncajamarca.participa.voting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The validator of the tests knows the format: it accepts a file written as pabulib.org/format shows, and names each
 * broken rule of a file that breaks one (so that a file it accepts is worth something).
 */
class PabulibFormatTest {

    static final String VALID = """
            META
            key;value
            description;Presupuesto participativo de prueba
            country;Peru
            unit;Cajamarca
            subunit;Chota
            instance;2030
            num_projects;3
            num_votes;4
            budget;2500
            vote_type;approval
            rule;greedy
            date_begin;16.09.2029
            date_end;04.10.2029
            max_length;2
            language;es
            currency;PEN
            comment;"#1: una nota; con punto y coma"
            PROJECTS
            project_id;cost;votes;name;selected;description
            1;600;3;"Riego; canal ""La Colpa\""";1;Puntaje técnico 80
            2;800.50;2;Posta;1;Puntaje técnico 70
            4;1400;1;Colegio;0;Puntaje técnico 60
            VOTES
            voter_id;vote;voting_method
            1;1,2;internet
            2;1;paper
            3;2,4;internet
            4;1;internet
            """;

    @Test
    void aFileWrittenAsTheFormatShowsIsAccepted() {
        assertThat(PabulibFormat.problems(VALID)).isEmpty();
        var pb = PabulibFormat.parse(VALID);
        assertThat(pb.project("1").get("name")).isEqualTo("Riego; canal \"La Colpa\"");
        assertThat(pb.meta().get("comment")).isEqualTo("#1: una nota; con punto y coma");
    }

    @Test
    void eachBrokenRuleIsNamed() {
        assertThat(PabulibFormat.problems(VALID.replace("rule;greedy", "rule;custom-80-20")))
                .anyMatch(p -> p.contains("rule 'custom-80-20' not one of"));
        assertThat(PabulibFormat.problems(VALID.replace("vote_type;approval", "vote_type;weighted")))
                .anyMatch(p -> p.contains("vote_type 'weighted'"));
        assertThat(PabulibFormat.problems(VALID.replace("date_begin;16.09.2029\n", "")))
                .contains("META: obligatory key date_begin missing");
        assertThat(PabulibFormat.problems(VALID.replace("date_end;04.10.2029", "date_end;2029-10-04")))
                .anyMatch(p -> p.contains("date_end must be dd.mm.yyyy"));
        assertThat(PabulibFormat.problems(VALID.replace("date_end;04.10.2029", "date_end;31.02.2029")))
                .anyMatch(p -> p.contains("not a date of the calendar"));
        assertThat(PabulibFormat.problems(VALID.replace("date_end;04.10.2029", "date_end;04.10.2028")))
                .anyMatch(p -> p.contains("before date_begin"));
        // an unquoted ';' splits the row (the old export's META description)
        assertThat(PabulibFormat.problems(VALID.replace("description;Presupuesto participativo de prueba",
                "description;Priorización: 0.8 x técnico; 0.2 x votación")))
                .anyMatch(p -> p.contains("META row 'description' has 3 values"));
        assertThat(PabulibFormat.problems(VALID.replace("\"Riego; canal \"\"La Colpa\"\"\"", "Riego \"La Colpa\"")))
                .anyMatch(p -> p.contains("quote inside a value"));
        assertThat(PabulibFormat.problems(VALID.replace("project_id;cost;votes;name;selected;description",
                "project_id;cost;votes;name;selected;technical_score")))
                .contains("PROJECTS: column technical_score not known to the format");
        assertThat(PabulibFormat.problems(VALID.replace("project_id;cost;votes;name;selected;description",
                "project_id;cost;name;votes;selected;description")))
                .anyMatch(p -> p.startsWith("PROJECTS: fields in wrong order"));
        assertThat(PabulibFormat.problems(VALID.replace("max_length;2", "max_length;1")))
                .anyMatch(p -> p.contains("voter 1 has 2 votes, max_length 1"));
        assertThat(PabulibFormat.problems(VALID.replace("3;2,4;internet", "3;2,9;internet")))
                .contains("VOTES: voter 3 votes for 9, not in PROJECTS");
        assertThat(PabulibFormat.problems(VALID.replace("3;2,4;internet", "3;2,2;internet")))
                .anyMatch(p -> p.contains("names a project twice"));
        assertThat(PabulibFormat.problems(VALID.replace("num_votes;4", "num_votes;5")))
                .contains("META: num_votes 5 but 4 votes");
        assertThat(PabulibFormat.problems(VALID.replace("num_projects;3", "num_projects;14")))
                .contains("META: num_projects 14 but 3 projects");
        assertThat(PabulibFormat.problems(VALID.replace("1;600;3;", "1;600;30;")))
                .contains("PROJECTS: votes of 1 is 30 but VOTES count 3");
        assertThat(PabulibFormat.problems(VALID.replace("1;600;3;", "1;0;3;")))
                .contains("PROJECTS: project 1 has no cost");
        assertThat(PabulibFormat.problems(VALID.replace("2;800.50;", "2;800,50;")))
                .anyMatch(p -> p.contains("cost of 2 must be a number with a dot"));
        assertThat(PabulibFormat.problems(VALID.replace("4;1400;1;Colegio;0", "4;1400;1;Colegio;1")))
                .anyMatch(p -> p.startsWith("budget exceeded"));
        assertThat(PabulibFormat.problems(VALID.replace("budget;2500", "budget;5000")))
                .anyMatch(p -> p.contains("fully_funded is missing"));
        assertThat(PabulibFormat.problems(VALID.replace("2;1;paper", "2;1;papel")))
                .anyMatch(p -> p.contains("voting_method of 2 must be internet or paper"));
        assertThat(PabulibFormat.problems(VALID.replace("currency;PEN", "currency;SOL")))
                .anyMatch(p -> p.contains("ISO 4217"));
        assertThat(PabulibFormat.problems(VALID.replace("country;Peru", "country;Perú Región")))
                .anyMatch(p -> p.contains("not a country name"));
        assertThat(PabulibFormat.problems(VALID.replace("comment;\"#1: una nota; con punto y coma\"",
                "comment;una nota"))).contains("META: comment must start with '#1: '");
        assertThat(PabulibFormat.problems(VALID.replace("VOTES\n", "\nVOTES\n")))
                .anyMatch(p -> p.startsWith("empty line"));
        assertThat(PabulibFormat.problems(VALID.replace("subunit;Chota", "subunit; Chota")))
                .anyMatch(p -> p.contains("whitespace around value"));
        assertThat(PabulibFormat.problems(VALID.replace("Posta", "\"Posta\nnueva\"")))
                .anyMatch(p -> p.contains("quoted value not closed on its line"));
        String projectsLast = VALID.substring(0, VALID.indexOf("PROJECTS")) + VALID.substring(VALID.indexOf("VOTES"))
                + VALID.substring(VALID.indexOf("PROJECTS"), VALID.indexOf("VOTES"));
        assertThat(PabulibFormat.problems(projectsLast)).anyMatch(p -> p.startsWith("sections must come in the order"));
    }
}
