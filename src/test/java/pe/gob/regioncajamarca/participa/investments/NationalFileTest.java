package pe.gob.regioncajamarca.participa.investments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the Ministry's national file: columns by name, the region's rows only, numbers as Peru writes them. */
class NationalFileTest {

    private static List<NationalFile.Figures> read(String content, Charset charset, Set<String> known,
                                                   NationalColumns columns, List<NationalFile.Summary> summary)
            throws Exception {
        List<NationalFile.Figures> kept = new ArrayList<>();
        NationalFile.Summary s = NationalFile.read(new ByteArrayInputStream(content.getBytes(charset)), columns,
                NationalFile.regionOr(known::contains), kept::add, (r, k) -> { });
        summary.add(s);
        return kept;
    }

    @Test
    void keepsTheRegionsRowsAndTheKnownCuisAndReadsTheirFiguresByColumnName() throws Exception {
        String file = """
                \uFEFFUBIGEO;NOMBRE_INVERSION;CODIGO_UNICO;OTRA;COSTO_ACTUALIZADO;PIM_ANIO_ACTUAL;DEV_ANIO_ACTUAL;DEVEN_ACUMUL_ANIO_ANT;ESTADO;AVANCE_FISICO;NOMBRE_UEI
                060101;"Canal de riego; Llaucán";2234235;x;3370340.00;1200000;"400,000.50";1000000;ACTIVO;45.5;GOBIERNO REGIONAL CAJAMARCA-SEDE CENTRAL
                150101;Obra de Lima;1111111;x;10;10;1;1;ACTIVO;1;OTRA
                60401;Posta de Chota;0242534;x;1.234.567,89;10;5;0;ACTIVO;;
                150101;Proyecto que el sistema conoce;2500442;x;456468.55;0;0;0;CERRADO;100;OTRA
                """;
        List<NationalFile.Summary> summary = new ArrayList<>();
        List<NationalFile.Figures> kept = read(file, StandardCharsets.UTF_8, Set.of("2500442"),
                NationalColumns.defaults(), summary);

        assertThat(summary.get(0).rowsRead()).isEqualTo(4);
        assertThat(summary.get(0).kept()).isEqualTo(3);
        assertThat(kept).extracting(NationalFile.Figures::cui).containsExactly("2234235", "242534", "2500442");
        NationalFile.Figures canal = kept.get(0);
        assertThat(canal.name()).isEqualTo("Canal de riego; Llaucán");
        assertThat(canal.accruedCurrentYear()).isEqualByComparingTo("400000.50");
        assertThat(canal.accruedToDate()).isEqualByComparingTo("1400000.50");
        assertThat(canal.pimCurrentYear()).isEqualByComparingTo("1200000");
        assertThat(canal.physicalProgress()).isEqualByComparingTo("45.5");
        assertThat(canal.executingUnit()).isEqualTo("GOBIERNO REGIONAL CAJAMARCA-SEDE CENTRAL");
        // a ubigeo written as a number (60401) keeps the region; "1.234.567,89" is a decimal comma
        assertThat(kept.get(1).ubigeo()).isEqualTo("060401");
        assertThat(kept.get(1).updatedCost()).isEqualByComparingTo("1234567.89");
        assertThat(kept.get(1).physicalProgress()).isNull();
    }

