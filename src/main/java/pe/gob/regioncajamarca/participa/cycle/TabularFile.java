package pe.gob.regioncajamarca.participa.cycle;

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

import pe.gob.regioncajamarca.participa.cycle.ProgrammeImport.Line;
import pe.gob.regioncajamarca.participa.cycle.ProgrammeImport.Problem;

/**
 * Reads the staff's tabular files (CSV in UTF-8 with , or ; separators, or Excel .xlsx) into rows keyed by
 * the expected columns (header row, any order, accents and case ignored). Row numbers are the spreadsheet's
 * (header = row 1). Problems of the file as a whole go to {@code problems}.
 */
final class TabularFile {

    private TabularFile() {
    }

    static List<Line> read(String fileName, byte[] content, List<String> columns, List<Problem> problems) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
                return readSpreadsheet(content, columns, problems);
            }
            if (name.endsWith(".csv") || name.endsWith(".txt")) {
                return readCsv(content, columns, problems);
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(1, null, "no se pudo leer el archivo (" + e.getMessage() + ")"));
            return List.of();
        }
        problems.add(new Problem(1, null, "el archivo debe ser CSV (.csv) o Excel (.xlsx)"));
        return List.of();
    }

    private static List<Line> readCsv(byte[] content, List<String> columns, List<Problem> problems) throws IOException {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        char delimiter = text.lines().findFirst().orElse("").contains(";") ? ';' : ',';
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader()
                .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8))) {
            Map<String, String> headerMap = new HashMap<>();
            parser.getHeaderNames().forEach(h -> headerMap.put(header(h), h));
            if (!checkHeader(headerMap.keySet(), columns, problems)) {
                return List.of();
            }
            for (CSVRecord r : parser) {
                Map<String, String> values = new LinkedHashMap<>();
                for (String c : columns) {
                    String h = headerMap.get(c);
                    values.put(c, h != null && r.isSet(h) ? r.get(h).trim() : "");
                }
                lines.add(new Line((int) r.getRecordNumber() + 1, values));
            }
        }
        return lines;
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

    /** The bytes of a file uploaded in a Tasklist form; a missing file is a rejection with {@code missing}. */
    static byte[] uploaded(org.camunda.bpm.engine.variable.value.FileValue file, String missing) {
        if (file == null || file.getValue() == null) {
            throw new ProgrammeImport.RejectedFile(List.of(new Problem(1, null, missing)));
        }
        try (var in = file.getValue()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
