package pe.gob.regioncajamarca.participa.investments;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import pe.gob.regioncajamarca.participa.documents.Csv;

/**
 * {@code GET /api/open-data/national-investments} (and {@code .csv}, and {@code /{cui}}): the national investment
 * system's figures of the region's investments as last imported, with their source and dates. Public figures of public
 * investments only.
 */
@RestController
@RequestMapping(path = "/api/open-data", produces = MediaType.APPLICATION_JSON_VALUE)
class NationalOpenDataController {

    private final NationalFigures figures;

    NationalOpenDataController(NationalFigures figures) {
        this.figures = figures;
    }

    record InvestmentJson(String cui, String name, String ubigeo, String executingUnit, String state,
                          String situation, BigDecimal updatedCost, int year, BigDecimal pim, BigDecimal accruedYear,
                          BigDecimal accruedToDate, BigDecimal physicalProgress, String source, Instant importedAt) {
        static InvestmentJson of(NationalFigures.National n) {
            return new InvestmentJson(n.cui(), n.name(), n.ubigeo(), n.executingUnit(), n.state(), n.situation(),
                    n.updatedCost(), n.figuresYear(), n.pimCurrentYear(), n.accruedCurrentYear(), n.accruedToDate(),
                    n.physicalProgress(), n.source(), n.importedAt());
        }
    }

    @GetMapping("/national-investments")
    List<InvestmentJson> all() {
        List<InvestmentJson> all = new ArrayList<>();
        figures.each(n -> all.add(InvestmentJson.of(n)));
        return all;
    }

    @GetMapping("/national-investments/{cui:\\d{1,10}}")
    ResponseEntity<InvestmentJson> one(@PathVariable String cui) {
        return ResponseEntity.of(figures.of(cui).map(InvestmentJson::of));
    }

    @GetMapping(path = "/national-investments.csv", produces = "text/csv;charset=UTF-8")
    void csv(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "inline; filename=\"inversiones-mef.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write("cui,name,ubigeo,executingUnit,state,situation,updatedCost,year,pim,accruedYear,accruedToDate,"
                + "physicalProgress,source,importedAt\r\n");
        figures.each(n -> {
            try {
                out.write(Csv.row(n.cui(), n.name(), n.ubigeo(), n.executingUnit(), n.state(), n.situation(),
                        n.updatedCost(), n.figuresYear(), n.pimCurrentYear(), n.accruedCurrentYear(),
                        n.accruedToDate(), n.physicalProgress(), n.source(), n.importedAt()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        out.flush();
    }
}
