package pe.gob.regioncajamarca.participa.news;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The portal's news: {@code /noticias} (published news, newest first, ten per page), {@code /noticias/{id}} (one;
 * drafts, withdrawn and unknown ids are 404) and {@code /noticias/feed.xml} (an Atom feed of the latest twenty).
 */
@Controller
class NewsController {

    static final int PAGE_SIZE = 10;
    static final int FEED_SIZE = 20;

    private final News news;

    NewsController(News news) {
        this.news = news;
    }

    @GetMapping("/noticias")
    String list(@RequestParam(name = "pagina", defaultValue = "1") int page, Model model) {
        int pages = Math.max(1, (news.countPublished() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        model.addAttribute("items", news.published((current - 1) * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        return "news/lista";
    }

    @GetMapping("/noticias/{id:\\d+}")
    String one(@PathVariable long id, Model model) {
        model.addAttribute("item", news.findPublished(id).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No existe la noticia " + id)));
        return "news/detalle";
    }

    @GetMapping("/noticias/feed.xml")
    ResponseEntity<String> feed() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        List<News.Item> items = news.latest(FEED_SIZE);
        Instant updated = items.stream().map(i -> i.updatedAt().isAfter(i.publishedAt()) ? i.updatedAt() : i.publishedAt())
                .max(Instant::compareTo).orElse(Instant.EPOCH);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"es\">\n")
                .append("  <title>Noticias · Caxamarca Participa</title>\n")
                .append("  <subtitle>Presupuesto participativo del Gobierno Regional de Cajamarca</subtitle>\n")
                .append("  <id>").append(escape(base + "/noticias")).append("</id>\n")
                .append("  <link rel=\"self\" href=\"").append(escape(base + "/noticias/feed.xml")).append("\"/>\n")
                .append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(base + "/noticias")).append("\"/>\n")
                .append("  <updated>").append(iso(updated)).append("</updated>\n")
                .append("  <author><name>Oficina de Comunicaciones · Gobierno Regional de Cajamarca</name></author>\n");
        for (News.Item i : items) {
            String link = base + "/noticias/" + i.id();
            xml.append("  <entry>\n")
                    .append("    <title>").append(escape(i.title())).append("</title>\n")
                    .append("    <id>").append(escape(link)).append("</id>\n")
                    .append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(link)).append("\"/>\n")
                    .append("    <published>").append(iso(i.publishedAt())).append("</published>\n")
                    .append("    <updated>").append(iso(i.updatedAt().isAfter(i.publishedAt()) ? i.updatedAt() : i.publishedAt()))
                    .append("</updated>\n")
                    .append("    <summary>").append(escape(i.summary())).append("</summary>\n")
                    .append("  </entry>\n");
        }
        xml.append("</feed>\n");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(xml.toString());
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** XML text and attribute values; characters XML 1.0 forbids are dropped. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
