package pe.gob.regioncajamarca.participa.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * The news of the portal: the Oficina de Comunicaciones writes, publishes and withdraws on /personal/noticias; the
 * portal shows published news on Inicio, /noticias, /noticias/{id} and the Atom feed, escaped, in both languages;
 * drafts and withdrawn news are 404; other staff groups and citizens are refused the staff pages.
 */
class NewsIT extends ProcessTest {

    @LocalServerPort int port;
    @Autowired News news;
    @Autowired CitizenAccounts citizens;

    private Http staff(String group) {
        String user = staffUser(group);
        Http http = new Http(port);
        http.staffLogin(user, "secreto-" + user);
        return http;
    }

    private static String markup(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Test
    void communicationsWritesPublishesAndWithdrawsANewsItemThatThePortalShowsEscaped() throws Exception {
        int n = unique();
        String title = "Taller <b>provincial</b> en Chota " + n;
        String body = "Primer párrafo con <script>alert('x')</script> y un enlace <a href=\"http://malo\">aquí</a>.\n"
                + "Misma línea del primer párrafo.\r\n\r\n  \nSegundo párrafo " + n + ".";
        Http comms = staff("communications");
        assertThat(comms.get("/personal/noticias").body()).contains("Noticias del portal", "Escribir una noticia");
        assertThat(comms.get("/personal/noticias/nueva").statusCode()).isEqualTo(200);

        // errors keep what was typed and say what to fix
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("titulo", "");
        bad.put("resumen", "Resumen <i>escrito</i> " + n);
        bad.put("cuerpo", body);
        bad.put("ciclo", "20x6");
        var refused = comms.submit("/personal/noticias/nueva", "/personal/noticias/nueva", bad);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("no se guardó nada", "Escriba el título de la noticia.",
                "El año del ciclo debe tener cuatro cifras", markup("Resumen <i>escrito</i> " + n),
                markup("<script>alert('x')</script>").replace("'", "&#39;"), "value=\"20x6\"", "aria-invalid=\"true\"")
                .doesNotContain("<script>alert");
        assertThat(news.all()).noneMatch(i -> i.summary().contains("escrito</i> " + n));

        // a valid draft
        Map<String, String> form = new LinkedHashMap<>(bad);
        form.put("titulo", title);
        form.put("ciclo", "2026");
        var saved = comms.submit("/personal/noticias/nueva", "/personal/noticias/nueva", form);
        assertThat(saved.statusCode()).isEqualTo(302);
        Matcher m = Pattern.compile("/personal/noticias/(\\d+)$").matcher(saved.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        long id = Long.parseLong(m.group(1));
        News.Item draft = news.find(id).orElseThrow();
        assertThat(draft.status()).isEqualTo(News.DRAFT);
        assertThat(draft.author()).endsWith(".communications");
        assertThat(draft.paragraphs()).hasSize(2);
        assertThat(draft.paragraphs().get(0)).contains("\nMisma línea");
        assertThat(comms.get("/personal/noticias/" + id).body()).contains("Guardar cambios", "Publicar en el portal",
                "Se guardó el borrador", markup(title));

        // a draft is not public
        Http anyone = new Http(port);
        var hidden = browserGet("/noticias/" + id);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body()).contains("<html lang=\"es\"", "No encontramos esta página");
        assertThat(anyone.get("/noticias").body()).doesNotContain(markup(title));
        assertThat(anyone.get("/").body()).doesNotContain(markup(title));

        // publishing puts it on Inicio, /noticias, its page and the feed, escaped; the ledger records it
        assertThat(comms.submit("/personal/noticias/" + id, "/personal/noticias/" + id + "/publicar", Map.of())
                .statusCode()).isEqualTo(302);
        assertThat(news.find(id).orElseThrow().status()).isEqualTo(News.PUBLISHED);
        assertThat(ledgerEntries("NOTICIA_PUBLICADA", id)).isEqualTo(1);
        String today = LocalDate.now(ZoneId.of("America/Lima")).toString();
        String home = anyone.get("/").body();
        assertThat(home).contains("<h2 id=\"noticias-titulo\">Noticias</h2>", markup(title),
                "href=\"/noticias/" + id + "\"", "<time datetime=\"" + today + "\">", "href=\"/noticias\"")
                .doesNotContain("<b>provincial");
        String list = anyone.get("/noticias").body();
        assertThat(list).contains("<h1>Noticias</h1>", markup(title), "Resumen &lt;i&gt;escrito&lt;/i&gt; " + n,
                "<time datetime=\"" + today + "\">", "Ciclo 2026", "/noticias/feed.xml");
        var page = anyone.get("/noticias/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>" + markup(title) + "</h1>", "Publicada el", "<time datetime=\"" + today + "\">",
                        "&lt;script&gt;alert(", "&lt;a href=&quot;http://malo&quot;&gt;aquí&lt;/a&gt;",
                        "<p class=\"prewrap\">Segundo párrafo " + n + ".</p>")
                .doesNotContain("<script>alert", "<a href=\"http://malo\"", "<b>provincial");
        assertThat(page.body().split("<p class=\"prewrap\">", -1)).hasSize(3);
        var feed = anyone.get("/noticias/feed.xml");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        assertThat(feed.body()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"", "<title>" + markup(title) + "</title>",
                "/noticias/" + id + "\"");

        // in English
        Http english = new Http(port);
        String en = english.get("/noticias/" + id + "?lang=en").body();
        assertThat(en).contains("<html lang=\"en\"", "Published on", "« All news", "Cycle 2026", markup(title))
                .doesNotContain("??");
        assertThat(english.get("/noticias").body()).contains("<h1>News</h1>", "Subscribe to the news", markup(title))
                .doesNotContain("??");
        assertThat(english.get("/").body()).contains(">News</h2>", "All news", markup(title)).doesNotContain("??");

        // a correction with an error keeps what was typed
        Map<String, String> edit = new LinkedHashMap<>(form);
        edit.put("titulo", "Cor");
        edit.put("resumen", "Resumen corregido " + n);
        var badEdit = comms.submit("/personal/noticias/" + id, "/personal/noticias/" + id, edit);
        assertThat(badEdit.statusCode()).isEqualTo(200);
        assertThat(badEdit.body()).contains("El título debe tener entre 5 y 200 caracteres", "value=\"Cor\"",
                "Resumen corregido " + n);
        assertThat(news.find(id).orElseThrow().title()).isEqualTo(title);
        edit.put("titulo", title + " (corregido)");
        assertThat(comms.submit("/personal/noticias/" + id, "/personal/noticias/" + id, edit).statusCode()).isEqualTo(302);
        assertThat(anyone.get("/noticias/" + id).body()).contains(markup(title) + " (corregido)", "Resumen corregido " + n);

        // withdrawing takes it off the portal
        assertThat(comms.submit("/personal/noticias/" + id, "/personal/noticias/" + id + "/retirar", Map.of())
                .statusCode()).isEqualTo(302);
        assertThat(news.find(id).orElseThrow().status()).isEqualTo(News.WITHDRAWN);
        assertThat(ledgerEntries("NOTICIA_RETIRADA", id)).isEqualTo(1);
        var gone = browserGet("/noticias/" + id);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("No encontramos esta página").doesNotContain(markup(title));
        assertThat(anyone.get("/noticias").body()).doesNotContain(markup(title));
        assertThat(anyone.get("/").body()).doesNotContain(markup(title));
        assertThat(anyone.get("/noticias/feed.xml").body()).doesNotContain(markup(title));
        assertThat(comms.get("/personal/noticias").body()).contains(markup(title), "Retirada");
        assertThat(anyone.get("/noticias/0").statusCode()).isEqualTo(404);
    }

    @Test
    void otherStaffGroupsCitizensAndStrangersAreRefusedTheNewsDesk() {
        long id = news.create(new News.Draft("Borrador ajeno " + unique(), "Resumen", "Texto", null), "prueba");
        for (String group : new String[] {"planning", "technical-team", "integrity-office", TEST_UNIT_GROUP}) {
            Http other = staff(group);
            assertThat(other.get("/personal/noticias").statusCode()).as(group).isEqualTo(403);
            assertThat(other.get("/personal/noticias/" + id).statusCode()).as(group).isEqualTo(403);
            assertThat(other.submit("/personal", "/personal/noticias/" + id + "/publicar", Map.of()).statusCode())
                    .as(group).isEqualTo(403);
            assertThat(other.submit("/personal", "/personal/noticias/nueva", Map.of("titulo", "Intruso", "resumen", "x",
                    "cuerpo", "x")).statusCode()).as(group).isEqualTo(403);
        }
        assertThat(news.find(id).orElseThrow().status()).isEqualTo(News.DRAFT);

        String dni = String.format("4%07d", unique() % 10_000_000);
        citizens.create("DNI", dni, "clave-ciudadana", dni + "@example.pe", "Ana", "Díaz", null);
        Http citizen = new Http(port);
        citizen.postForm("/login", Map.of("username", dni, "password", "clave-ciudadana", "_csrf", citizen.csrfTokenOf("/login")));
        assertThat(citizen.get("/mi-cuenta").statusCode()).isEqualTo(200);
        assertThat(citizen.get("/personal/noticias").statusCode()).isEqualTo(403);

        var anon = new Http(port).get("/personal/noticias");
        assertThat(anon.statusCode()).isEqualTo(302);
        assertThat(anon.headers().firstValue("Location").orElseThrow()).endsWith("/personal/login");

        // the administrators may use it; without a CSRF token nobody may post
        Http admin = staff("camunda-admin");
        assertThat(admin.get("/personal/noticias").statusCode()).isEqualTo(200);
        assertThat(admin.postForm("/personal/noticias/" + id + "/publicar", Map.of()).statusCode()).isEqualTo(403);
        assertThat(news.find(id).orElseThrow().status()).isEqualTo(News.DRAFT);
    }

    @Test
    void theListShowsTenPublishedNewsPerPageNewestFirst() {
        int n = unique();
        for (int i = 1; i <= 11; i++) {
            long id = news.create(new News.Draft("Noticia de la serie " + n + " número " + i, "Resumen " + i, "Texto " + i,
                    null), "prueba");
            news.publish(id, "prueba");
        }
        Http anyone = new Http(port);
        String first = anyone.get("/noticias").body();
        assertThat(first.split("<li class=\"card\">", -1)).hasSize(11);
        assertThat(first).contains("Noticia de la serie " + n + " número 11", "Página 1 de", "pagina=2")
                .doesNotContain("Noticia de la serie " + n + " número 1<");
        assertThat(first.indexOf("número 11<")).isLessThan(first.indexOf("número 10<"));
        String second = anyone.get("/noticias?pagina=2").body();
        assertThat(second).contains("Noticia de la serie " + n + " número 1<", "pagina=1");
        String home = anyone.get("/").body();
        assertThat(home).contains("número 11<", "número 10<", "número 9<").doesNotContain("número 8<");
    }

    /** A GET as a browser sends it (Accept: text/html), so that an error is the portal's page and not JSON. */
    private java.net.http.HttpResponse<String> browserGet(String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + path)).header("Accept", "text/html").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private int ledgerEntries(String kind, long id) {
        return jdbc.sql("SELECT COUNT(*) FROM ledger_entry WHERE kind = ? AND subject = ?")
                .params(kind, "noticia " + id).query(Integer.class).single();
    }
}
