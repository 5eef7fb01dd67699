package pe.gob.regioncajamarca.participa.cycle;

import pe.gob.regioncajamarca.participa.documents.TabularFile;

import pe.gob.regioncajamarca.participa.projects.Scopes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/** Loading the investment programme: CSV and XLSX, every bad row listed, all or nothing, idempotent, DMN eligibility. */
class ProgrammeImportIT extends ProcessTest {

    @Autowired ProgrammeImport programme;
    @Autowired PrioritisationRun prioritisation;
    @Autowired TechnicalEvaluation evaluation;
    int year;

    static final String GOOD = """
            cui;nombre;ambito;distritos;costo;funcion;unidad_ejecutora
            2324969;Mejoramiento del servicio educativo La Colpa, Jesús;CAJAMARCA;060106;4850000.00;Educación;sede-central
            2585850;Espacio deportivo con cobertura en cinco II.EE.;MULTIPROVINCIAL;060101|060108|060201;3370340.00;Educación;educacion
            2500442;Equipamiento de laboratorio en 13 agencias agrarias;MULTIPROVINCIAL;060101|060401|060801;456468.55;Agricultura;agricultura
            """;

    @BeforeEach
    void openCycle() {
        year = freeYear();
        Map<String, BigDecimal> split = new HashMap<>();
        Scopes.ALL.forEach(s -> split.put(s, new BigDecimal("5000000")));
        cycleService.open(new OpenCycleCommand(year, new BigDecimal("70000000"), 5, split, List.of()), null);
    }

    private int projects() {
        return jdbc.sql("SELECT COUNT(*) FROM project WHERE cycle_year = ?").param(year).query(Integer.class).single();
    }

    @Test
    void aGoodCsvLoadsOnceAndAgainChangesNothing() {
        ProgrammeImport.Result first = programme.load(year, "pmi.csv", GOOD.getBytes(StandardCharsets.UTF_8));
        assertThat(first.inserted()).isEqualTo(3);
        ProgrammeImport.Result again = programme.load(year, "pmi.csv", GOOD.getBytes(StandardCharsets.UTF_8));
        assertThat(again.inserted()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(projects()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT ubigeo FROM project_district pd JOIN project p ON p.id = pd.project_id "
                + "WHERE p.cycle_year = ? AND p.cui = '2585850' ORDER BY ubigeo").param(year).query(String.class).list())
                .containsExactly("060101", "060108", "060201");
    }

    @Test
    void multiprovincialProjectsGetTheirRegionalImpactFromTheDecisionAndPrioritisationUsesIt() {
        programme.load(year, "pmi.csv", GOOD.getBytes(StandardCharsets.UTF_8));
        Map<String, Object[]> impact = new HashMap<>();
        jdbc.sql("SELECT cui, regional_impact, regional_impact_reason FROM project WHERE cycle_year = ?").param(year)
                .query((rs, i) -> impact.put(rs.getString(1), new Object[] {rs.getObject(2), rs.getString(3)})).list();
        assertThat(impact.get("2324969")[0]).isNull();
        assertThat(impact.get("2585850")[0]).isEqualTo(true);
        assertThat(impact.get("2500442")[0]).isEqualTo(false);
        assertThat((String) impact.get("2500442")[1]).contains("costo menor a S/ 3,000,000");

        var results = prioritisation.run(year);
        var lab = results.stream().filter(r -> r.cui().equals("2500442")).findFirst().orElseThrow();
        assertThat(lab.prioritized()).isFalse();
        assertThat(lab.reason()).isEqualTo("No elegible: no es de impacto regional: costo menor a S/ 3,000,000");
    }

