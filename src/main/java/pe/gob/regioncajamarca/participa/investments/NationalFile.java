package pe.gob.regioncajamarca.participa.investments;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import pe.gob.regioncajamarca.participa.investments.NationalColumns.Field;

/**
 * Reads the Ministry of Economy's "Detalle de inversiones" file (CSV, national, ~1 million rows and a quarter of a
 * gigabyte) as a stream: one record at a time through Commons CSV, so memory does not grow with the file
 * ({@code NationalFileMemoryTest} reads a generated million-row file in a JVM of 512 MB). Only the rows that
 * {@code keep} accepts are parsed into {@link Figures}; the rest are counted and dropped. The separator (comma,
 * semicolon, tab or bar) is taken from the header line; the encoding is UTF-8, or Windows-1252 when the first 64 KB
 * are not valid UTF-8 (files saved from Excel in Peru).
 */
final class NationalFile {

    /** How many kept rows with a problem are described one by one (all are counted). */
    static final int LISTED_PROBLEMS = 50;

    private NationalFile() {
    }

    /** The national system's figures of one investment, as the file states them. */
    public record Figures(String cui, String name, String ubigeo, String executingUnit, String state,
                          String situation, BigDecimal updatedCost, BigDecimal pimCurrentYear,
                          BigDecimal accruedCurrentYear, BigDecimal accruedBeforeYear, BigDecimal physicalProgress) {

        /** Accrued since the investment began: the years before plus this year. */
        public BigDecimal accruedToDate() {
            return NationalFile.accruedToDate(accruedBeforeYear, accruedCurrentYear);
        }
    }

    /** Accrued since the investment began (the years before plus this year); null when the file gives neither. */
    static BigDecimal accruedToDate(BigDecimal beforeYear, BigDecimal currentYear) {
        if (beforeYear == null && currentYear == null) {
            return null;
        }
        return (beforeYear == null ? BigDecimal.ZERO : beforeYear)
                .add(currentYear == null ? BigDecimal.ZERO : currentYear);
    }

    /** Counts of a whole read; {@code problems} lists the first {@link #LISTED_PROBLEMS} kept rows refused. */
    public record Summary(long rowsRead, long kept, long rejected, List<String> problems) {
    }

    /** The whole file cannot be read (columns missing, not a CSV, empty): nothing of it is stored. */
    public static class RefusedFile extends Exception {
        public RefusedFile(String message) {
            super(message);
        }
    }

    /** Which rows matter, judged on the raw CUI and ubigeo before anything else of the row is parsed. */
    public interface RowFilter {
        boolean keep(String cui, String ubigeo);
    }

