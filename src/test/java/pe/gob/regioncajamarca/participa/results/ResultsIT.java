package pe.gob.regioncajamarca.participa.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import pe.gob.regioncajamarca.participa.cycle.CyclePhase;
import pe.gob.regioncajamarca.participa.cycle.PrioritisationRun;
import pe.gob.regioncajamarca.participa.oversight.CommitteeElection;
import pe.gob.regioncajamarca.participa.testsupport.Http;
import pe.gob.regioncajamarca.participa.testsupport.ProcessTest;
import pe.gob.regioncajamarca.participa.voting.VotingService;
import pe.gob.regioncajamarca.participa.testsupport.PaperBallotFixture;
import pe.gob.regioncajamarca.participa.voting.PaperBallots;

/** The public results: page, CSV and the cycle's records as PDFs, all from the stored data, no personal data. */
class ResultsIT extends ProcessTest {

    @Autowired VotingService voting;
    @Autowired PaperBallots paper;
    @Autowired PrioritisationRun prioritisation;
    @Autowired CommitteeElection elections;
    @LocalServerPort int port;
    int year;
    List<Long> projects;
    List<String> documents;

    @BeforeEach
    void aCycleWithVotesOnlineAndAtAWorkshop() {
        year = freeYear();
        openCycle(year, 3);
        cycleService.changePhase(year, CyclePhase.VOTACION, null);
        projects = new ArrayList<>();
        Object[][] rows = {{"8100", "Agua potable en Llama", "600000", 80}, {"8200", "Aulas en Cochabamba", "500000", 70},
                {"8300", "=HYPERLINK(\"http://x\")", "300000", 90}};
        for (Object[] r : rows) {
            jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, technical_score, "
                            + "technical_comment) VALUES (?, ?, ?, 'CHOTA', ?, 'Saneamiento', ?, ?, 'Pertinente')")
                    .params(year, r[0], r[1], new BigDecimal((String) r[2]), TEST_UNIT, r[3]).update();
            projects.add(jdbc.sql("SELECT id FROM project WHERE cycle_year = ? AND cui = ?").params(year, r[0])
                    .query(Long.class).single());
        }
        documents = new ArrayList<>();
        List<Long> agents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long id = agentOf(year, "ACREDITADO", i == 0 ? "Ronda campesina de Llama" : null);
            agents.add(id);
            documents.add(jdbc.sql("SELECT document_number FROM agent_registration WHERE id = ?").param(id)
                    .query(String.class).single());
        }
        voting.cast(year, documents.get(0), projects.get(0));
        voting.cast(year, documents.get(1), projects.get(0));
        voting.cast(year, documents.get(2), projects.get(1));
        LocalDate today = LocalDate.now(java.time.ZoneId.of("America/Lima"));
        // nine agents vote on paper at a workshop in Chota: 8100 gets 5 paper votes, 8200 gets 9
        long workshop = PaperBallotFixture.workshop(jdbc, year, "CHOTA", today);
        for (int i = 0; i < 9; i++) {
            String dni = jdbc.sql("SELECT document_number FROM agent_registration WHERE id = ?")
                    .param(agentOf(year, "ACREDITADO", null)).query(String.class).single();
            documents.add(dni);
            assertThat(PaperBallotFixture.ballot(paper, year, workshop, String.valueOf(i + 1), dni,
                    i < 5 ? List.of("8100", "8200") : List.of("8200")).counted()).isTrue();
        }
        cycleService.changePhase(year, CyclePhase.PRIORIZACION, null);
        voting.storeFinalCounts(year);
        prioritisation.run(year);
        cycleService.changePhase(year, CyclePhase.FORMALIZACION, null);
        cycleService.recordApproval(year, "gerente.regional", null);
        elections.record(year, new CommitteeElection.Assembly(today, "Auditorio de Chota", 3, "Por aclamación"),
                List.of(new CommitteeElection.Candidate(agents.get(0), "PRESIDENTE", 3, Set.of("CHOTA")),
                        new CommitteeElection.Candidate(agents.get(1), "SECRETARIO", 2, Set.of("CHOTA")),
                        new CommitteeElection.Candidate(agents.get(2), "MIEMBRO", 1, Set.of("CUTERVO"))), "planner");
    }

    @Test
    void theResultsPageShowsTheMatrixWithOnlineAndWorkshopVotesApart() {
        var page = new Http(port).get("/resultados/" + year);
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("Agua potable en Llama", "Aulas en Cochabamba", "Matriz de priorización de Chota",
                "3</strong> votos en línea", "14</strong> votos en talleres provinciales",
                "acta-acuerdos.pdf", "acta-eleccion-comite.pdf", "Auditorio de Chota", "vigila: <span>CUTERVO</span>");
        documents.forEach(dni -> assertThat(body).doesNotContain(dni));
        assertThat(body).doesNotContain("987654321");
        assertThat(new Http(port).get("/resultados").body()).contains("/resultados/" + year);
        assertThat(new Http(port).get("/resultados/1900").statusCode()).isEqualTo(404);
        // one scope alone (the results page links to it when a scope has more places than it shows)
        String chota = new Http(port).get("/resultados/" + year + "?ambito=CHOTA").body();
        assertThat(chota).contains("Matriz de priorización de Chota", "Agua potable en Llama", "Todos los ámbitos")
                .doesNotContain("Matriz de priorización de Cutervo");
        assertThat(new Http(port).get("/resultados/" + year + "?ambito=NINGUNO").statusCode()).isEqualTo(404);
    }

    @Test
    void aScopeWithManyProjectsShowsItsFirstPlacesAndLinksToItsWholeMatrix() {
        int big = freeYear();
        openCycle(big, 3);
        cycleService.changePhase(big, CyclePhase.VOTACION, null);
        int many = MatrixPage.FIRST_ROWS + 5;
        for (int i = 1; i <= many; i++) {
            jdbc.sql("INSERT INTO project (cycle_year, cui, name, scope, cost, sector, executing_unit, technical_score, "
                            + "technical_comment) VALUES (?, ?, ?, 'CUTERVO', 100000, 'Saneamiento', ?, ?, 'Pertinente')")
                    .params(big, String.valueOf(9000 + i), "Obra número " + i, TEST_UNIT, 100 - i).update();
        }
        cycleService.changePhase(big, CyclePhase.PRIORIZACION, null);
        voting.storeFinalCounts(big);
        prioritisation.run(big);

        String page = new Http(port).get("/resultados/" + big).body();
        assertThat(page).contains("Obra número 1<", "Obra número " + MatrixPage.FIRST_ROWS + "<",
                "Se muestran los puestos 1 a " + MatrixPage.FIRST_ROWS + " de " + many,
                "/resultados/" + big + "?ambito=CUTERVO").doesNotContain("Obra número " + many + "<");
        String whole = new Http(port).get("/resultados/" + big + "?ambito=CUTERVO").body();
        assertThat(whole).contains("Obra número 1<", "Obra número " + many + "<", "Todos los ámbitos")
                .doesNotContain("Se muestran los puestos");
    }

    @Test
    void theCsvIsTheStoredMatrixAndNeutralisesFormulas() {
        var csv = new Http(port).get("/resultados/" + year + "/matriz-priorizacion.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("ambito,puesto,cui,proyecto,costo,puntaje_tecnico,votos_en_linea,votos_en_talleres");
        // Llama: 2 online + 5 at the workshop; Cochabamba: 1 + 9; the formula-looking name is neutralised
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("CHOTA,").contains(",8100,Agua potable en Llama,")
                .contains(",2,5,7,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(",8200,Aulas en Cochabamba,").contains(",1,9,10,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(",8300,\"'=HYPERLINK(\"\"http://x\"\")\","));
        Map<String, Integer> ranks = new HashMap<>();
        jdbc.sql("SELECT cui, scope_rank FROM project WHERE cycle_year = ?").param(year)
                .query((rs, i) -> ranks.put(rs.getString(1), rs.getInt(2))).list();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("CHOTA," + ranks.get("8200") + ",8200,"));
    }

    @Test
    void everyRecordOfTheCycleIsAPdfMadeFromTheDataWithoutDocumentNumbers() throws IOException {
        String agentsPdf = pdfText("/resultados/" + year + "/agentes-acreditados.pdf");
        assertThat(agentsPdf).contains("Agentes participantes acreditados " + year, "Ronda campesina de Llama",
                "Rosa Huamán Cotrina", "Total de agentes acreditados: 12");
        String evaluation = pdfText("/resultados/" + year + "/evaluacion-tecnica.pdf");
        assertThat(evaluation).contains("Matriz de evaluación técnica", "Agua potable en Llama", "80.00", "Pertinente");
        String matrix = pdfText("/resultados/" + year + "/matriz-priorizacion.pdf");
        assertThat(matrix).contains("Matriz de priorización", "Aulas en Cochabamba", "Votos en línea: 3; votos en "
                + "talleres provinciales: 14");
        String agreements = pdfText("/resultados/" + year + "/acta-acuerdos.pdf");
        assertThat(agreements).contains("Acta de acuerdos y compromisos", "gerente.regional", "Primero: proyectos priorizados");
        String committee = pdfText("/resultados/" + year + "/acta-eleccion-comite.pdf");
        assertThat(committee).contains("Acta de elección del Comité de Vigilancia", "Auditorio de Chota", "Presidente(a)",
                "Ronda campesina de Llama", "Por aclamación", "Cutervo");
        for (String text : List.of(agentsPdf, evaluation, matrix, agreements, committee)) {
            documents.forEach(dni -> assertThat(text).doesNotContain(dni));
            assertThat(text).doesNotContain("987654321").doesNotContain("@example.pe");
        }
    }

    @Test
    void resultsAreNotPublishedBeforeThePrioritisation() {
        int other = freeYear();
        openCycle(other, 3);
        cycleService.changePhase(other, CyclePhase.VOTACION, null);
        assertThat(new Http(port).get("/resultados/" + other).body()).contains("Aún no hay resultados");
        assertThat(new Http(port).get("/resultados/" + other + "/matriz-priorizacion.csv").statusCode()).isEqualTo(404);
        assertThat(new Http(port).get("/resultados/" + other + "/acta-acuerdos.pdf").statusCode()).isEqualTo(404);
        assertThat(new Http(port).get("/resultados/" + other + "/acta-eleccion-comite.pdf").statusCode()).isEqualTo(404);
    }

    private String pdfText(String path) throws IOException {
        HttpResponse<byte[]> r;
        try {
            r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            // the first page as an image, for a person to look at (target/pdf-samples)
            java.nio.file.Path dir = java.nio.file.Path.of("target", "pdf-samples");
            java.nio.file.Files.createDirectories(dir);
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 60),
                    "png", dir.resolve(path.substring(path.lastIndexOf('/') + 1).replace(".pdf", ".png")).toFile());
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }
}