    @Test
    void aFileWithBadRowsIsRejectedWholeWithOneLinePerProblem() {
        programme.load(year, "pmi.csv", GOOD.getBytes(StandardCharsets.UTF_8));
        String bad = """
                cui,nombre,ambito,distritos,costo,funcion,unidad_ejecutora
                9000001,Canal de riego Llaucán,CHOTA,060401,800000,Agricultura,agricultura
                12345678,Código largo,CHOTA,060401,800000,Agricultura,agricultura
                9000002,,LIMA,150101,0,Salud,ministerio
                9000001,Canal repetido,CHOTA,060401,800000,Agricultura,agricultura
                9000003,Distrito de otra provincia,CHOTA,060106,"1,200,000.50",Transporte,transportes
                2324969,La Colpa con otro costo,CAJAMARCA,060106,5000000,Educación,sede-central
                """;
        TabularFile.RejectedFile e = catchThrowableOfType(TabularFile.RejectedFile.class,
                () -> programme.load(year, "pmi.csv", bad.getBytes(StandardCharsets.UTF_8)));
        assertThat(e.problems()).extracting(TabularFile.Problem::toString).containsExactly(
                "Fila 3, columna cui: el CUI debe tener de 1 a 7 dígitos (se leyó \"12345678\")",
                "Fila 4, columna nombre: falta el nombre del proyecto",
                "Fila 4, columna ambito: ámbito desconocido \"LIMA\" (una de las 13 provincias o MULTIPROVINCIAL)",
                "Fila 4, columna distritos: \"150101\" no es un ubigeo de un distrito de Cajamarca",
                "Fila 4, columna costo: el costo debe ser mayor que cero",
                "Fila 4, columna unidad_ejecutora: unidad ejecutora desconocida \"ministerio\"",
                "Fila 5, columna cui: el CUI 9000001 se repite en el archivo",
                "Fila 6, columna distritos: el distrito 060106 no está en la provincia del ámbito CHOTA",
                "Fila 7, columna cui: el CUI 2324969 ya está cargado en el ciclo con otros datos");
        assertThat(e.getMessage()).startsWith("El archivo fue rechazado y no se guardó nada.");
        assertThat(projects()).isEqualTo(3); // nothing of the bad file, not even its good first row
    }

    @Test
    void anXlsxFileLoadsLikeACsv() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("PMI");
            String[] head = {"CUI", "Nombre", "Ámbito", "Distritos", "Costo", "Función", "Unidad ejecutora"};
            var h = sheet.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            var r = sheet.createRow(1);
            r.createCell(0).setCellValue(2601144);
            r.createCell(1).setCellValue("Agua potable en Chancay");
            r.createCell(2).setCellValue("San Marcos");
            r.createCell(3).setCellValue("061002");
            r.createCell(4).setCellValue(1880000.5);
            r.createCell(5).setCellValue("Saneamiento");
            r.createCell(6).setCellValue("vivienda");
            wb.write(out);
        }
        assertThat(programme.load(year, "PMI 2026.xlsx", out.toByteArray()).inserted()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT cost FROM project WHERE cycle_year = ? AND cui = '2601144'").param(year)
                .query(BigDecimal.class).single()).isEqualByComparingTo("1880000.50");
    }

    @Test
    void theExampleFileOfTheReadmeLoads() throws Exception {
        byte[] example = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("docs/ejemplos/pmi-ejemplo.csv"));
        assertThat(programme.load(year, "pmi-ejemplo.csv", example).inserted()).isEqualTo(19);
        byte[] matrix = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("docs/ejemplos/evaluacion-CAJAMARCA.csv"));
        assertThat(evaluation.load(year, "CAJAMARCA", "evaluacion-CAJAMARCA.csv", matrix)).isEqualTo(3);
    }

    @Test
    void theDemoProgrammeOfAHundredProjectsLoads() throws Exception {
        // docs/demo-data.md: the file the planner may upload at "Cargar programa de inversiones" in the demo
        byte[] file = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("docs/ejemplos/pmi-demo-100.csv"));
        assertThat(programme.load(year, "pmi-demo-100.csv", file).inserted()).isEqualTo(100);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT scope) FROM project WHERE cycle_year = ?").param(year)
                .query(Integer.class).single()).isEqualTo(14);
    }

    @Test
    void otherFilesAndLatePhasesAreRefused() {
        assertThatThrownBy(() -> programme.load(year, "pmi.pdf", new byte[] {1, 2}))
                .hasMessageContaining("el archivo debe ser CSV (.csv) o Excel (.xlsx)");
        assertThatThrownBy(() -> programme.load(year, "pmi.csv", "cui;nombre\n1;x\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("faltan las columnas ambito, distritos, costo, funcion, unidad_ejecutora");
        cycleService.changePhase(year, CyclePhase.VOTACION, null);
        assertThatThrownBy(() -> programme.load(year, "pmi.csv", GOOD.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("el programa ya no puede cambiar");
        assertThat(projects()).isZero();
    }
}
