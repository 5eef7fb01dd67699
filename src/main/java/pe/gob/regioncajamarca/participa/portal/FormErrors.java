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
            best.merge(e.getFieldName(), e, (a, b) -> better(b, a) ? b : a);
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
            if (!e.isGlobal() && field.equals(e.getFieldName()) && (best == null || better(e, best))) {
                best = e;
            }
        }
        return best == null ? null : best.getMessage();
    }

    /**
     * Most useful first: «fill it in», then «not a number/date», then a range or a length («no puede pasar de S/
     * 10,000,000,000»), then a shape (pattern, e-mail), last the number of digits (which a too large amount also
     * breaks, with a message about decimals). Within a rank, by code, so that the choice never depends on the
     * validator's order.
     */
    private static int rank(DetailedError e) {
        String code = e.getCode() == null ? "" : e.getCode();
        int rank;
        if (EMPTY.contains(code)) {
            rank = 0;
        } else if ("typeMismatch".equals(code)) {
            rank = 1;
        } else if (code.equals("Pattern") || code.equals("Email")) {
            rank = 3;
        } else if (code.equals("Digits")) {
            rank = 4;
        } else {
            rank = 2;
        }
        return rank;
    }

    private static boolean better(DetailedError a, DetailedError b) {
        int ra = rank(a);
        int rb = rank(b);
        return ra != rb ? ra < rb : String.valueOf(a.getCode()).compareTo(String.valueOf(b.getCode())) < 0;
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
