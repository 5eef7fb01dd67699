package pe.gob.regioncajamarca.participa.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import pe.gob.regioncajamarca.participa.cycle.OpenCycleCommand;
import pe.gob.regioncajamarca.participa.projects.Scopes;

/** Loading earlier cycles from files: stored with their cycles and rounds, idempotent, all or nothing. */
class HistoryImportIT extends HistoryTestSupport {

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    private List<String> problems(HistoryImport.Upload projects, HistoryImport.Upload progress) {
        HistoryImport.RejectedFile e = catchThrowableOfType(HistoryImport.RejectedFile.class,
                () -> history.load(projects, progress));
        assertThat(e).as("the files are rejected").isNotNull();
        assertThat(e.getMessage()).startsWith("El archivo fue rechazado y no se guardó nada.");
        return e.problems().stream().map(HistoryImport.Problem::toString).toList();
    }

    @Test
    void aGoodFileIsStoredWithItsCyclesRoundsAndStatusAndLoadingItAgainChangesNothing() {
        int y1 = first() + 1;
        int y2 = first() + 2;
        String colpa = cui();
        String deporte = cui();
        String canal = cui();
        String projects = PROJECT_HEADER
                + y1 + "," + colpa + ",Mejoramiento del servicio educativo La Colpa,Cajamarca,060106,4850000.00,Educación,sede-central\n"
                + y1 + "," + deporte + ",\"Espacio deportivo con cobertura en cinco II.EE.\",MULTIPROVINCIAL,060101|060108|060201,3370340,Educación,educacion\n"
                + y2 + "," + canal + ",Canal de riego Llaucán,CHOTA,060401;060402,\"1,200,000.50\",Agricultura,agricultura\n";
        String progress = PROGRESS_HEADER
                + y1 + "," + colpa + "," + y1 + "-Q4,10,400000,4850000,EN_EJECUCION\n"
                + y1 + "," + colpa + "," + (y1 + 1) + "-Q2,100,4800000,4850000,CONCLUIDO\n"
                + y1 + "," + deporte + "," + (y1 + 1) + "-Q1,35.5,1000000.25,3370340,PARALIZADO\n";

        HistoryImport.Result first = history.load(csv("historial-proyectos.csv", projects), csv("historial-avance.csv", progress));
        assertThat(first.projectsInserted()).isEqualTo(3);
        assertThat(first.reportsInserted()).isEqualTo(3);
        assertThat(first.cyclesCreated()).containsExactly(y1, y2);
        assertThat(first.roundsCreated()).containsExactly(y1 + "-Q4", (y1 + 1) + "-Q1", (y1 + 1) + "-Q2");

        assertThat(jdbc.sql("SELECT phase FROM cycle WHERE cycle_year = ? AND process_instance_id IS NULL").param(y1)
                .query(String.class).single()).isEqualTo("FORMALIZADO");
        assertThat(jdbc.sql("SELECT envelope FROM cycle_scope WHERE cycle_year = ? AND scope = 'CAJAMARCA'").param(y1)
                .query(BigDecimal.class).single()).isEqualByComparingTo("4850000");
        assertThat(jdbc.sql("SELECT envelope FROM cycle WHERE cycle_year = ?").param(y1).query(BigDecimal.class)
                .single()).isEqualByComparingTo("8220340");
        assertThat(jdbc.sql("SELECT execution_status FROM project WHERE cycle_year = ? AND cui = ? AND prioritized = TRUE "
                + "AND monitored_since IS NOT NULL").params(y1, colpa).query(String.class).single()).isEqualTo("CONCLUIDO");
        assertThat(jdbc.sql("SELECT execution_status FROM project WHERE cycle_year = ? AND cui = ?").params(y1, deporte)
                .query(String.class).single()).isEqualTo("PARALIZADO");
        assertThat(jdbc.sql("SELECT execution_status FROM project WHERE cycle_year = ? AND cui = ?").params(y2, canal)
                .query(String.class).single()).isEqualTo("NO_INICIADO");
        assertThat(jdbc.sql("SELECT ubigeo FROM project_district d JOIN project p ON p.id = d.project_id "
                + "WHERE p.cycle_year = ? AND p.cui = ? ORDER BY ubigeo").params(y1, deporte).query(String.class).list())
                .containsExactly("060101", "060108", "060201");
        assertThat(count("SELECT COUNT(*) FROM monitoring_report r JOIN project p ON p.id = r.project_id WHERE p.cui = ? "
                + "AND r.status = 'REPORTADO' AND r.reported_by = 'historial' AND r.unit_group = 'unit-sede-central'",
                colpa)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT status FROM monitoring_round WHERE quarter = ? AND process_instance_id IS NULL")
                .param(y1 + "-Q4").query(String.class).single()).isEqualTo("HISTORICA");

        HistoryImport.Result again = history.load(csv("historial-proyectos.csv", projects), csv("historial-avance.csv", progress));
        assertThat(again.changedNothing()).isTrue();
        assertThat(again.projectsUnchanged()).isEqualTo(3);
        assertThat(again.reportsUnchanged()).isEqualTo(3);
        assertThat(again.cyclesCreated()).isEmpty();
        assertThat(again.roundsCreated()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM project WHERE cycle_year IN (?, ?)", y1, y2)).isEqualTo(3);

        // a later file adds a project to a historical cycle: its scope's envelope grows to cover it
        String more = PROJECT_HEADER + y2 + "," + cui() + ",Camino vecinal Conchán,CHOTA,060408,800000,Transporte,transportes\n";
        assertThat(history.load(csv("mas.csv", more), null).projectsInserted()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT envelope FROM cycle WHERE cycle_year = ?").param(y2).query(BigDecimal.class)
                .single()).isEqualByComparingTo("2000000.50");
    }

    @Test
    void everyKindOfBadRowIsListedAndNothingIsStored() {
        int y = first() + 9;
        int now = first() + 10;
        String dup = cui();
        String projects = PROJECT_HEADER
                + y + "," + dup + ",Canal Chancay,SAN_MARCOS,061002,1880000.5,Saneamiento,vivienda\n"
                + (first() - 1) + "," + cui() + ",Muy antiguo,CHOTA,060401,1000,Agricultura,agricultura\n"
                + y + ",12345678,CUI largo,CHOTA,060401,1000,Agricultura,agricultura\n"
                + y + "," + cui() + ",,LIMA,150101,0,Salud,ministerio\n"
                + y + "," + dup + ",Canal repetido,SAN_MARCOS,061002,1880000.5,Saneamiento,vivienda\n"
                + y + "," + cui() + ",Distrito de otra provincia,CHOTA,060106,2000000000,Transporte,transportes\n"
                + y + "," + cui() + ",=HYPERLINK(\"http://x\"),CHOTA,060401,1000.123,Transporte,transportes\n";
        String progress = PROGRESS_HEADER
                + y + "," + dup + "," + (y - 1) + "-Q4,10,100,1000,EN_EJECUCION\n"
                + y + "," + dup + "," + now + "-Q2,10,100,1000,EN_EJECUCION\n"
                + y + "," + dup + "," + y + "-Q3,120,2000,1000,TERMINADO\n"
                + y + "," + dup + ",tercer trimestre,-1,-5,0,EN_EJECUCION\n"
                + y + ",7654321," + y + "-Q4,10,100,1000,EN_EJECUCION\n"
                + y + "," + dup + "," + y + "-Q4,10,100,1000,EN_EJECUCION\n"
                + y + "," + dup + "," + y + "Q4,10,100,1000,EN_EJECUCION\n"
                // accrued to date above the project's cost (1,880,000.50): refused
                + y + "," + dup + "," + y + "-Q2,10,2000000,1000,EN_EJECUCION\n"
                // a multi-year project: accrued to date (5,000) above the year's PIM (1,000) but within its cost
                + y + "," + dup + "," + y + "-Q1,5,5000,1000,EN_EJECUCION\n";
        List<String> problems = problems(csv("p.csv", projects), csv("a.csv", progress));
        assertThat(problems).containsExactly(
                "p.csv, fila 3, columna ciclo: el ciclo " + (first() - 1) + " no está entre los diez anteriores a " + now
                        + " (" + first() + " a " + y + ")",
                "p.csv, fila 4, columna cui: el CUI debe tener de 1 a 7 dígitos (se leyó \"12345678\")",
                "p.csv, fila 5, columna nombre: falta el nombre del proyecto",
                "p.csv, fila 5, columna ambito: ámbito desconocido \"LIMA\" (una de las 13 provincias o MULTIPROVINCIAL)",
                "p.csv, fila 5, columna distritos: \"150101\" no es un ubigeo de un distrito de Cajamarca",
                "p.csv, fila 5, columna costo: el costo debe ser mayor que cero",
                "p.csv, fila 5, columna unidad_ejecutora: unidad ejecutora desconocida \"ministerio\" (use el código, p. ej. sede-central)",
                "p.csv, fila 6, columna cui: el CUI " + dup + " del ciclo " + y + " se repite en el archivo",
                "p.csv, fila 7, columna distritos: el distrito 060106 no está en la provincia del ámbito CHOTA",
                "p.csv, fila 7, columna costo: el costo (S/ 2000000000) pasa de S/ 1,000,000,000: revise si tiene ceros de más",
                "p.csv, fila 8, columna nombre: el texto empieza con «=» como una fórmula de hoja de cálculo: escriba solo el texto, sin fórmulas",
                "p.csv, fila 8, columna costo: el costo admite como máximo 2 decimales",
                "a.csv, fila 2, columna trimestre: el trimestre " + (y - 1) + "-Q4 es anterior al ciclo " + y
                        + ": la ejecución empieza en el año del ciclo o después",
                "a.csv, fila 3, columna trimestre: el trimestre " + now + "-Q2 aún no ha terminado (el último terminado "
                        + "es " + now + "-Q1): su avance se reporta en la ronda de seguimiento que se abre cuando termina",
                "a.csv, fila 4, columna avance_fisico: el avance físico debe estar entre 0 y 100 (se leyó 120)",
                "a.csv, fila 4, columna estado: estado desconocido \"TERMINADO\" (NO_INICIADO, EN_EJECUCION, PARALIZADO o CONCLUIDO)",
                "a.csv, fila 5, columna trimestre: \"tercer trimestre\" no es un trimestre: escríbalo como AAAA-Qn, p. ej. 2019-Q4",
                "a.csv, fila 5, columna avance_fisico: el avance físico debe estar entre 0 y 100 (se leyó -1)",
                "a.csv, fila 5, columna devengado: el devengado no puede ser negativo",
                "a.csv, fila 5, columna pim: el PIM (presupuesto institucional modificado) debe ser mayor que cero",
                "a.csv, fila 6, columna cui: el CUI 7654321 no es un proyecto priorizado del ciclo " + y
                        + ": inclúyalo en el archivo de proyectos",
                "a.csv, fila 8, columna trimestre: el avance del CUI " + dup + " del ciclo " + y + " en el trimestre " + y
                        + "-Q4 se repite en el archivo",
                "a.csv, fila 9, columna devengado: el devengado acumulado (2000000.00) no puede superar el costo del "
                        + "proyecto (1880000.50): el devengado es lo devengado desde el inicio del proyecto");
        assertThat(count("SELECT COUNT(*) FROM cycle WHERE cycle_year = ?", y)).isZero();
        assertThat(count("SELECT COUNT(*) FROM project WHERE cui = ?", dup)).isZero();
        assertThat(count("SELECT COUNT(*) FROM monitoring_round WHERE quarter = ?", y + "-Q4")).isZero();
    }

    @Test
    void aMultiprovincialProjectMustBeOfRegionalImpactAsTheDecisionImpactoRegionalSays() {
        // a prioritised MULTIPROVINCIAL project of an earlier cycle was eligible, so it is of regional impact: the
        // decision impacto-regional (the one copy of the rule) judges each row, and its reason says what fails
        int y = first() + 8;
        String twoInTwo = cui(), threeInOne = cui(), good = cui(), cheap = cui(), exact = cui();
        String projects = PROJECT_HEADER
                + y + "," + twoInTwo + ",Dos distritos de dos provincias,MULTIPROVINCIAL,060101|060401,5000000,Transporte,transportes\n"
                + y + "," + threeInOne + ",Tres distritos de una provincia,MULTIPROVINCIAL,060101|060102|060103,5000000,Transporte,transportes\n"
                + y + "," + good + ",Tres distritos de dos provincias,MULTIPROVINCIAL,060101|060108|060201,3370340,Educación,educacion\n"
                + y + "," + cheap + ",Un céntimo menos,MULTIPROVINCIAL,060101|060108|060201,2999999.99,Educación,educacion\n"
                + y + "," + exact + ",Tres millones justos,MULTIPROVINCIAL,060101|060108|060201,3000000.00,Educación,educacion\n";
        String fix = " (uno priorizado debe costar S/ 3,000,000 o más y beneficiar a al menos 3 distritos de al menos 2 "
                + "provincias): corrija el costo, los distritos o el ámbito";
        assertThat(problems(csv("p.csv", projects), null)).containsExactly(
                "p.csv, fila 2, columna ambito: el proyecto MULTIPROVINCIAL no es de impacto regional: beneficia a menos "
                        + "de 3 distritos" + fix,
                "p.csv, fila 3, columna ambito: el proyecto MULTIPROVINCIAL no es de impacto regional: sus distritos "
                        + "están en menos de 2 provincias" + fix,
                "p.csv, fila 5, columna ambito: el proyecto MULTIPROVINCIAL no es de impacto regional: costo menor a "
                        + "S/ 3,000,000" + fix);
        assertThat(count("SELECT COUNT(*) FROM project WHERE cui IN (?, ?, ?, ?, ?)", twoInTwo, threeInOne, good, cheap,
                exact)).isZero();

        // the two of regional impact load, with the decision stored like a programme's
        String accepted = PROJECT_HEADER
                + y + "," + good + ",Tres distritos de dos provincias,MULTIPROVINCIAL,060101|060108|060201,3370340,Educación,educacion\n"
                + y + "," + exact + ",Tres millones justos,MULTIPROVINCIAL,060101|060108|060201,3000000.00,Educación,educacion\n";
        assertThat(history.load(csv("p.csv", accepted), null).projectsInserted()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT cui, regional_impact, regional_impact_reason FROM project WHERE cui IN (?, ?) "
                        + "ORDER BY cui").params(good, exact)
                .query((rs, i) -> rs.getString(1) + " " + rs.getBoolean(2) + " " + rs.getString(3)).list())
                .containsExactly(good + " true proyecto de impacto regional", exact + " true proyecto de impacto regional");
    }

