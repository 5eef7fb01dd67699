package pe.gob.regioncajamarca.participa.news;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The news form's rules and how a body is cut into paragraphs (plain Java). */
class NewsFormTest {

    private static NewsForm form(String title, String summary, String body, String cycle) {
        NewsForm f = new NewsForm();
        f.setTitulo(title);
        f.setResumen(summary);
        f.setCuerpo(body);
        f.setCiclo(cycle);
        return f;
    }

    @Test
    void aCompleteFormHasNoErrorsAndIsStrippedWhenSaved() {
        NewsForm f = form("  Taller en Chota  ", " Resumen. ", "\n Texto \n", " 2026 ");
        assertThat(f.check()).isEmpty();
        assertThat(f.draft()).isEqualTo(new News.Draft("Taller en Chota", "Resumen.", "Texto", 2026));
        assertThat(form("Taller en Chota", "Resumen.", "Texto", "").draft().cycleYear()).isNull();
    }

    @Test
    void eachFieldSaysWhatToFix() {
        assertThat(form(null, null, null, null).check()).containsOnlyKeys("titulo", "resumen", "cuerpo");
        assertThat(form("Cor", "r", "t", "").check()).containsOnlyKeys("titulo")
                .hasValueSatisfying(new org.assertj.core.api.Condition<>(v -> v.contains("entre 5 y 200"), "range"));
        assertThat(form("T".repeat(201), "r", "t", "").check()).containsKey("titulo");
        assertThat(form("Título", "r".repeat(501), "t", "").check()).containsOnlyKeys("resumen");
        assertThat(form("Título", "r", "t".repeat(20_001), "").check()).containsOnlyKeys("cuerpo");
        assertThat(form("Título", "r", "t", "20x6").check()).containsOnlyKeys("ciclo");
        assertThat(form("Título", "r", "t", "1979").check()).containsOnlyKeys("ciclo");
        assertThat(form("Título", "r", "t", "2101").check()).containsOnlyKeys("ciclo");
        assertThat(form("Título", "r", "t", "1980").check()).isEmpty();
    }

    @Test
    void paragraphsAreSeparatedByBlankLinesWhateverTheLineEnds() {
        assertThat(News.paragraphsOf("Uno\nsigue uno\r\n\r\nDos\n \t \n\n\nTres\rsigue tres\r\rCuatro"))
                .containsExactly("Uno\nsigue uno", "Dos", "Tres\nsigue tres", "Cuatro");
        assertThat(News.paragraphsOf("  \n\n  ")).isEmpty();
        assertThat(News.paragraphsOf(null)).isEmpty();
        assertThat(News.paragraphsOf("<script>alert(1)</script>")).containsExactly("<script>alert(1)</script>");
    }

    @Test
    void theFeedEscapesMarkupAndDropsCharactersXmlForbids() {
        assertThat(NewsController.escape("<b>\"A\" & 'B'</b>\u0001")).isEqualTo("&lt;b&gt;&quot;A&quot; &amp; &apos;B&apos;&lt;/b&gt;");
    }
}
