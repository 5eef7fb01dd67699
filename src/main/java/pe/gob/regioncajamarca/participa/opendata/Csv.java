package pe.gob.regioncajamarca.participa.opendata;

/** RFC 4180 rows: fields with a comma, quote or line break are quoted, quotes doubled; null is empty. */
final class Csv {

    private Csv() {
    }

    static String row(Object... fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String v = fields[i] == null ? "" : fields[i] instanceof java.math.BigDecimal b ? b.toPlainString()
                    : fields[i].toString();
            if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
                v = "\"" + v.replace("\"", "\"\"") + "\"";
            }
            sb.append(v);
        }
        return sb.append("\r\n").toString();
    }
}
