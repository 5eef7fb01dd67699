package pe.gob.regioncajamarca.participa.investments;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Generated national files shaped like the Ministry's "Detalle de inversiones": its columns (more than the import
 * reads, in the Ministry's order), quoted names with commas, every department; the region's rows (department 06)
 * every {@code regionEvery} rows.
 */
public final class NationalFiles {

    public static final String HEADER = "CODIGO_UNICO,CODIGO_SNIP,NOMBRE_INVERSION,TIPO_INVERSION,ESTADO,SITUACION,"
            + "NIVEL,SECTOR,ENTIDAD,NOMBRE_UEI,FUNCION,PROGRAMA,SUBPROGRAMA,DEPARTAMENTO,PROVINCIA,DISTRITO,UBIGEO,"
            + "MONTO_VIABLE,COSTO_ACTUALIZADO,DEVEN_ACUMUL_ANIO_ANT,PIM_ANIO_ACTUAL,DEV_ANIO_ACTUAL,AVANCE_FISICO,"
            + "AVANCE_EJECUCION,FECHA_REGISTRO\n";

    private NationalFiles() {
    }

    /** CUI of row {@code i} (1-based) of a file written from {@code base}. */
    public static String cui(long base, long i) {
        return String.valueOf(base + i);
    }

    static boolean inRegion(long i, int regionEvery) {
        return i % regionEvery == 0;
    }

    /**
     * Writes {@code rows} rows; the region's rows get PIM {@code 1000 + i}, accrued this year {@code 100 + i}
     * (the first region row's PIM plus {@code pimShift}).
     */
    /**
     * Imports {@code file} as the planning office's upload does (a copy: the import deletes what it reads) and waits
     * up to {@code minutes} for it to end.
     */
    public static NationalImports.Import imported(NationalImports imports, Path file, int minutes) throws Exception {
        Path copy = Files.createTempFile("prueba-inversiones-", ".csv");
        Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return awaitEnd(imports, imports.start(copy, file.getFileName().toString(), NationalImports.Source.ARCHIVO,
                "prueba"), minutes);
    }

    /** Waits up to {@code minutes} for import {@code id} to end; fails the test when it does not. */
    public static NationalImports.Import awaitEnd(NationalImports imports, long id, int minutes)
            throws InterruptedException {
        java.time.Instant until = java.time.Instant.now().plus(java.time.Duration.ofMinutes(minutes));
        while (java.time.Instant.now().isBefore(until)) {
            NationalImports.Import i = imports.get(id).orElseThrow();
            if (!i.running()) {
                return i;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import " + id + " did not end in " + minutes + " min");
    }

    public static Path write(Path file, long rows, int regionEvery) throws IOException {
        return write(file, rows, regionEvery, 2_000_000, 0);
    }

    /** Rows' CUIs are {@code base + i}; {@code pimShift} changes one row (a later release of the file). */
    public static Path write(Path file, long rows, int regionEvery, long base, long pimShift) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            StringBuilder line = new StringBuilder(400);
            for (long i = 1; i <= rows; i++) {
                line.setLength(0);
                boolean region = inRegion(i, regionEvery);
                String dept = region ? "06" : String.format(Locale.ROOT, "%02d", 1 + (i % 25 == 5 ? 7 : i % 25));
                String ubigeo = dept + String.format(Locale.ROOT, "%02d%02d", 1 + i % 13, 1 + i % 12);
                line.append(cui(base, i)).append(',').append(i).append(",\"MEJORAMIENTO DEL SERVICIO DE AGUA POTABLE, ")
                        .append("LOCALIDAD ").append(i).append("\",PROYECTO DE INVERSION,ACTIVO,VIABLE,GR,")
                        .append("GOBIERNOS REGIONALES,GOBIERNO REGIONAL DE ")
                        .append(region ? "CAJAMARCA" : "OTRO").append(",\"SEDE CENTRAL, ").append(dept)
                        .append("\",SANEAMIENTO,SANEAMIENTO URBANO,AGUA POTABLE,DEPARTAMENTO ").append(dept)
                        .append(",PROVINCIA,DISTRITO,").append(ubigeo).append(',').append(500_000 + i).append(".00,")
                        .append(600_000 + i).append(".50,").append(200_000 + i).append(',')
                        .append(1000 + i + (i == regionEvery ? pimShift : 0)).append(',').append(100 + i).append(".25,")
                        .append(i % 100).append(".5,").append(i % 90).append(",2019-03-0").append(1 + i % 9)
                        .append('\n');
                out.append(line);
            }
        }
        return file;
    }
}
