package pe.gob.regioncajamarca.participa.documents;

/**
 * RFC 4180 rows: fields with a comma, quote or line break are quoted, quotes doubled; null is empty. A text
 * field that a spreadsheet would take for a formula (starting with {@code = + - @}, a tab or a carriage return)
 * is prefixed with an apostrophe, so that opening a download never runs anything (CSV injection). Numbers are
 * written as they are.
 */
public final class Csv {

    private Csv() {
    }

    public static String row(Object... fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object f = fields[i];
            String v;
            if (f == null) {
                v = "";
            } else if (f instanceof java.math.BigDecimal b) {
                v = b.toPlainString();
            } else if (f instanceof Number || f instanceof Boolean) {
                v = f.toString();
            } else {
                v = neutralise(f.toString());
            }
            if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
                v = "\"" + v.replace("\"", "\"\"") + "\"";
            }
            sb.append(v);
        }
        return sb.append("\r\n").toString();
    }

    static String neutralise(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
