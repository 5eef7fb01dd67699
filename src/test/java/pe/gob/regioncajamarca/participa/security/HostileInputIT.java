package pe.gob.regioncajamarca.participa.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.CycleStarter;
import pe.gob.regioncajamarca.participa.cycle.OpenCycleCommand;
import pe.gob.regioncajamarca.participa.projects.Scopes;
import pe.gob.regioncajamarca.participa.identity.CitizenAccounts;
import pe.gob.regioncajamarca.participa.identity.SubmissionThrottle;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.PortalCycle;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;

/**
 * The hostile-input corpus of issue #9 ({@code src/test/resources/hostile/}, plus the big files generated here at run
 * time: a 100,000-row PMI and history file, a decompression bomb, a 12 MB and a 25 MB upload), each sent through the
 * endpoint its users use: the Tasklist form that loads the investment programme ({@code /engine-rest/task/{id}/
 * submit-form}, what Tasklist calls), the planning office's history page, the oversight committee's report upload,
 * the complaint form with its attachment, the agent registration, the idea form, the login and the password link.
 * Every case checks the words the person reads, that nothing was stored (rows counted before and after), and that
 * what is shown back is escaped.
 */
class HostileInputIT extends ProcessTest {

    @LocalServerPort int port;
    @Autowired CycleStarter starter;
    @Autowired SubmissionThrottle throttle;
    @Autowired CitizenAccounts accounts;

    static final String PMI_HEADER = "cui,nombre,ambito,distritos,costo,funcion,unidad_ejecutora\n";
    static final String HISTORY_HEADER = "ciclo,cui,nombre,ambito,distritos,costo,funcion,unidad_ejecutora\n";
    static final String SCRIPT = "<script>alert(document.cookie)</script>";

