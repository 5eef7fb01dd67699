package pe.gob.regioncajamarca.participa.results;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import pe.gob.regioncajamarca.participa.accreditation.AccreditationService;
import pe.gob.regioncajamarca.participa.cycle.Cycle;
import pe.gob.regioncajamarca.participa.cycle.CycleService;
import pe.gob.regioncajamarca.participa.projects.Territory;
import pe.gob.regioncajamarca.participa.documents.Csv;
import pe.gob.regioncajamarca.participa.documents.PdfDocuments;
import pe.gob.regioncajamarca.participa.oversight.CommitteeElection;
import pe.gob.regioncajamarca.participa.results.CycleResults.Results;
import pe.gob.regioncajamarca.participa.voting.PaperBallots;

/**
 * Public results of a cycle (no login): the prioritisation matrix and the vote summary per scope, as a page,
 * a CSV and PDFs, and the cycle's records as PDFs generated from the data: accredited agents (names and
 * organisations, never a document number, phone or address), the technical evaluation matrix, the
 * prioritisation matrix, the acta de acuerdos y compromisos and the minutes of the committee's election.
 */
@Controller
class ResultsController {

    private static final MediaType PDF = MediaType.APPLICATION_PDF;
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final CycleResults results;
    private final CycleService cycles;
    private final AccreditationService accreditation;
    private final CommitteeElection elections;
    private final PdfDocuments pdf;
    private final Territory territory;
    private final PaperBallots paperBallots;

    ResultsController(CycleResults results, CycleService cycles, AccreditationService accreditation,
                      CommitteeElection elections, PdfDocuments pdf, Territory territory, PaperBallots paperBallots) {
        this.paperBallots = paperBallots;
        this.results = results;
        this.cycles = cycles;
        this.accreditation = accreditation;
        this.elections = elections;
        this.pdf = pdf;
        this.territory = territory;
    }

    @GetMapping("/resultados")
    String index(Model model) {
        model.addAttribute("years", results.publishedYears());
        model.addAttribute("cycles", cycles.findAll());
        return "results/indice";
    }

    /**
     * The cycle's results: each scope's first places, or with {@code ambito} one scope's whole matrix a page at a
     * time ({@code pagina}); see {@link MatrixPage}.
     */
    @GetMapping("/resultados/{year}")
    String page(@PathVariable int year, @RequestParam(required = false) String ambito,
                @RequestParam(defaultValue = "1") int pagina, Model model) {
        Cycle cycle = cycles.find(year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No existe el ciclo " + year + "."));
        Results r = results.of(year).orElse(null);
        model.addAttribute("cycle", cycle);
        model.addAttribute("results", r);
        if (r != null) {
            List<MatrixPage> matrix = r.scopes().stream().filter(s -> ambito == null || s.scope().equals(ambito))
                    .map(s -> ambito == null ? MatrixPage.of(s, 1, MatrixPage.FIRST_ROWS)
                            : MatrixPage.of(s, pagina, MatrixPage.PAGE_ROWS))
                    .toList();
            if (ambito != null && matrix.isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "El ciclo " + year + " no tiene el ámbito "
                        + ambito + ".");
            }
            model.addAttribute("matrix", matrix);
            model.addAttribute("ambito", ambito);
        }
        model.addAttribute("approval", cycles.approval(year).orElse(null));
        model.addAttribute("election", elections.of(year).orElse(null));
        model.addAttribute("agentCount", accreditation.accreditedCount(year));
        // paper ballots whose two entries never matched by the close of voting: they did not count, and say so
        model.addAttribute("paperNotCounted", paperBallots.notCountedAtClose(year));
        return "results/ciclo";
    }

    @GetMapping("/resultados/{year}/matriz-priorizacion.csv")
    ResponseEntity<String> matrixCsv(@PathVariable int year) {
        Results r = published(year);
        StringBuilder out = new StringBuilder("ambito,puesto,cui,proyecto,costo,puntaje_tecnico,votos_en_linea,"
                + "votos_en_talleres,votos,puntaje_votos,puntaje_total,priorizado,motivo\r\n");
        r.scopes().forEach(s -> s.projects().forEach(p -> out.append(Csv.row(s.scope(), p.rank(), p.cui(), p.name(),
                p.cost(), p.technicalScore(), p.onlineVotes(), p.workshopVotes(), p.votes(), p.voteScore(),
                p.totalScore(), p.funded() ? "SI" : "NO", p.reason()))));
        return ResponseEntity.ok().contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"matriz-priorizacion-" + year + ".csv\"")
                .body(out.toString());
    }

    @GetMapping("/resultados/{year}/matriz-priorizacion.pdf")
    ResponseEntity<byte[]> matrixPdf(@PathVariable int year) {
        Results r = published(year);
        return pdf(year, "matriz-priorizacion", "Matriz de priorización " + year, Map.of("results", r));
    }

    @GetMapping("/resultados/{year}/evaluacion-tecnica.pdf")
    ResponseEntity<byte[]> evaluationPdf(@PathVariable int year) {
        Results r = published(year);
        return pdf(year, "evaluacion-tecnica", "Matriz de evaluación técnica " + year, Map.of("results", r));
    }

    @GetMapping("/resultados/{year}/agentes-acreditados.pdf")
    ResponseEntity<byte[]> agentsPdf(@PathVariable int year) {
        Cycle cycle = cycles.find(year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No existe el ciclo " + year + "."));
        return pdf(year, "agentes-acreditados", "Agentes participantes acreditados " + year,
                Map.of("cycle", cycle, "agents", accreditation.accreditedAgents(year)));
    }

    @GetMapping("/resultados/{year}/acta-acuerdos.pdf")
    ResponseEntity<byte[]> agreementsPdf(@PathVariable int year) {
        Results r = published(year);
        var approval = cycles.approval(year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "El acta de acuerdos y compromisos del ciclo " + year + " se genera cuando la Gerencia Regional "
                        + "aprueba los resultados."));
        return pdf(year, "acta-acuerdos", "Acta de acuerdos y compromisos " + year, Map.of("results", r,
                "approval", approval, "election", elections.of(year), "agentCount",
                accreditation.accreditedCount(year)));
    }

    @GetMapping("/resultados/{year}/acta-eleccion-comite.pdf")
    ResponseEntity<byte[]> committeePdf(@PathVariable int year) {
        var election = elections.of(year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "El Comité de Vigilancia del ciclo " + year + " aún no ha sido elegido."));
        return pdf(year, "acta-eleccion-comite", "Acta de elección del Comité de Vigilancia " + year,
                Map.of("election", election, "scopeNames", territory.scopeNames(),
                        "agentCount", accreditation.accreditedCount(year)));
    }

    private Results published(int year) {
        return results.of(year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "Los resultados del ciclo " + year + " se publican al cerrar la votación y calcular la priorización."));
    }

    private ResponseEntity<byte[]> pdf(int year, String name, String title, Map<String, ?> model) {
        Map<String, Object> all = new java.util.HashMap<>(model);
        all.put("year", year);
        return ResponseEntity.ok().contentType(PDF)
                .header("Content-Disposition", "inline; filename=\"" + name + "-" + year + ".pdf\"")
                .body(pdf.render(name, title, all));
    }
}
