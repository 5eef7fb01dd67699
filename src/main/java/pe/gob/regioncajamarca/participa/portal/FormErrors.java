package pe.gob.regioncajamarca.participa.portal;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.util.DetailedError;

/**
 * The errors of a citizen form as the citizen reads them (issue 19): one message per field, the most useful one (an
 * empty field is told to be filled in, not that its empty value has the wrong shape), in the order of the form's
 * fields. Used by the templates as {@code @formErrors}, over Thymeleaf's {@code #fields.detailedErrors()}.
 */
@Component("formErrors")
public class FormErrors {

    /** Codes that say the field was left empty: the one message worth reading when the field is empty. */
    private static final Set<String> EMPTY = Set.of("NotBlank", "NotNull", "NotEmpty", "AssertTrue");

    /**
     * One error per field (the most useful), in the order the form class declares its fields; fields it does not
     * declare come last, in the order of the errors. Global errors are left out (they are shown apart).
     */
    public List<DetailedError> summary(List<DetailedError> errors, Object form) {
        List<String> order = form == null ? List.of() : fieldOrder(form.getClass());
        Map<String, DetailedError> best = new LinkedHashMap<>();
        for (DetailedError e : errors) {
            if (e.isGlobal()) {
                continue;
            }
            best.merge(e.getFieldName(), e, (a, b) -> rank(b) < rank(a) ? b : a);
        }
        List<DetailedError> result = new ArrayList<>(best.values());
        result.sort(Comparator.comparingInt(e -> {
            int i = order.indexOf(e.getFieldName());
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        return result;
    }

    /** The most useful message of one field, or null when it has none. */
    public String of(List<DetailedError> errors, String field) {
        DetailedError best = null;
        for (DetailedError e : errors) {
            if (!e.isGlobal() && field.equals(e.getFieldName()) && (best == null || rank(e) < rank(best))) {
                best = e;
            }
        }
        return best == null ? null : best.getMessage();
    }

    private static int rank(DetailedError e) {
        if (EMPTY.contains(e.getCode())) {
            return 0;
        }
        return "typeMismatch".equals(e.getCode()) ? 1 : 2;
    }

    private static List<String> fieldOrder(Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        List<String> names = new ArrayList<>();
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    names.add(f.getName());
                }
            }
        }
        return names;
    }
}