    static byte[] corpus(String name) {
        try (InputStream in = HostileInputIT.class.getResourceAsStream("/hostile/" + name)) {
            assertThat(in).as("hostile/" + name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(List.of(params)).query(Integer.class).single();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Generated files (too big to commit)

    /** A minimal .xlsx whose only sheet is {@code sheetRows} (streamed to the ZIP, so it may be huge). */
    static byte[] xlsx(java.util.function.Consumer<java.io.Writer> sheetRows, int level) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(level);
            String[][] parts = {
                {"[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>"},
                {"_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
                {"xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"PMI\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
                {"xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"}};
            for (String[] p : parts) {
                zip.putNextEntry(new ZipEntry(p[0]));
                zip.write(p[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(
                    new java.io.FilterOutputStream(zip) {
                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            this.out.write(b, off, len);
                        }

                        @Override
                        public void close() {
                            // the entry is closed below, not the ZIP
                        }
                    }, StandardCharsets.UTF_8), 1 << 16);
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                    + "spreadsheetml/2006/main\"><sheetData>");
            sheetRows.accept(w);
            w.write("</sheetData></worksheet>");
            w.flush();
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /**
     * A decompression bomb: a 2-row sheet padded with 400 MB of blanks between the XML elements; about 400 KB
     * compressed (a ratio of ~1000), far above anything a PMI needs.
     */
    static byte[] bomb() throws IOException {
        return xlsx(w -> {
            try {
                w.write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>cui</t></is></c></row>");
                char[] blanks = new char[1 << 20];
                java.util.Arrays.fill(blanks, ' ');
                for (int i = 0; i < 400; i++) {
                    w.write(blanks);
                }
                w.write("<row r=\"2\"><c r=\"A2\"><v>9100001</v></c></row>");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, 9);
    }

    /** 100,000 good PMI rows and, at the end, one with a negative cost. */
    static byte[] pmiOfAHundredThousandRows() {
        StringBuilder b = new StringBuilder(PMI_HEADER);
        for (int i = 0; i < 100_000; i++) {
            b.append(1_000_000 + i).append(",Proyecto de prueba número ").append(i)
                    .append(",CAJAMARCA,060106,850000,Educación,sede-central\n");
        }
        b.append("1100000,Proyecto con costo negativo,CAJAMARCA,060106,-5,Educación,sede-central\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The investment programme (PMI) through the Tasklist form

    static OpenCycleCommand command(int year, LocalDate start) {
        Map<String, BigDecimal> split = new LinkedHashMap<>();
        Scopes.ALL.forEach(s -> split.put(s, new BigDecimal("1000000.00")));
        return new OpenCycleCommand(year, new BigDecimal("1000000.00").multiply(BigDecimal.valueOf(Scopes.ALL.size())),
                5, split, List.of(
                new Cycle.PhaseWindow(CyclePhase.INSCRIPCION, start.plusDays(7), start.plusDays(27)),
                new Cycle.PhaseWindow(CyclePhase.IDEAS, start.plusDays(14), start.plusDays(34)),
                new Cycle.PhaseWindow(CyclePhase.EVALUACION, start.plusDays(35), start.plusDays(55)),
                new Cycle.PhaseWindow(CyclePhase.VOTACION, start.plusDays(56), start.plusDays(62)),
                new Cycle.PhaseWindow(CyclePhase.FORMALIZACION, start.plusDays(63), start.plusDays(80))));
    }

    /** What Tasklist sends when the planner attaches {@code fileName} and completes "Cargar programa de inversiones". */
    private HttpResponse<String> submitProgramme(String taskId, String user, String fileName, byte[] content) {
        String json = "{\"variables\":{\"programa\":{\"value\":\"" + Base64.getEncoder().encodeToString(content)
                + "\",\"type\":\"File\",\"valueInfo\":{\"filename\":\"" + fileName
                + "\",\"mimetype\":\"text/csv\",\"encoding\":\"UTF-8\"}}}}";
        return new Http(port).postJson("/engine-rest/task/" + taskId + "/submit-form", json, user, "secreto-" + user);
    }

    @Test
    void malformedProgrammeFilesAreRejectedWholeAndStoreNothing() throws Exception {
        int year = freeYear();
        LocalDate start = LocalDate.of(2026, 3, 2);
        clockAt(start);
        String pid = starter.start(command(year, start));
        clockAt(start.plusDays(7));
        executeDueJobs(pid);
        String task = taskOf(pid, "Task_LoadInvestmentProgramme").getId();
        String planner = staffUser("planning");

        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("pmi-latin1.csv", new Object[] {corpus("pmi-latin1.csv"), List.of("Fila 1: el archivo no está en UTF-8")});
        cases.put("pmi-utf16.csv", new Object[] {corpus("pmi-utf16.csv"), List.of("el archivo está en UTF-16 (Unicode)")});
        cases.put("pmi-columnas-faltantes.csv", new Object[] {corpus("pmi-columnas-faltantes.csv"),
                List.of("faltan las columnas ambito, distritos, funcion, unidad_ejecutora")});
        cases.put("pmi-formulas.csv", new Object[] {corpus("pmi-formulas.csv"), List.of(
                "Fila 2, columna nombre: la celda empieza con «=» como una fórmula de hoja de cálculo",
                "Fila 3, columna funcion: la celda empieza con «+»", "Fila 4, columna nombre: la celda empieza con «@»")});
        cases.put("pmi-formula-dde.xlsx", new Object[] {corpus("pmi-formula-dde.xlsx"),
                List.of("Fila 2, columna nombre: la celda empieza con «=»")});
        cases.put("pmi-cui-repetido.csv", new Object[] {corpus("pmi-cui-repetido.csv"),
                List.of("Fila 3, columna cui: el CUI 9100001 se repite en el archivo")});
        cases.put("pmi-costos.csv", new Object[] {corpus("pmi-costos.csv"), List.of(
                "Fila 2, columna costo: el costo debe ser mayor que cero",
                "Fila 3, columna costo: el costo no puede pasar de S/ 10,000,000,000",
                "Fila 4, columna costo: el costo no puede pasar de S/ 10,000,000,000")});
        cases.put("vacio.csv", new Object[] {corpus("vacio.csv"), List.of("Fila 1: el archivo está vacío")});
        cases.put("basura.csv", new Object[] {corpus("basura.csv"), List.of("Fila 1: el archivo no es de texto")});
        cases.put("basura.xlsx", new Object[] {corpus("basura.xlsx"),
                List.of("Fila 1: el archivo no es un libro de Excel (.xlsx) válido")});
        cases.put("bomba.xlsx", new Object[] {bomb(), List.of("posible «bomba de descompresión»")});
        cases.put("pmi-100000-filas.csv", new Object[] {pmiOfAHundredThousandRows(),
                List.of("Fila 100002, columna costo: el costo debe ser mayor que cero")});
        cases.put("pmi-textos.csv", new Object[] {(PMI_HEADER
                + "9100001,Canal " + "x".repeat(10_000) + ",CHOTA,060401,800000,Agricultura,agricultura\n"
                + "9100002,Canal de riego,CHOTA,060401,800000," + "Agricultura ".repeat(20) + ",agricultura\n"
                + "9100003,Canal\u202Egpj.exe,CHOTA,060401,800000,Agricultura,agricultura\n"
                + "9100004,Canal\u0007con campana,CHOTA,060401,800000,Agricultura,agricultura\n"
                + "9100005,' OR 1=1 --,CHOTA,060401,800000,Agricultura,agricultura\n"
                + "' OR 1=1 --,Canal de riego,CHOTA,060401,800000,Agricultura,agricultura\n")
                .getBytes(StandardCharsets.UTF_8), List.of(
                "Fila 2, columna nombre: el nombre tiene más de 500 caracteres",
                "Fila 3, columna funcion: la función tiene más de 120 caracteres",
                "Fila 4, columna nombre: la celda tiene caracteres de control o que cambian la dirección del texto",
                "Fila 5, columna nombre: la celda tiene caracteres de control",
                "Fila 7, columna cui: el CUI debe tener de 1 a 7 dígitos")});

        for (Map.Entry<String, Object[]> c : cases.entrySet()) {
            HttpResponse<String> r = submitProgramme(task, planner, c.getKey(), (byte[]) c.getValue()[0]);
            // a refused file is the person's to fix: 400 with the listener's message (TaskVariableGuard turns the
            // engine's 500 into a form validation error), which Tasklist shows to the planner (the task stays open)
            assertThat(r.statusCode()).as(c.getKey() + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).as(c.getKey()).contains("El archivo fue rechazado y no se guardó nada.");
            @SuppressWarnings("unchecked")
            List<String> expected = (List<String>) c.getValue()[1];
            for (String e : expected) {
                assertThat(r.body()).as(c.getKey()).contains(e);
            }
            assertThat(r.body()).as(c.getKey()).doesNotContain("Exception:", "at org.", "Zip bomb detected");
            assertThat(count("SELECT COUNT(*) FROM project WHERE cycle_year = ?", year)).as(c.getKey()).isZero();
            assertThat(tasks.createTaskQuery().taskId(task).count()).as(c.getKey()).isEqualTo(1);
        }
        // the same form and user load a good file: the refusals above were the files' doing
        HttpResponse<String> good = submitProgramme(task, planner, "pmi.csv", (PMI_HEADER
                + "9100001,Canal de riego Llaucán,CHOTA,060401,800000,Agricultura,agricultura\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(good.statusCode()).as(good.body()).isIn(200, 204);
        assertThat(count("SELECT COUNT(*) FROM project WHERE cycle_year = ?", year)).isEqualTo(1);
    }

    // ---------------------------------------------------------------------------------------------------------
    // History files through the planning office's page

    @Test
    void malformedHistoryFilesAreRejectedWholeAndStoreNothing() throws Exception {
        String planner = staffUser("planning");
        Http http = new Http(port);
        http.staffLogin(planner, "secreto-" + planner);
        StringBuilder big = new StringBuilder(HISTORY_HEADER);
        for (int i = 0; i < 100_000; i++) {
            big.append("1900,").append(1_000_000 + i).append(",Proyecto antiguo ").append(i)
                    .append(",CAJAMARCA,060106,850000,Educación,sede-central\n");
        }
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("historial-latin1.csv", new Object[] {corpus("historial-latin1.csv"), List.of("no está en UTF-8")});
        cases.put("historial-columnas-faltantes.csv", new Object[] {corpus("historial-columnas-faltantes.csv"),
                List.of("faltan las columnas")});
        cases.put("historial-formulas.csv", new Object[] {corpus("historial-formulas.csv"),
                List.of("columna nombre: el texto empieza con «=» como una fórmula de hoja de cálculo")});
        cases.put("historial-costos.csv", new Object[] {corpus("historial-costos.csv"),
                List.of("fila 2, columna costo: el costo debe ser mayor que cero", "pasa de S/ 1,000,000,000")});
        cases.put("vacio.csv", new Object[] {corpus("vacio.csv"), List.of("el archivo está vacío")});
        cases.put("basura.csv", new Object[] {corpus("basura.csv"), List.of("el archivo no es de texto")});
        cases.put("basura.xlsx", new Object[] {corpus("basura.xlsx"), List.of("no es un libro de Excel (.xlsx) válido")});
        cases.put("bomba.xlsx", new Object[] {bomb(), List.of("posible «bomba de descompresión»")});
        cases.put("historial-100000-filas.csv", new Object[] {big.toString().getBytes(StandardCharsets.UTF_8),
                List.of("fila 2, columna ciclo", "problemas más")});
        cases.put("historial-marcado.csv", new Object[] {(HISTORY_HEADER + "1900,9100001,Canal," + SCRIPT
                + ",060401,800000,Agricultura,agricultura\n").getBytes(StandardCharsets.UTF_8),
                List.of("ámbito desconocido", "&lt;script&gt;alert(document.cookie)&lt;/script&gt;")});

        int projects = count("SELECT COUNT(*) FROM project");
        int cycles = count("SELECT COUNT(*) FROM cycle");
        int reports = count("SELECT COUNT(*) FROM monitoring_report");
        for (Map.Entry<String, Object[]> c : cases.entrySet()) {
            Map<String, String> f = Map.of("_csrf", http.csrfTokenOf("/personal/historial"));
            HttpResponse<String> r = http.postMultipart("/personal/historial", f, "proyectos", c.getKey(),
                    (byte[]) c.getValue()[0], "text/csv");
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(200);
            assertThat(r.body()).as(c.getKey()).contains("role=\"alert\"");
            @SuppressWarnings("unchecked")
            List<String> expected = (List<String>) c.getValue()[1];
            for (String e : expected) {
                assertThat(r.body()).as(c.getKey()).contains(e);
            }
            assertThat(r.body()).as(c.getKey()).doesNotContain(SCRIPT, "Zip bomb detected", "Exception");
            assertThat(count("SELECT COUNT(*) FROM project")).as(c.getKey()).isEqualTo(projects);
            assertThat(count("SELECT COUNT(*) FROM cycle")).as(c.getKey()).isEqualTo(cycles);
            assertThat(count("SELECT COUNT(*) FROM monitoring_report")).as(c.getKey()).isEqualTo(reports);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Uploads that lie about their type: oversight reports and complaint attachments

    static byte[] jpegWithHtml() throws IOException {
        ByteArrayOutputStream photo = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB), "jpeg", photo);
        photo.write(("<html><body>" + SCRIPT + "</body></html>").getBytes(StandardCharsets.US_ASCII));
        return photo.toByteArray();
    }

    static byte[] oversized(int megabytes) {
        byte[] pdf = corpus("valido.pdf");
        byte[] big = new byte[megabytes * 1024 * 1024];
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        return big;
    }

    /** File name, content, what the person reads. */
    static Map<String, Object[]> lyingUploads() throws IOException {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("ejecutable-elf.pdf", new Object[] {corpus("ejecutable-elf.pdf"),
                "El archivo «ejecutable-elf.pdf» no es un PDF, JPG ni PNG (se revisa su contenido, no su nombre)."});
        cases.put("ejecutable-mz.pdf", new Object[] {corpus("ejecutable-mz.pdf"),
                "El archivo «ejecutable-mz.pdf» no es un PDF, JPG ni PNG"});
        cases.put("poliglota-html.pdf", new Object[] {corpus("poliglota-html.pdf"),
                "El archivo «poliglota-html.pdf» lleva escondido código de página web (&lt;script) además del documento"});
        cases.put("poliglota-zip.pdf", new Object[] {corpus("poliglota-zip.pdf"),
                "El archivo «poliglota-zip.pdf» lleva escondido un archivo comprimido (ZIP)"});
        cases.put("foto-con-html.jpg", new Object[] {jpegWithHtml(),
                "El archivo «foto-con-html.jpg» lleva escondido código de página web"});
        cases.put("grande.pdf", new Object[] {oversized(12), "El archivo «grande.pdf» pesa más de 10 MB"});
        cases.put("vacio.pdf", new Object[] {new byte[0], null}); // an empty part is "no file"
        return cases;
    }

    @Test
    void oversightReportUploadsThatLieAboutTheirTypeAreRefused() throws Exception {
        int year = freeYear();
        openCycle(year, 3);
        String cui = String.valueOf(6_000_000 + unique());
        jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, prioritized, "
                + "monitored_since) VALUES (?, ?, 'Canal de riego Apalin', 'CHOTA', 900000, 'Riego', ?, TRUE, CURRENT_DATE)")
                .params(year, cui, TEST_UNIT).update();
        String member = staffUser("oversight-committee");
        Http http = new Http(port);
        http.staffLogin(member, "secreto-" + member);
        int reports = count("SELECT COUNT(*) FROM oversight_report");
        int files = count("SELECT COUNT(*) FROM oversight_report_file");
        for (Map.Entry<String, Object[]> c : lyingUploads().entrySet()) {
            if (c.getValue()[1] == null) {
                continue;
            }
            Map<String, String> f = new LinkedHashMap<>();
            f.put("_csrf", http.csrfTokenOf("/personal/vigilancia"));
            f.put("tipo", "VISITA");
            f.put("fechaVisita", plazos.today().minusDays(1).toString());
            f.put("cui", cui);
            f.put("resumen", "La obra está paralizada, no hay residente y el cartel de obra no existe.");
            HttpResponse<String> r = http.postMultipart("/personal/vigilancia", f, "archivos", c.getKey(),
                    (byte[]) c.getValue()[0], "application/pdf");
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(200);
            assertThat(r.body()).as(c.getKey()).contains((String) c.getValue()[1]).doesNotContain(SCRIPT, "<script");
            assertThat(count("SELECT COUNT(*) FROM oversight_report")).as(c.getKey()).isEqualTo(reports);
            assertThat(count("SELECT COUNT(*) FROM oversight_report_file")).as(c.getKey()).isEqualTo(files);
        }
        // the summary with markup and control characters
        Map<String, String> f = new LinkedHashMap<>();
        f.put("_csrf", http.csrfTokenOf("/personal/vigilancia"));
        f.put("tipo", "VISITA");
        f.put("fechaVisita", plazos.today().minusDays(1).toString());
        f.put("cui", cui);
        f.put("resumen", "La obra está paralizada " + SCRIPT + " y el residente\u0000 no está \u202Egpj.exe");
        HttpResponse<String> r = http.postMultipart("/personal/vigilancia", f, "archivos", null, null, null);
        assertThat(r.body()).contains("El texto tiene caracteres no permitidos").doesNotContain(SCRIPT);
        assertThat(count("SELECT COUNT(*) FROM oversight_report")).isEqualTo(reports);
    }

    private Map<String, String> complaint(Http http) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("_csrf", http.csrfTokenOf("/reclamos"));
        c.put("tipo", "RECLAMO");
        c.put("asunto", "Obra paralizada en Llacanora");
        c.put("descripcion", "La obra del colegio está paralizada desde hace dos meses y no hay residente.");
        c.put("nombre", "Juana Rosa Quispe Huamán");
        c.put("dni", "");
        c.put("correo", "juana" + unique() + "@example.pe");
        c.put("telefono", "");
        return c;
    }

    @Test
    void complaintAttachmentsThatLieAboutTheirTypeAreRefused() throws Exception {
        Http http = new Http(port);
        int complaints = count("SELECT COUNT(*) FROM complaint");
        int attachments = count("SELECT COUNT(*) FROM complaint_attachment");
        for (Map.Entry<String, Object[]> c : lyingUploads().entrySet()) {
            if (c.getValue()[1] == null) {
                continue;
            }
            HttpResponse<String> r = http.postMultipart("/reclamos", complaint(http), "adjunto", c.getKey(),
                    (byte[]) c.getValue()[0], "application/pdf");
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(200);
            assertThat(r.body()).as(c.getKey()).contains((String) c.getValue()[1]).doesNotContain(SCRIPT, "<script");
            assertThat(count("SELECT COUNT(*) FROM complaint")).as(c.getKey()).isEqualTo(complaints);
            assertThat(count("SELECT COUNT(*) FROM complaint_attachment")).as(c.getKey()).isEqualTo(attachments);
        }
        // over the servlet's limit (20 MB): a Spanish page with 413, not a 500 or a bare error
        HttpResponse<String> huge = http.postMultipart("/reclamos", complaint(http), "adjunto", "enorme.pdf",
                oversized(25), "application/pdf");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("El archivo es demasiado grande", "hasta 10 MB", "no se guardó nada")
                .doesNotContain("Whitelabel");
        assertThat(count("SELECT COUNT(*) FROM complaint")).isEqualTo(complaints);
        // and the honest PDF is accepted: the refusals were the files' doing
        HttpResponse<String> ok = http.postMultipart("/reclamos", complaint(http), "adjunto", "valido.pdf",
                corpus("valido.pdf"), "application/pdf");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(302);
        assertThat(count("SELECT COUNT(*) FROM complaint_attachment")).isEqualTo(attachments + 1);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Form fields: markup, script, SQL, overlong values, control characters, invalid DNIs

    @Test
    void complaintFieldsWithHostileTextAreRefusedOrShownEscaped() {
        Http http = new Http(port);
        int complaints = count("SELECT COUNT(*) FROM complaint");
        Object[][] cases = {
            {"asunto", "Obra\u0000 paralizada", "El texto tiene caracteres no permitidos"},
            {"nombre", "Juana \u202Eanaúj", "El texto tiene caracteres no permitidos"},
            {"descripcion", "x".repeat(10_000), "Describa su pedido con al menos 20 caracteres (máximo 4000)."},
            {"nombre", "J".repeat(10_000), "Escriba sus nombres y apellidos."},
            {"correo", "a".repeat(10_000) + "@example.pe", "Escriba un correo electrónico válido"},
            {"dni", "1234567", "El DNI tiene 8 dígitos."},
            {"dni", "12345678A", "El DNI tiene 8 dígitos."},
            {"dni", "' OR 1=1 --", "El DNI tiene 8 dígitos."},
            {"cui", "1' OR '1'='1", "El CUI del proyecto relacionado tiene hasta 7 dígitos"},
        };
        for (Object[] c : cases) {
            Map<String, String> f = complaint(http);
            f.put((String) c[0], (String) c[1]);
            HttpResponse<String> r = http.postMultipart("/reclamos", f, "adjunto", null, null, null);
            assertThat(r.statusCode()).as(c[0] + "=" + c[1]).isEqualTo(200);
            assertThat(r.body()).as((String) c[0]).contains((String) c[2]);
            assertThat(count("SELECT COUNT(*) FROM complaint")).as((String) c[0]).isEqualTo(complaints);
        }
        // markup and SQL in free text are text: stored as typed, shown escaped, nothing else touched
        Map<String, String> f = complaint(http);
        f.put("asunto", "Obra " + SCRIPT);
        f.put("descripcion", "Robert'); DROP TABLE complaint; -- y también ' OR 1=1 -- en la descripción.");
        HttpResponse<String> r = http.postMultipart("/reclamos", f, "adjunto", null, null, null);
        assertThat(r.statusCode()).isEqualTo(302);
        URI location = URI.create(r.headers().firstValue("Location").orElseThrow());
        String page = http.get(location.getRawPath() + "?" + location.getRawQuery()).body();
        assertThat(page).contains("Obra &lt;script&gt;alert(document.cookie)&lt;/script&gt;").doesNotContain(SCRIPT);
        assertThat(count("SELECT COUNT(*) FROM complaint")).isEqualTo(complaints + 1);
    }

    private Map<String, String> registration(String dni) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("documentType", "DNI");
        f.put("documentNumber", dni);
        f.put("firstSurname", "Quispe");
        f.put("secondSurname", "Huamán");
        f.put("givenNames", "Juana Rosa");
        f.put("email", "juana" + unique() + "@example.pe");
        f.put("mobilePhone", "987654321");
        f.put("sex", "F");
        f.put("birthDate", "1990-04-12");
        f.put("educationLevel", "Secundaria");
        f.put("districtUbigeo", "060106");
        f.put("password", "una-clave-larga");
        f.put("passwordConfirmation", "una-clave-larga");
        f.put("acceptTerms", "true");
        f.put("acceptPrivacy", "true");
        f.put("acceptDataProcessing", "true");
        return f;
    }

    static String dni() {
        return String.format("3%07d", unique() % 10_000_000);
    }

    @Test
    void registrationAndIdeaFieldsWithHostileTextAreRefusedAndStoreNothing() {
        PortalCycle.ensure(cycleService, plazos.today());
        Http http = new Http(port);
        int accountsBefore = count("SELECT COUNT(*) FROM citizen_account");
        Object[][] cases = {
            {"documentNumber", "1234567", "El número de documento debe tener exactamente 8 dígitos"},
            {"documentNumber", "123456789", "El número de documento debe tener exactamente 8 dígitos"},
            {"documentNumber", "1234567A", "El número de documento debe tener exactamente 8 dígitos"},
            {"documentNumber", "12.345.678", "El número de documento debe tener exactamente 8 dígitos"},
            {"documentNumber", "' OR 1=1 --", "El número de documento debe tener exactamente 8 dígitos"},
            {"givenNames", "J".repeat(10_000), "Los nombres admiten hasta 120 caracteres"},
            {"givenNames", "Juana\u0000Rosa", "El texto tiene caracteres no permitidos"},
            {"firstSurname", "Quispe\u202Eepsiuq", "El texto tiene caracteres no permitidos"},
            {"email", "juana@example.pe\u0000<script>", "El texto tiene caracteres no permitidos"},
            {"email", "<script>alert(1)</script>@x", "El correo electrónico no es válido"},
            {"mobilePhone", "' OR 1=1 --", "El celular debe tener 9 dígitos y empezar con 9."},
        };
        for (Object[] c : cases) {
            Map<String, String> f = registration(dni());
            f.put((String) c[0], (String) c[1]);
            HttpResponse<String> r = http.submit("/agentes/inscripcion", "/agentes/inscripcion", f);
            assertThat(r.statusCode()).as(c[0] + "=" + c[1]).isEqualTo(200);
            assertThat(r.body()).as(c[0] + "=" + c[1]).contains((String) c[2]).doesNotContain("<script>alert");
            assertThat(count("SELECT COUNT(*) FROM citizen_account")).as((String) c[0]).isEqualTo(accountsBefore);
        }

        int ideas = count("SELECT COUNT(*) FROM project_idea");
        Object[][] ideaCases = {
            {"title", "Reservorio " + "x".repeat(10_000), "El nombre de la idea debe tener entre 10 y 300 caracteres"},
            {"title", "Reservorio para riego\u0000 en Chim Chim", "El texto tiene caracteres no permitidos"},
            {"title", "Reservorio \u202Eoger arap", "El texto tiene caracteres no permitidos"},
            {"approximateAmount", "99999999999999999999", "El monto aproximado no puede pasar de S/ 10,000,000,000"},
            {"approximateAmount", "' OR 1=1 --", "Escriba un monto en números"},
            {"beneficiaries", "99999999999", "Escriba un número entero"},
            {"contactEmail", "a".repeat(10_000) + "@example.pe", "El correo admite hasta 200 caracteres"},
        };
        for (Object[] c : ideaCases) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("title", "Reservorio para riego en el caserío Chim Chim");
            f.put("districtUbigeo", "060105");
            f.put("theme", "Agricultura y riego");
            f.put("axis", "Eje 3: Desarrollo económico competitivo");
            f.put("beneficiaries", "320");
            f.put("approximateAmount", "950000");
            f.put((String) c[0], (String) c[1]);
            HttpResponse<String> r = http.submit("/ideas/nueva", "/ideas/nueva", f);
            assertThat(r.statusCode()).as(c[0] + "=" + c[1]).isEqualTo(200);
            assertThat(r.body()).as((String) c[0]).contains((String) c[2]);
            assertThat(count("SELECT COUNT(*) FROM project_idea")).as((String) c[0]).isEqualTo(ideas);
        }
        // the login and the password link with SQL and markup: an ordinary failure, never a 500
        Http other = new Http(port);
        HttpResponse<String> login = other.postForm("/login", Map.of("username", "' OR 1=1 --", "password",
                "' OR '1'='1", "_csrf", other.csrfTokenOf("/login")));
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        HttpResponse<String> reset = other.postForm("/acceso/recuperar", Map.of("documento", SCRIPT + "' OR 1=1 --",
                "_csrf", other.csrfTokenOf("/acceso/recuperar")));
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(reset.body()).doesNotContain(SCRIPT);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Registration and password links throttled per address (and per account)

    /** A browser behind the loopback proxy that forwards {@code address} (documentation range 192.0.2.0/24). */
    private final class From {
        final String address;
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        From(String address) {
            this.address = address;
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("X-Forwarded-For", address).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> submit(String path, Map<String, String> fields) throws Exception {
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(path).body());
            assertThat(m.find()).isTrue();
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", m.group(1));
            String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("X-Forwarded-For", address).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void registrationsAndPasswordLinksAreThrottledPerAddressAndAccount() throws Exception {
        PortalCycle.ensure(cycleService, plazos.today());
        int registrations = throttle.registrationsPerAddress();
        int perAccount = throttle.resetsPerAccount();
        int perAddress = throttle.resetsPerAddress();
        try {
            throttle.setRegistrationsPerAddress(2);
            From a = new From("192.0.2." + (unique() % 100 + 1));
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> r = a.submit("/agentes/inscripcion", registration(dni()));
                assertThat(r.body()).contains("Inscripción recibida");
            }
            String third = dni();
            HttpResponse<String> refused = a.submit("/agentes/inscripcion", registration(third));
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.body()).contains("Desde su conexión se enviaron demasiadas inscripciones en la última hora");
            assertThat(count("SELECT COUNT(*) FROM citizen_account WHERE document_number = ?", third)).isZero();
            // another address is not affected
            From b = new From("192.0.2." + (unique() % 100 + 101));
            assertThat(b.submit("/agentes/inscripcion", registration(third)).body()).contains("Inscripción recibida");

            throttle.setResetLimits(2, 4);
            String dni = dni();
            accounts.create("DNI", dni, "clave-correcta-1", "luz" + unique() + "@example.pe", "Luz", "Rojas", null);
            From c = new From("192.0.2." + (unique() % 50 + 201));
            for (int i = 0; i < 2; i++) {
                assertThat(c.submit("/acceso/recuperar", Map.of("documento", dni)).statusCode()).isEqualTo(200);
            }
            int links = count("SELECT COUNT(*) FROM password_reset");
            // per account: the third link for the same document, even from another address
            From d = new From("203.0.113." + (unique() % 200 + 1));
            HttpResponse<String> tooMany = d.submit("/acceso/recuperar", Map.of("documento", dni));
            assertThat(tooMany.statusCode()).isEqualTo(429);
            assertThat(tooMany.body()).contains("Se pidieron demasiados enlaces para cambiar la contraseña");
            assertThat(count("SELECT COUNT(*) FROM password_reset")).isEqualTo(links);
            // per address: 4 requests from c in all, whatever the document
            assertThat(c.submit("/acceso/recuperar", Map.of("documento", dni())).statusCode()).isEqualTo(200);
            assertThat(c.submit("/acceso/recuperar", Map.of("documento", dni())).statusCode()).isEqualTo(200);
            assertThat(c.submit("/acceso/recuperar", Map.of("documento", dni())).statusCode()).isEqualTo(429);
        } finally {
            throttle.setRegistrationsPerAddress(registrations);
            throttle.setResetLimits(perAccount, perAddress);
        }
    }
}
