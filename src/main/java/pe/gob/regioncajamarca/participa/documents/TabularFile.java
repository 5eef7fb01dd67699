package pe.gob.regioncajamarca.participa.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;


/**
 * Reads the staff's tabular files (CSV in UTF-8 with , or ; separators, or Excel .xlsx) into rows keyed by
 * the expected columns (header row, any order, accents and case ignored). Row numbers are the spreadsheet's
 * (header = row 1). Problems of the file as a whole go to {@code problems}.
 */
public final class TabularFile {

    /** One problem of the file: row number as a person sees it in the spreadsheet (header = row 1). */
    public record Problem(int row, String column, String reason) {
        @Override
        public String toString() {
            return "Fila " + row + (column == null ? "" : ", columna " + column) + ": " + reason;
        }
    }

    /** The file was rejected; {@link #getMessage()} lists every problem, one per line. */
    public static class RejectedFile extends RuntimeException {
        /** At most this many problems in the message (a 100,000-row file of bad rows must not answer megabytes). */
        static final int SHOWN = 100;
        private final List<Problem> problems;

        public RejectedFile(List<Problem> problems) {
            super("El archivo fue rechazado y no se guardó nada. Corrija estas filas y vuelva a cargarlo:\n"
                    + String.join("\n", problems.stream().limit(SHOWN).map(Problem::toString).toList())
                    + (problems.size() > SHOWN ? "\n… y " + (problems.size() - SHOWN) + " problemas más" : ""));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** One data row of a tabular file: its spreadsheet row number and its values by expected column. */
    public record Line(int row, Map<String, String> values) {
    }


    private TabularFile() {
    }

    static {
        // decompression bombs (issue #9): an .xlsx part may inflate at most 100 times its compressed size (POI's
        // default, set here so that nobody loosens it by accident) and at most 256 MB (a sheet of 100,000 PMI rows is
        // about 30 MB); beyond that POI refuses the file before inflating it and the staff read unreadableFile(..)
        org.apache.poi.openxml4j.util.ZipSecureFile.setMinInflateRatio(0.01d);
        org.apache.poi.openxml4j.util.ZipSecureFile.setMaxEntrySize(256L * 1024 * 1024);
    }

    /**
     * The rows of a CSV or XLSX file, read like {@link #forEach} (strict UTF-8, formulas passed on as "=...", constant
     * memory while parsing); old Excel .xls files are still read as a workbook.
     */
    public static List<Line> read(String fileName, byte[] content, List<String> columns, List<Problem> problems) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xls")) {
            try {
                return readSpreadsheet(content, columns, problems);
            } catch (IOException | RuntimeException e) {
                problems.add(new Problem(1, null, unreadableFile(e)));
                return List.of();
            }
        }
        List<Line> lines = new ArrayList<>();
        forEach(fileName, new ByteArrayInputStream(content == null ? new byte[0] : content), columns, problems,
                lines::add);
        return problems.isEmpty() ? lines : List.of();
    }

