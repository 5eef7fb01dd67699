package pe.gob.regioncajamarca.participa.ledger;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical form of an entry's content, so that the same facts always give the same bytes (and the same
 * hash): JSON with object keys sorted, no blanks, strings escaped only where JSON requires ({@code "}, {@code \},
 * control characters as <code>&#92;u00xx</code>), numbers in plain decimal notation without trailing zeros
 * ({@code 80.50} and {@code 80.5} are both {@code 80.5}), enums by name, anything else by {@code toString()} as a
 * string.
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String of(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object v, StringBuilder out) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            out.append(v);
        } else if (v instanceof BigDecimal d) {
            out.append(plain(d));
        } else if (v instanceof Number n) {
            out.append(plain(new BigDecimal(n.toString())));
        } else if (v instanceof Map<?, ?> m) {
            Map<String, Object> sorted = new TreeMap<>();
            m.forEach((k, x) -> sorted.put(String.valueOf(k), x));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (v instanceof Collection<?> c) {
            out.append('[');
            boolean first = true;
            for (Object x : c) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(x, out);
            }
            out.append(']');
        } else if (v instanceof Enum<?> e) {
            string(e.name(), out);
        } else {
            string(v.toString(), out);
        }
    }

    static String plain(BigDecimal d) {
        if (d.signum() == 0) {
            return "0";
        }
        return d.stripTrailingZeros().toPlainString();
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