    /**
     * Streams {@code in} (not closed here): {@code progress} is told the rows read and kept every 10,000 rows;
     * {@code sink} receives each kept, valid row in file order.
     */
    public static Summary read(InputStream in, NationalColumns columns, RowFilter filter, Consumer<Figures> sink,
                               ProgressListener progress) throws RefusedFile, IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        Charset charset = sniffCharset(buffered);
        BufferedReader reader = new BufferedReader(new InputStreamReader(buffered, charset), 1 << 16);
        String headerLine = reader.readLine();
        if (headerLine != null && headerLine.startsWith("\uFEFF")) {
            headerLine = headerLine.substring(1); // a byte-order mark before a quoted first title
        }
        if (headerLine == null || headerLine.isBlank()) {
            throw new RefusedFile("El archivo está vacío: se esperaba la fila de títulos de columna del Ministerio.");
        }
        char delimiter = delimiterOf(headerLine);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setQuote('"')
                .setIgnoreEmptyLines(true).setTrim(true).get();
        List<String> header;
        try (CSVParser headerParser = CSVParser.parse(new StringReader(headerLine), format)) {
            header = headerParser.getRecords().get(0).toList();
        }
        Map<Field, Integer> at = columns.locate(header);
        long rows = 0;
        long kept = 0;
        long rejected = 0;
        List<String> problems = new ArrayList<>();
        CSVParser parser = CSVParser.parse(reader, format);
        try {
            for (CSVRecord r : parser) {
                rows++;
                long line = rows + 1; // the header is line 1
                String cui = cell(r, at.get(Field.CUI));
                String ubigeo = ubigeo(cell(r, at.get(Field.UBIGEO)));
                if (filter.keep(cui, ubigeo)) {
                    try {
                        sink.accept(figures(r, at, cui, ubigeo));
                        kept++;
                    } catch (BadRow e) {
                        rejected++;
                        if (problems.size() < LISTED_PROBLEMS) {
                            problems.add("Fila " + line + " (CUI " + cui + "): " + e.getMessage());
                        }
                    }
                }
                if (rows % 10_000 == 0) {
                    progress.rows(rows, kept);
                }
            }
        } catch (UncheckedIOException e) {
            throw new RefusedFile("El archivo no se puede leer como CSV después de la fila " + (rows + 1) + ": "
                    + e.getCause().getMessage() + ". Lo leído hasta allí se guardó; corrija el archivo y vuelva a"
                    + " importarlo.");
        }
        progress.rows(rows, kept);
        return new Summary(rows, kept, rejected, List.copyOf(problems));
    }

    /** Told how far a read has gone. */
    @FunctionalInterface
    public interface ProgressListener {
        void rows(long read, long kept);
    }

    /** A kept row with a figure that cannot be read. */
    static final class BadRow extends RuntimeException {
        BadRow(String message) {
            super(message);
        }
    }

    private static Figures figures(CSVRecord r, Map<Field, Integer> at, String cui, String ubigeo) {
        if (cui.isEmpty() || !cui.chars().allMatch(Character::isDigit) || cui.length() > 10) {
            throw new BadRow("el CUI debe ser un número (se leyó \"" + shorten(cui) + "\")");
        }
        String name = cell(r, at.get(Field.NAME));
        if (name.isEmpty()) {
            throw new BadRow("falta el nombre de la inversión");
        }
        // a row kept for its CUI may carry anything as ubigeo: only a district code (6 digits) is kept
        String district = ubigeo.matches("\\d{6}") ? ubigeo : null;
        return new Figures(stripZeros(cui), shorten(name, 1000), district,
                optional(r, at.get(Field.EXECUTING_UNIT), 300), optional(r, at.get(Field.STATE), 100),
                optional(r, at.get(Field.SITUATION), 100),
                amount(r, at.get(Field.UPDATED_COST), "costo actualizado"),
                amount(r, at.get(Field.PIM), "PIM del año"),
                amount(r, at.get(Field.ACCRUED_YEAR), "devengado del año"),
                amount(r, at.get(Field.ACCRUED_BEFORE), "devengado de años anteriores"),
                percent(r, at.get(Field.PHYSICAL_PROGRESS)));
    }

    private static String stripZeros(String cui) {
        String s = cui.replaceFirst("^0+(?=\\d)", "");
        return s;
    }

    private static String optional(CSVRecord r, Integer index, int max) {
        String v = cell(r, index);
        return v.isEmpty() ? null : shorten(v, max);
    }

    private static BigDecimal amount(CSVRecord r, Integer index, String what) {
        String v = cell(r, index);
        if (v.isEmpty()) {
            return null;
        }
        BigDecimal n = number(v);
        if (n == null || n.signum() < 0 || n.compareTo(new BigDecimal("1e15")) >= 0) {
            throw new BadRow("el " + what + " no es un monto en soles (se leyó \"" + shorten(v) + "\")");
        }
        return n.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static BigDecimal percent(CSVRecord r, Integer index) {
        String v = cell(r, index).replace("%", "").trim();
        if (v.isEmpty()) {
            return null;
        }
        BigDecimal n = number(v);
        if (n == null || n.signum() < 0 || n.compareTo(new BigDecimal("1000")) > 0) {
            throw new BadRow("el avance físico no es un porcentaje (se leyó \"" + shorten(v) + "\")");
        }
        // a percentage (45 means 45 %); a value above 100 (some rows of the dataset carry them) is read as 100
        return n.min(new BigDecimal("100")).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** "1234.5", "1,234.50", "1234,50" and "1.234,50" are all read; anything else is null. */
    static BigDecimal number(String raw) {
        String s = raw.replace(" ", "").replace("\u00A0", "");
        int comma = s.lastIndexOf(',');
        int dot = s.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            s = comma > dot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            // one comma followed by exactly three digits is a thousands separator only if more groups follow;
            // the Ministry writes decimals with a point, so a lone comma is a decimal comma
            s = s.indexOf(',') == comma ? s.replace(',', '.') : s.replace(",", "");
        }
        if (!s.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d{1,2})?")) {
            return null;
        }
        return new BigDecimal(s);
    }

    /** A ubigeo written as a number loses its leading zero (60101 for 060101): put it back. */
    static String ubigeo(String raw) {
        String s = raw.trim();
        if (s.length() == 5 && s.chars().allMatch(Character::isDigit)) {
            return "0" + s;
        }
        return s;
    }

    private static String cell(CSVRecord r, Integer index) {
        if (index == null || index >= r.size()) {
            return "";
        }
        String v = r.get(index);
        return v == null ? "" : v.trim();
    }

    private static String shorten(String v) {
        return shorten(v, 40);
    }

    private static String shorten(String v, int max) {
        return v.length() <= max ? v : v.substring(0, max - 1) + "…";
    }

    static char delimiterOf(String headerLine) {
        char best = ',';
        long bestCount = -1;
        for (char c : new char[] {',', ';', '\t', '|'}) {
            long n = headerLine.chars().filter(ch -> ch == c).count();
            if (n > bestCount) {
                best = c;
                bestCount = n;
            }
        }
        return best;
    }

    private static Charset sniffCharset(BufferedInputStream in) throws IOException {
        in.mark(1 << 16);
        byte[] head = in.readNBytes(1 << 16);
        in.reset();
        int length = head.length;
        // do not judge a multi-byte character cut at the end of the sample
        while (length > 0 && length > head.length - 4 && (head[length - 1] & 0xC0) == 0x80) {
            length--;
        }
        if (length > 0 && (head[length - 1] & 0xC0) == 0xC0) {
            length--;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, length));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("windows-1252");
        }
    }

    /** The rows of the region: ubigeo of department 06, or a CUI the system knows. */
    public static RowFilter regionOr(Predicate<String> knownCui) {
        return (cui, ubigeo) -> ubigeo.startsWith("06") && ubigeo.length() == 6 || knownCui.test(stripZeros(cui));
    }
}