    /** The planner's words for a file that cannot be read at all (never the library's English message). */
    public static String unreadableFile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb") || m.contains("exceed the max") || m.contains("max. ratio")) {
                return "el archivo se descomprime en un tamaño desmedido (posible «bomba de descompresión»): "
                        + "no se leyó; guárdelo de nuevo desde Excel o envíelo como CSV";
            }
            if (t instanceof org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException
                    || t instanceof org.apache.poi.openxml4j.exceptions.InvalidFormatException
                    || t instanceof org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException
                    || t instanceof java.util.zip.ZipException || m.contains("No valid entries or contents found")) {
                return "el archivo no es un libro de Excel (.xlsx) válido: ¿es otro tipo de archivo con el nombre "
                        + "cambiado? Guárdelo desde Excel como .xlsx o como CSV UTF-8";
            }
        }
        if (e instanceof org.xml.sax.SAXException || e.getCause() instanceof org.xml.sax.SAXException) {
            return "el libro de Excel está dañado (su hoja no se puede leer): guárdelo de nuevo desde Excel";
        }
        return "no se pudo leer el archivo: revise que sea un CSV UTF-8 o un Excel .xlsx sin daños";
    }

    /**
     * Streams the rows of a CSV (strict UTF-8, {@code ,} or {@code ;}) or XLSX file to {@code each}, one at a time, so
     * that files of any number of rows are read in constant memory (the XLSX sheet is read with SAX, not as a
     * workbook). A spreadsheet cell holding a formula is passed on as {@code "=" + formula}
     * (so the caller can refuse it), a CSV that is not UTF-8 is a problem of the file, and numbers are written as
     * plain decimals. Problems of the file as a whole (type, encoding, missing columns) go to {@code problems}.
     */
    public static void forEach(String fileName, java.io.InputStream in, List<String> columns, List<Problem> problems,
                               java.util.function.Consumer<Line> each) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".xlsx")) {
                streamSpreadsheet(in, columns, problems, each);
                return;
            }
            if (name.endsWith(".csv") || name.endsWith(".txt")) {
                streamCsv(in, columns, problems, each);
                return;
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            problems.add(new Problem(1, null, NOT_UTF8));
            return;
        } catch (IOException | RuntimeException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                problems.add(new Problem(1, null, NOT_UTF8));
            } else if (name.endsWith(".xlsx")) {
                problems.add(new Problem(1, null, unreadableFile(e)));
            } else {
                problems.add(new Problem(1, null, "el CSV está mal formado (comillas sin cerrar, columnas repetidas "
                        + "o un archivo que no es de texto): ábralo en Excel y guárdelo de nuevo como «CSV UTF-8»"));
            }
            return;
        }
        problems.add(new Problem(1, null, "el archivo debe ser CSV (.csv) o Excel (.xlsx)"));
    }

    static final String NOT_UTF8 = "el archivo no está en UTF-8 (tiene letras con tildes o eñes en otra codificación): "
            + "en Excel use «Guardar como» › «CSV UTF-8 (delimitado por comas)»";

    private static void streamCsv(java.io.InputStream raw, List<String> columns, List<Problem> problems,
                                  java.util.function.Consumer<Line> each) throws IOException {
        java.io.BufferedInputStream in = new java.io.BufferedInputStream(raw, 1 << 16);
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
        in.mark(1 << 15);
        byte[] head = in.readNBytes(1 << 15);
        in.reset();
        if (head.length == 0) {
            problems.add(new Problem(1, null, "el archivo está vacío"));
            return;
        }
        if (head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            problems.add(new Problem(1, null, "el archivo está en UTF-16 (Unicode), no en UTF-8: "
                    + "en Excel use «Guardar como» › «CSV UTF-8 (delimitado por comas)»"));
            return;
        }
        for (byte b : head) {
            if (b == 0) {
                problems.add(new Problem(1, null, "el archivo no es de texto (¿es otro tipo de archivo con el nombre "
                        + "cambiado a .csv?): guárdelo desde Excel como «CSV UTF-8»"));
                return;
            }
        }
        String firstLine = new String(head, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
        char delimiter = firstLine.contains(";") ? ';' : ',';
        java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader()
                .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get()
                .parse(new java.io.BufferedReader(new InputStreamReader(in, utf8)))) {
            Map<String, String> headerMap = new HashMap<>();
            parser.getHeaderNames().forEach(h -> headerMap.put(header(h), h));
            if (!checkHeader(headerMap.keySet(), columns, problems)) {
                return;
            }
            for (CSVRecord r : parser) {
                Map<String, String> values = new LinkedHashMap<>();
                for (String c : columns) {
                    String h = headerMap.get(c);
                    values.put(c, h != null && r.isSet(h) ? r.get(h).trim() : "");
                }
                each.accept(new Line((int) r.getRecordNumber() + 1, values));
            }
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException c) {
                throw c;
            }
            throw e;
        }
    }

    private static void streamSpreadsheet(java.io.InputStream in, List<String> columns, List<Problem> problems,
                                          java.util.function.Consumer<Line> each) throws IOException {
        try (org.apache.poi.openxml4j.opc.OPCPackage pkg = org.apache.poi.openxml4j.opc.OPCPackage.open(in)) {
            org.apache.poi.xssf.eventusermodel.XSSFReader reader = new org.apache.poi.xssf.eventusermodel.XSSFReader(pkg);
            org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable strings =
                    new org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable(pkg);
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                problems.add(new Problem(1, null, "el libro de Excel no tiene hojas"));
                return;
            }
            SheetRows handler = new SheetRows(strings, columns, problems, each);
            try (java.io.InputStream sheet = sheets.next()) {
                org.xml.sax.XMLReader parser = org.apache.poi.util.XMLHelper.newXMLReader();
                parser.setContentHandler(handler);
                parser.parse(new org.xml.sax.InputSource(sheet));
            } catch (StopReading stop) {
                // missing columns: already reported
            }
        } catch (org.apache.poi.openxml4j.exceptions.OpenXML4JException | org.xml.sax.SAXException
                 | javax.xml.parsers.ParserConfigurationException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }

    /** SAX handler of one sheet: raw cell values (numbers as plain decimals, formulas as "=..."), row by row. */
    private static final class SheetRows extends org.xml.sax.helpers.DefaultHandler {
        private final org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable strings;
        private final List<String> columns;
        private final List<Problem> problems;
        private final java.util.function.Consumer<Line> each;
        private Map<String, Integer> index;
        private final Map<Integer, String> cells = new HashMap<>();
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder formula = new StringBuilder();
        private int rowNumber;
        private int column;
        private String type;
        private boolean inValue;
        private boolean inFormula;
        private boolean inInline;

        SheetRows(org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable strings, List<String> columns,
                  List<Problem> problems, java.util.function.Consumer<Line> each) {
            this.strings = strings;
            this.columns = columns;
            this.problems = problems;
            this.each = each;
        }

        @Override
        public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes atts) {
            String n = localName.isEmpty() ? qName : localName;
            switch (n) {
                case "row" -> {
                    cells.clear();
                    String r = atts.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                }
                case "c" -> {
                    column = columnOf(atts.getValue("r"));
                    type = atts.getValue("t");
                    text.setLength(0);
                    formula.setLength(0);
                }
                case "v" -> inValue = true;
                case "f" -> inFormula = true;
                case "t" -> inInline = "inlineStr".equals(type);
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || inInline) {
                text.append(ch, start, length);
            } else if (inFormula) {
                formula.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            String n = localName.isEmpty() ? qName : localName;
            switch (n) {
                case "v" -> inValue = false;
                case "f" -> inFormula = false;
                case "t" -> inInline = false;
                case "c" -> cells.put(column, value());
                case "row" -> row();
                default -> {
                }
            }
        }

        private String value() {
            String raw = text.toString();
            if (formula.length() > 0) {
                return "=" + formula;
            }
            if ("s".equals(type)) {
                return raw.isEmpty() ? "" : strings.getItemAt(Integer.parseInt(raw.trim())).getString().trim();
            }
            if (type == null || "n".equals(type)) {
                try {
                    return raw.isBlank() ? "" : new BigDecimal(raw.trim()).stripTrailingZeros().toPlainString();
                } catch (NumberFormatException e) {
                    return raw.trim();
                }
            }
            return raw.trim();
        }

        private void row() {
            if (index == null) {
                index = new HashMap<>();
                cells.forEach((c, v) -> index.put(header(v), c));
                if (!checkHeader(index.keySet(), columns, problems)) {
                    throw new StopReading();
                }
                return;
            }
            Map<String, String> values = new LinkedHashMap<>();
            boolean empty = true;
            for (String c : columns) {
                String v = cells.getOrDefault(index.get(c), "");
                values.put(c, v);
                empty &= v.isEmpty();
            }
            if (!empty) {
                each.accept(new Line(rowNumber, values));
            }
        }

        private static int columnOf(String ref) {
            int col = 0;
            if (ref == null) {
                return -1;
            }
            for (char ch : ref.toCharArray()) {
                if (ch < 'A' || ch > 'Z') {
                    break;
                }
                col = col * 26 + (ch - 'A' + 1);
            }
            return col - 1;
        }
    }

    private static List<Line> readSpreadsheet(byte[] content, List<String> columns, List<Problem> problems) throws IOException {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getSheetAt(0);
            Row head = sheet.getRow(sheet.getFirstRowNum());
            Map<String, Integer> index = new HashMap<>();
            for (Cell c : head) {
                index.put(header(formatter.formatCellValue(c)), c.getColumnIndex());
            }
            if (!checkHeader(index.keySet(), columns, problems)) {
                return List.of();
            }
            List<Line> lines = new ArrayList<>();
            for (int i = sheet.getFirstRowNum() + 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                if (row == null) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                boolean empty = true;
                for (String c : columns) {
                    Cell cell = row.getCell(index.get(c));
                    String v = cell == null ? "" : cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            ? BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString()
                            : formatter.formatCellValue(cell).trim();
                    values.put(c, v);
                    empty &= v.isEmpty();
                }
                if (!empty) {
                    lines.add(new Line(i + 1, values));
                }
            }
            return lines;
        }
    }

    private static String header(String h) {
        return h == null ? "" : h.trim().toLowerCase(Locale.ROOT).replace(' ', '_')
                .replace("á", "a").replace("é", "e").replace("í", "i").replace("ó", "o").replace("ú", "u");
    }

    private static boolean checkHeader(Set<String> found, List<String> columns, List<Problem> problems) {
        List<String> missing = columns.stream().filter(c -> !found.contains(c)).toList();
        if (!missing.isEmpty()) {
            problems.add(new Problem(1, null, "faltan las columnas " + String.join(", ", missing)
                    + " (se esperan: " + String.join(", ", columns) + ")"));
            return false;
        }
        return true;
    }
}
