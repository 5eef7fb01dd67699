package pe.gob.regioncajamarca.participa.accreditation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.unbescape.html.HtmlEscape;

import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * Issue 21: what the registration's consent says is published is exactly what the public list of accredited agents
 * shows. The consent has two sentences, what is published and what never is; every field the registration asks is
 * named in exactly one of them; the list's PDF (its text, read back with PDFBox) shows an agent's value of a field
 * if and only if the consent names that field as published.
 */
class ConsentAndPublicListIT extends ProcessTest {

    /** A registration field: how the consent names it, and how this agent's value of it could be printed. */
    record Field(String named, List<String> printedAs) {
    }

    @LocalServerPort int port;

    @Test
    void theConsentSaysExactlyWhatThePublicListOfAgentsShows() throws Exception {
        int year = sharedFormalisedCycle();
        String organization = "Asociación de regantes de Sangal " + unique();
        long registration = agentOf(year, "ACREDITADO", organization);
        jdbc.sql("UPDATE agent_registration SET profession = 'Ingeniera agrónoma', education_level = 'Superior técnica' "
                + "WHERE id = ?").param(registration).update();
        String dni = jdbc.sql("SELECT document_number FROM agent_registration WHERE id = ?").param(registration)
                .query(String.class).single();
        String email = jdbc.sql("""
                SELECT c.email FROM agent_registration r JOIN citizen_account c ON c.id = r.citizen_id WHERE r.id = ?""")
                .param(registration).query(String.class).single();
        // every field of the registration (domain.md), with this agent's value as a document could print it
        List<Field> fields = List.of(
                new Field("nombres y apellidos", List.of("Rosa Huamán Cotrina")),
                new Field("organización", List.of(organization)),
                new Field("provincia", List.of("Provincia de prueba")),
                new Field("distrito", List.of("Distrito de prueba")),
                new Field("número de documento", List.of(dni)),
                new Field("correo electrónico", List.of(email)),
                new Field("celular", List.of("987654321", "987 654 321")),
                new Field("fecha de nacimiento", List.of("1980-01-01", "01/01/1980", "1/1/1980")),
                new Field("sexo", List.of("Mujer", "Femenino")),
                new Field("nivel educativo", List.of("Superior técnica")),
                new Field("profesión", List.of("Ingeniera agrónoma")));

        String page = new Http(port).get("/agentes/inscripcion").body();
        String published = paragraph(page, "consentimiento-publicado");
        String neverPublished = paragraph(page, "consentimiento-privado");
        String pdf = pdfText("/resultados/" + year + "/agentes-acreditados.pdf");
        // a table cell breaks a long value over lines (an e-mail address has no space to break at): compare the
        // texts without any white space
        String printedText = squash(pdf);
        assertThat(printedText).as("the agent is on the list").contains(squash(organization));

        List<String> disagreements = new ArrayList<>();
        for (Field f : fields) {
            boolean saysPublished = published.contains(f.named());
            boolean saysPrivate = neverPublished.contains(f.named());
            boolean printed = f.printedAs().stream().anyMatch(v -> printedText.contains(squash(v)));
            if (saysPublished == saysPrivate) {
                disagreements.add("the consent must name «" + f.named() + "» in exactly one of its sentences "
                        + "(published: " + saysPublished + ", never published: " + saysPrivate + ")");
            }
            if (printed && !saysPublished) {
                disagreements.add("the public PDF shows the " + f.named() + " (" + f.printedAs().stream()
                        .filter(v -> printedText.contains(squash(v))).findFirst().orElseThrow()
                        + ") but the consent does not say it is published");
            }
            if (!printed && saysPublished) {
                disagreements.add("the consent says the " + f.named() + " is published but the public PDF does not "
                        + "show it");
            }
        }
        assertThat(disagreements).as("consent: «%s» «%s»", published, neverPublished).isEmpty();
        // the footer of every portal page says the same in short
        assertThat(page).contains("de los agentes participantes acreditados se publican nombre, organización, provincia "
                + "y distrito").doesNotContain("y nunca se publican.");
    }

    private static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** The text of the element {@code id} of a portal page, lower case (the consent's sentences). */
    private static String paragraph(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>(.*?)</p>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("the registration page has #" + id).isTrue();
        return HtmlEscape.unescapeHtml(m.group(1)).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private String pdfText(String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }
}
