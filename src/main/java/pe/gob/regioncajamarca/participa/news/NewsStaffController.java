package pe.gob.regioncajamarca.participa.news;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import pe.gob.regioncajamarca.participa.identity.StaffGroups;
import pe.gob.regioncajamarca.participa.identity.StaffUser;

/**
 * The news desk of the Oficina de Comunicaciones ({@code /personal/noticias}): the list of news, writing and
 * correcting one, publishing it on the portal and withdrawing it. Only {@code communications} and the
 * administrators ({@code camunda-admin}); everyone else gets 403.
 */
@Controller
class NewsStaffController {

    private final News news;

    NewsStaffController(News news) {
        this.news = news;
    }

    private static StaffUser editor(Authentication auth) {
        return StaffUser.of(auth).require(StaffGroups.COMMUNICATIONS, StaffGroups.ADMINS);
    }

    @GetMapping("/personal/noticias")
    String list(Authentication auth, Model model) {
        model.addAttribute("staff", editor(auth));
        model.addAttribute("items", news.all());
        return "news/personal-lista";
    }

    @GetMapping("/personal/noticias/nueva")
    String blank(Authentication auth, Model model) {
        editor(auth);
        model.addAttribute("form", new NewsForm());
        model.addAttribute("errors", Map.of());
        return "news/personal-editar";
    }

    @PostMapping("/personal/noticias/nueva")
    String create(@ModelAttribute("form") NewsForm form, Authentication auth, Model model, RedirectAttributes redirect) {
        StaffUser staff = editor(auth);
        Map<String, String> errors = form.check();
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            return "news/personal-editar";
        }
        long id = news.create(form.draft(), staff.id());
        redirect.addFlashAttribute("notice", "Se guardó el borrador. Revíselo y publíquelo cuando esté listo.");
        return "redirect:/personal/noticias/" + id;
    }

    @GetMapping("/personal/noticias/{id:\\d+}")
    String edit(@PathVariable long id, Authentication auth, Model model) {
        editor(auth);
        News.Item item = found(id);
        model.addAttribute("item", item);
        model.addAttribute("form", NewsForm.of(item));
        model.addAttribute("errors", Map.of());
        return "news/personal-editar";
    }

    @PostMapping("/personal/noticias/{id:\\d+}")
    String save(@PathVariable long id, @ModelAttribute("form") NewsForm form, Authentication auth, Model model,
                RedirectAttributes redirect) {
        StaffUser staff = editor(auth);
        News.Item item = found(id);
        Map<String, String> errors = form.check();
        if (!errors.isEmpty()) {
            model.addAttribute("item", item);
            model.addAttribute("errors", errors);
            return "news/personal-editar";
        }
        news.update(id, form.draft(), staff.id());
        redirect.addFlashAttribute("notice", item.published()
                ? "Se guardaron los cambios; ya se ven en el portal." : "Se guardaron los cambios.");
        return "redirect:/personal/noticias/" + id;
    }

    @PostMapping("/personal/noticias/{id:\\d+}/publicar")
    String publish(@PathVariable long id, Authentication auth, RedirectAttributes redirect) {
        StaffUser staff = editor(auth);
        found(id);
        news.publish(id, staff.id());
        redirect.addFlashAttribute("notice", "La noticia está publicada en Inicio y en /noticias. "
                + "La publicación quedó en el registro de integridad.");
        return "redirect:/personal/noticias/" + id;
    }

    @PostMapping("/personal/noticias/{id:\\d+}/retirar")
    String withdraw(@PathVariable long id, Authentication auth, RedirectAttributes redirect) {
        StaffUser staff = editor(auth);
        found(id);
        news.withdraw(id, staff.id());
        redirect.addFlashAttribute("notice", "La noticia se retiró del portal. El retiro quedó en el registro de "
                + "integridad; puede corregirla y publicarla de nuevo.");
        return "redirect:/personal/noticias/" + id;
    }

    private News.Item found(long id) {
        return news.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No existe la noticia " + id));
    }
}