    @Test
    void aCycleRunInTheSystemAStoredProjectWithOtherDataAndARealRoundAreNotOverwritten() {
        int system = first();
        Map<String, BigDecimal> split = new HashMap<>();
        Scopes.ALL.forEach(s -> split.put(s, new BigDecimal("1000000")));
        if (cycleService.find(system).isEmpty()) {
            cycleService.open(new OpenCycleCommand(system, new BigDecimal("14000000"), 5, split, List.of()), "proceso-" + system);
        }
        int y = first() + 4;
        String cui = cui();
        String projects = PROJECT_HEADER + y + "," + cui + ",Puesto de salud Tacabamba,CHOTA,060415,950000,Salud,salud\n";
        history.load(csv("p.csv", projects), null);
        String quarter = y + "-Q3";
        if (count("SELECT COUNT(*) FROM monitoring_round WHERE quarter = ?", quarter) == 0) {
            jdbc.sql("INSERT INTO monitoring_round (quarter, status, process_instance_id, opened_at) "
                    + "VALUES (?, 'CERRADA', 'ronda-real', CURRENT_TIMESTAMP)").param(quarter).update();
        }
        String other = PROJECT_HEADER
                + system + "," + cui() + ",Proyecto del ciclo del sistema,CHOTA,060401,1000,Salud,salud\n"
                + y + "," + cui + ",Puesto de salud Tacabamba,CHOTA,060415,990000,Salud,salud\n";
        String progress = PROGRESS_HEADER + y + "," + cui + "," + quarter + ",20,10000,950000,EN_EJECUCION\n";
        assertThat(problems(csv("p.csv", other), csv("a.csv", progress))).containsExactly(
                "p.csv, fila 2, columna cui: el ciclo " + system + " se llevó en el sistema: sus proyectos y su "
                        + "priorización no se cargan desde un archivo",
                "p.csv, fila 3, columna cui: el CUI " + cui + " ya está cargado en el ciclo " + y + " con otros datos "
                        + "(nombre, ámbito, distritos, costo, función o unidad): corrija el archivo para que coincida",
                "a.csv, fila 2, columna trimestre: el trimestre " + quarter + " tuvo su ronda de seguimiento en el "
                        + "sistema: el avance de ese trimestre se reporta allí");
        assertThat(count("SELECT COUNT(*) FROM project WHERE cycle_year = ?", system)).isZero();
    }