    @Test
    void aFileWithoutARequiredColumnIsRefusedNamingEachMissingOne() {
        String file = "CODIGO_UNICO,NOMBRE,UBIGEO,COSTO_ACTUALIZADO,PIM,DEV_ANIO_ACTUAL,DEVEN_ACUMUL_ANIO_ANT\n1,a,060101,1,1,1,1\n";
        NationalFile.RefusedFile refused = catchThrowableOfType(NationalFile.RefusedFile.class,
                () -> read(file, StandardCharsets.UTF_8, Set.of(), NationalColumns.defaults(), new ArrayList<>()));
        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).contains("NOMBRE_INVERSION (nombre)", "PIM_ANIO_ACTUAL (pim)")
                .contains("participa.inversiones.columnas").doesNotContain("UBIGEO (");
    }

    @Test
    void aRenamedColumnIsALineOfConfiguration() throws Exception {
        String file = "CODIGO_UNICO,NOMBRE_INVERSION,UBIGEO,COSTO_ACTUALIZADO,PIM_VIGENTE,DEV_ANIO_ACTUAL,DEVEN_ACUMUL_ANIO_ANT\n"
                + "7,Obra,060101,10,9,8,1\n";
        List<NationalFile.Figures> kept = read(file, StandardCharsets.UTF_8, Set.of(),
                NationalColumns.of(Map.of("pim", "pim vigente")), new ArrayList<>());
        assertThat(kept).singleElement().extracting(NationalFile.Figures::pimCurrentYear).isEqualTo(
                new java.math.BigDecimal("9.00"));
    }

    @Test
    void aRegionRowWithAFigureThatIsNotANumberIsListedAndTheOthersKept() throws Exception {
        String file = NationalFiles.HEADER.replace("\n", "") + "\n"
                + "2000001,1,\"Obra, buena\",P,ACTIVO,VIABLE,GR,S,E,U,F,P,S,D,P,D,060101,1,10,1,5,2,50,1,2019\n"
                + "2000002,1,Obra mala,P,ACTIVO,VIABLE,GR,S,E,U,F,P,S,D,P,D,060101,1,diez,1,5,2,50,1,2019\n";
        List<NationalFile.Summary> summary = new ArrayList<>();
        List<NationalFile.Figures> kept = read(file, StandardCharsets.UTF_8, Set.of(), NationalColumns.defaults(),
                summary);
        assertThat(kept).extracting(NationalFile.Figures::cui).containsExactly("2000001");
        assertThat(summary.get(0).rejected()).isEqualTo(1);
        assertThat(summary.get(0).problems()).containsExactly(
                "Fila 3 (CUI 2000002): el costo actualizado no es un monto en soles (se leyó \"diez\")");
    }

    @Test
    void aByteOrderMarkBeforeAQuotedHeaderAndAKnownCuiWithAnOddUbigeoAreRead() throws Exception {
        String file = "\uFEFF\"CODIGO_UNICO\",\"NOMBRE_INVERSION\",\"UBIGEO\",\"COSTO_ACTUALIZADO\",\"PIM_ANIO_ACTUAL\","
                + "\"DEV_ANIO_ACTUAL\",\"DEVEN_ACUMUL_ANIO_ANT\"\n"
                + "\"4444444\",\"Obra multidepartamental\",\"VARIOS DEPARTAMENTOS (06, 13, 14)\",1,1,1,1\n";
        List<NationalFile.Figures> kept = read(file, StandardCharsets.UTF_8, Set.of("4444444"),
                NationalColumns.defaults(), new ArrayList<>());
        assertThat(kept).singleElement().satisfies(f -> {
            assertThat(f.cui()).isEqualTo("4444444");
            assertThat(f.ubigeo()).as("only a district code is kept").isNull();
        });
    }

    @Test
    void aFileSavedAsWindows1252KeepsItsAccents() throws Exception {
        String file = "CODIGO_UNICO;NOMBRE_INVERSION;UBIGEO;COSTO_ACTUALIZADO;PIM_ANIO_ACTUAL;DEV_ANIO_ACTUAL;DEVEN_ACUMUL_ANIO_ANT\n"
                + "9;Irrigación Llaucán - Bambamarca;060601;1;1;1;1\n";
        List<NationalFile.Figures> kept = read(file, Charset.forName("windows-1252"), Set.of(),
                NationalColumns.defaults(), new ArrayList<>());
        assertThat(kept).singleElement().extracting(NationalFile.Figures::name)
                .isEqualTo("Irrigación Llaucán - Bambamarca");
    }

    /**
     * The done-when of issue 23: a generated national file of 1,000,000 rows, the region's rows among the rest, read
     * by the real reader in a JVM of 512 MB (the file is about 250 MB: held whole, as strings, it would need several
     * times that).
     */
    @Test
    void aMillionRowFileIsReadInAJvmOf512Megabytes(@TempDir Path dir) throws Exception {
        Path file = NationalFiles.write(dir.resolve("detalle-inversiones.csv"), 1_000_000, 500);
        assertThat(Files.size(file)).isGreaterThan(200L * 1024 * 1024);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path") + File.pathSeparator + testClasses(),
                NationalFileMemoryMain.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("filas=1000000 region=2000 rechazadas=0 suma_pim=" + expectedPimSum(1_000_000, 500));
    }

    private static String testClasses() {
        return Path.of(NationalFileTest.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
    }

    private static long expectedPimSum(long rows, int every) {
        long sum = 0;
        for (long i = every; i <= rows; i += every) {
            sum += 1000 + i;
        }
        return sum;
    }
}
