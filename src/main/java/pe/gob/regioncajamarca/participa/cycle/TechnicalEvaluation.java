package pe.gob.regioncajamarca.participa.cycle;

import pe.gob.regioncajamarca.participa.documents.TabularFile;

import pe.gob.regioncajamarca.participa.projects.Scopes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import pe.gob.regioncajamarca.participa.ledger.LedgerPayload;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import pe.gob.regioncajamarca.participa.documents.TabularFile.Line;
import pe.gob.regioncajamarca.participa.ledger.Ledger;
import pe.gob.regioncajamarca.participa.ledger.LedgerKinds;
import pe.gob.regioncajamarca.participa.documents.TabularFile.Problem;
import pe.gob.regioncajamarca.participa.documents.TabularFile.RejectedFile;

/**
 * The technical evaluation, one task per scope ("Evaluar proyectos técnicamente", glue
 * {@link EvaluacionTecnica}): the technical team attaches the scope's evaluation matrix (CSV or XLSX with
 * columns {@code cui, puntaje, comentario}); every project of the scope must get exactly one score from 0 to
 * 100. A matrix with any problem is rejected whole (the task stays open); a good one stores the scores.
 */
@Service
public class TechnicalEvaluation {

    public static final List<String> COLUMNS = List.of("cui", "puntaje", "comentario");

    private final pe.gob.regioncajamarca.participa.projects.Projects projectList;
    private final Ledger ledger;

    public TechnicalEvaluation(pe.gob.regioncajamarca.participa.projects.Projects projectList, Ledger ledger) {
        this.projectList = projectList;
        this.ledger = ledger;
    }

    /** The scopes that have projects in the cycle: one evaluation task each (multi-instance collection). */
    public List<String> scopesOf(int year) {
        List<String> present = projectList.scopesOf(year);
        return Scopes.ALL.stream().filter(present::contains).toList();
    }

    /** Validates and stores the scores of one scope; returns how many projects were scored. */
    @Transactional
    public int load(int year, String scope, String fileName, byte[] content) {
        List<Problem> problems = new ArrayList<>();
        List<Line> lines = TabularFile.read(fileName, content, COLUMNS, problems);
        Map<String, Long> projects = projectList.idsOf(year, scope);
        Map<String, BigDecimal> scores = new HashMap<>();
        Map<String, String> comments = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Line line : lines) {
            String cui = line.values().get("cui").trim();
            if (!projects.containsKey(cui)) {
                problems.add(new Problem(line.row(), "cui", "el CUI \"" + cui + "\" no es un proyecto del ámbito "
                        + scope + " en el ciclo " + year));
                continue;
            }
            if (!seen.add(cui)) {
                problems.add(new Problem(line.row(), "cui", "el CUI " + cui + " se repite en la matriz"));
                continue;
            }
            try {
                BigDecimal score = new BigDecimal(line.values().get("puntaje").trim().replace(',', '.'));
                if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0 || score.scale() > 2) {
                    problems.add(new Problem(line.row(), "puntaje", "el puntaje debe estar entre 0 y 100 (hasta 2 "
                            + "decimales)"));
                } else {
                    scores.put(cui, score);
                }
            } catch (NumberFormatException e) {
                problems.add(new Problem(line.row(), "puntaje", "\"" + line.values().get("puntaje")
                        + "\" no es un puntaje"));
            }
            String comment = line.values().get("comentario").trim();
            if (comment.length() > 1000) {
                problems.add(new Problem(line.row(), "comentario", "el comentario admite hasta 1000 caracteres"));
            }
            comments.put(cui, comment.isEmpty() ? null : comment);
        }
        if (problems.isEmpty()) {
            List<String> missing = projects.keySet().stream().filter(c -> !seen.contains(c)).sorted().toList();
            if (!missing.isEmpty()) {
                problems.add(new Problem(1, null, "faltan los puntajes de " + String.join(", ", missing)));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(Problem::row));
            throw new RejectedFile(problems);
        }
        Map<Long, BigDecimal> byId = new HashMap<>();
        Map<Long, String> commentsById = new HashMap<>();
        scores.forEach((cui, score) -> {
            byId.put(projects.get(cui), score);
            commentsById.put(projects.get(cui), comments.get(cui));
        });
        projectList.storeTechnicalScores(byId, commentsById);
        ledger.append(year, scope, new LedgerPayload.TechnicalScores(scope, fileName, new java.util.TreeMap<>(scores)));
        return scores.size();
    }
}