    @Test
    void formulasWrongEncodingMissingColumnsAndOtherFilesAreRefused() throws Exception {
        int y = first() + 9;
        String latin1 = PROJECT_HEADER + y + "," + cui() + ",Institución educativa Celendín,CELENDIN,060301,1000,Educación,educacion\n";
        assertThat(problems(HistoryImport.Upload.of("p.csv", latin1.getBytes(StandardCharsets.ISO_8859_1)), null))
                .containsExactly("p.csv, fila 1: el archivo no está en UTF-8 (tiene letras con tildes o eñes en otra "
                        + "codificación): en Excel use «Guardar como» › «CSV UTF-8 (delimitado por comas)»");
        assertThat(problems(csv("p.csv", "ciclo;cui;nombre\n" + y + ";1234567;x\n"), null)).containsExactly(
                "p.csv, fila 1: faltan las columnas ambito, distritos, costo, funcion, unidad_ejecutora (se esperan: "
                        + "ciclo, cui, nombre, ambito, distritos, costo, funcion, unidad_ejecutora)");
        assertThat(problems(csv("p.pdf", "x"), null)).containsExactly(
                "p.pdf, fila 1: el archivo debe ser CSV (.csv) o Excel (.xlsx)");
        assertThat(problems(null, null)).containsExactly("fila 1: elija el archivo de proyectos, el de avance o ambos");
        assertThat(problems(csv("p.csv", PROJECT_HEADER), null)).containsExactly(
                "p.csv, fila 2: el archivo no tiene proyectos");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("Proyectos");
            header(sheet.createRow(0));
            var r = sheet.createRow(1);
            r.createCell(0).setCellValue(y);
            r.createCell(1).setCellValue(Double.parseDouble(cui()));
            r.createCell(2).setCellValue("Agua potable en Chancay");
            r.createCell(3).setCellValue("San Marcos");
            r.createCell(4).setCellValue("061002");
            r.createCell(5).setCellFormula("1000000*2");
            r.createCell(6).setCellValue("Saneamiento");
            r.createCell(7).setCellValue("vivienda");
            wb.write(out);
        }
        assertThat(problems(HistoryImport.Upload.of("p.xlsx", out.toByteArray()), null)).containsExactly(
                "p.xlsx, fila 2, columna costo: \"=1000000*2\" parece una fórmula: escriba el valor, sin fórmulas");
    }

    private static void header(org.apache.poi.ss.usermodel.Row h) {
        String[] head = {"Ciclo", "CUI", "Nombre", "Ámbito", "Distritos", "Costo", "Función", "Unidad ejecutora"};
        for (int i = 0; i < head.length; i++) {
            h.createCell(i).setCellValue(head[i]);
        }
    }

    @Test
    void anXlsxFileLoadsLikeACsv() throws Exception {
        int y = first() + 3;
        String cui = cui();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("Proyectos");
            header(sheet.createRow(0));
            var r = sheet.createRow(1);
            r.createCell(0).setCellValue(y);
            r.createCell(1).setCellValue(Double.parseDouble(cui));
            r.createCell(2).setCellValue("Agua potable en Chancay");
            r.createCell(3).setCellValue("San Marcos");
            r.createCell(4).setCellValue("061002");
            r.createCell(5).setCellValue(1880000.5);
            r.createCell(6).setCellValue("Saneamiento");
            r.createCell(7).setCellValue("vivienda");
            wb.write(out);
        }
        HistoryImport.Upload file = HistoryImport.Upload.of("Historial.xlsx", out.toByteArray());
        assertThat(history.load(file, null).projectsInserted()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT cost FROM project WHERE cycle_year = ? AND cui = ?").params(y, cui)
                .query(BigDecimal.class).single()).isEqualByComparingTo("1880000.50");
        assertThat(history.load(file, null).projectsUnchanged()).isEqualTo(1);
    }
}
