package pe.gob.regioncajamarca.participa.notification;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The mails' Thymeleaf templates, in Spanish: {@code templates/mail/<name>.html} (HTML, with the shared header
 * and footer) and {@code templates/mail/<name>.txt} (the plain-text part, Thymeleaf's TEXT mode). Every template
 * gets {@code publicUrl} so that each mail links to the page or task it concerns.
 */
@Component
class MailTemplates {

    private final TemplateEngine engine = new org.thymeleaf.spring6.SpringTemplateEngine(); // SpEL, as the pages
    private final String publicUrl;

    public MailTemplates(@Value("${participa.public-url}") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        ClassLoaderTemplateResolver html = new ClassLoaderTemplateResolver();
        html.setPrefix("templates/");
        html.setTemplateMode(TemplateMode.HTML);
        html.setSuffix(".html");
        html.setResolvablePatterns(Set.of("mail/*"));
        html.setCharacterEncoding("UTF-8");
        html.setOrder(2);
        html.setCheckExistence(true);
        ClassLoaderTemplateResolver text = new ClassLoaderTemplateResolver();
        text.setPrefix("templates/");
        text.setTemplateMode(TemplateMode.TEXT);
        text.setResolvablePatterns(Set.of("mail/*.txt"));
        text.setCharacterEncoding("UTF-8");
        text.setOrder(1);
        text.setCheckExistence(true);
        engine.addTemplateResolver(html);
        engine.addTemplateResolver(text);
    }

    public record Rendered(String text, String html) {
    }

    public String publicUrl() {
        return publicUrl;
    }

    public Rendered render(String template, Map<String, ?> model) {
        Context context = new Context(new Locale("es", "PE"));
        model.forEach(context::setVariable);
        context.setVariable("publicUrl", publicUrl);
        return new Rendered(engine.process("mail/" + template + ".txt", context).strip() + "\n",
                engine.process("mail/" + template, context));
    }
}
