package pe.gob.regioncajamarca.participa.news;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the Oficina de Comunicaciones types on {@code /personal/noticias}: kept as typed (strings) so that the form
 * shows it again with the errors. {@link #check()} says in Spanish what to fix, per field.
 */
public class NewsForm {

    static final int TITLE_MAX = 200;
    static final int SUMMARY_MAX = 500;
    static final int BODY_MAX = 20_000;

    private String titulo = "";
    private String resumen = "";
    private String cuerpo = "";
    private String ciclo = "";

    static NewsForm of(News.Item item) {
        NewsForm f = new NewsForm();
        f.titulo = item.title();
        f.resumen = item.summary();
        f.cuerpo = item.body();
        f.ciclo = item.cycleYear() == null ? "" : String.valueOf(item.cycleYear());
        return f;
    }

    /** The problems, field by field (empty when the news can be saved). */
    Map<String, String> check() {
        Map<String, String> errors = new LinkedHashMap<>();
        String t = titulo.strip();
        if (t.isEmpty()) {
            errors.put("titulo", "Escriba el título de la noticia.");
        } else if (t.length() < 5 || t.length() > TITLE_MAX) {
            errors.put("titulo", "El título debe tener entre 5 y " + TITLE_MAX + " caracteres (tiene " + t.length() + ").");
        }
        String s = resumen.strip();
        if (s.isEmpty()) {
            errors.put("resumen", "Escriba un resumen de una o dos oraciones: se muestra en Inicio y en la lista de noticias.");
        } else if (s.length() > SUMMARY_MAX) {
            errors.put("resumen", "El resumen debe tener como máximo " + SUMMARY_MAX + " caracteres (tiene " + s.length() + ").");
        }
        String b = cuerpo.strip();
        if (b.isEmpty()) {
            errors.put("cuerpo", "Escriba el texto de la noticia (separe los párrafos con una línea en blanco).");
        } else if (b.length() > BODY_MAX) {
            errors.put("cuerpo", "El texto debe tener como máximo " + BODY_MAX + " caracteres (tiene " + b.length() + ").");
        }
        String c = ciclo.strip();
        if (!c.isEmpty()) {
            if (!c.matches("\\d{4}")) {
                errors.put("ciclo", "El año del ciclo debe tener cuatro cifras (por ejemplo 2026), o déjelo vacío.");
            } else if (Integer.parseInt(c) < 1980 || Integer.parseInt(c) > 2100) {
                errors.put("ciclo", "El año del ciclo debe estar entre 1980 y 2100, o déjelo vacío.");
            }
        }
        return errors;
    }

    News.Draft draft() {
        String c = ciclo.strip();
        return new News.Draft(titulo.strip(), resumen.strip(), cuerpo.strip(), c.isEmpty() ? null : Integer.valueOf(c));
    }

    public String getTitulo() {
        return titulo;
    }

    public void setTitulo(String titulo) {
        this.titulo = titulo == null ? "" : titulo;
    }

    public String getResumen() {
        return resumen;
    }

    public void setResumen(String resumen) {
        this.resumen = resumen == null ? "" : resumen;
    }

    public String getCuerpo() {
        return cuerpo;
    }

    public void setCuerpo(String cuerpo) {
        this.cuerpo = cuerpo == null ? "" : cuerpo;
    }

    public String getCiclo() {
        return ciclo;
    }

    public void setCiclo(String ciclo) {
        this.ciclo = ciclo == null ? "" : ciclo;
    }
}
